import type { z } from 'zod';
import type { IndicatorValueCreate, StatusInput } from '../../shared/contracts/strategies.ts';
import type {
  ActionItemStatus,
  ActionPlan,
  ActionPlanAsAt,
  ActionPlanList,
  Strategy,
  StrategyIndicatorValue,
  StrategyList,
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
  addItemStatus: (id: string, body: z.input<typeof StatusInput>) => call<ActionItemStatus>('POST', `/api/action-items/${id}/statuses`, body),
};

/** The address of a report as at a date in a format (opened or downloaded by the browser itself). */
export const reportUrl = (kind: string, subject: string, q: Query) => `/api/reports/${kind}/${encodeURIComponent(subject)}?${qs(q)}`;
