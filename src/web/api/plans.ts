import type { z } from 'zod';
import type {
  ActionItemCreate,
  ActionItemUpdate,
  IndicatorValueCreate,
  StatusInput,
  StrategyIndicatorCreate,
  StrategyIndicatorUpdate,
  StrategyOutcomeCreate,
  StrategyOutcomeUpdate,
} from '../../shared/contracts/strategies.ts';
import type {
  ActionItem,
  ActionItemStatus,
  ActionPlan,
  ActionPlanAsAt,
  ActionPlanList,
  Strategy,
  StrategyIndicator,
  StrategyIndicatorValue,
  StrategyList,
  StrategyOutcome,
  StrategyProgress,
} from '../../shared/contracts/strategies-answers.ts';
import { call, type Query, qs } from './client.ts';

/** Strategies, action plans and reports. */
export const plansApi = {
  strategies: () => call<StrategyList>('GET', '/api/strategies'),
  strategyProgress: (code: string, asOf: string) => call<StrategyProgress>('GET', `/api/strategies/${encodeURIComponent(code)}/progress?${qs({ asOf })}`),
  addIndicatorValue: (id: string, body: z.input<typeof IndicatorValueCreate>) => call<StrategyIndicatorValue>('POST', `/api/strategy-indicators/${id}/values`, body),
  /** A whole strategy from a JSON document (checked by the server, which names each refused field). */
  createStrategy: (doc: unknown) => call<Strategy>('POST', '/api/strategies', doc),
  /** A whole action plan from a JSON document (checked by the server, which names each refused field). */
  createActionPlan: (doc: unknown) => call<ActionPlan>('POST', '/api/action-plans', doc),
  actionPlans: () => call<ActionPlanList>('GET', '/api/action-plans'),
  actionPlan: (code: string, asOf: string) => call<ActionPlanAsAt>('GET', `/api/action-plans/${encodeURIComponent(code)}?${qs({ asOf })}`),
  /** One outcome (with its costing line) added to a strategy; the JSON upload stays for a whole strategy. */
  addStrategyOutcome: (strategyId: string, body: z.input<typeof StrategyOutcomeCreate>) => call<StrategyOutcome>('POST', `/api/strategies/${strategyId}/outcomes`, body),
  updateStrategyOutcome: (id: string, body: z.input<typeof StrategyOutcomeUpdate>) => call<StrategyOutcome>('PATCH', `/api/strategy-outcomes/${id}`, body),
  addStrategyIndicator: (outcomeId: string, body: z.input<typeof StrategyIndicatorCreate>) =>
    call<StrategyIndicator>('POST', `/api/strategy-outcomes/${outcomeId}/indicators`, body),
  updateStrategyIndicator: (id: string, body: z.input<typeof StrategyIndicatorUpdate>) => call<StrategyIndicator>('PATCH', `/api/strategy-indicators/${id}`, body),
  addActionItem: (componentId: string, body: z.input<typeof ActionItemCreate>) => call<ActionItem>('POST', `/api/action-plan-components/${componentId}/items`, body),
  updateActionItem: (id: string, body: z.input<typeof ActionItemUpdate>) => call<ActionItem>('PATCH', `/api/action-items/${id}`, body),
  addItemStatus: (id: string, body: z.input<typeof StatusInput>) => call<ActionItemStatus>('POST', `/api/action-items/${id}/statuses`, body),
};

/** The address of a report as at a date in a format (opened or downloaded by the browser itself). */
export const reportUrl = (kind: string, subject: string, q: Query) => `/api/reports/${kind}/${encodeURIComponent(subject)}?${qs(q)}`;
