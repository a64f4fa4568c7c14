import { call, type Query, qs, type Rec, upload } from './client.ts';

/** Strategies, action plans and reports. */
export const plansApi = {
  strategies: () => call<{ items: Rec[] }>('GET', '/api/strategies'),
  strategyProgress: (code: string, asOf: string) => call<Rec>('GET', `/api/strategies/${encodeURIComponent(code)}/progress?${qs({ asOf })}`),
  addIndicatorValue: (id: string, body: Rec) => call<Rec>('POST', `/api/strategy-indicators/${id}/values`, body),
  createStrategy: (doc: unknown) => call<Rec>('POST', '/api/strategies', doc),
  createActionPlan: (doc: unknown) => call<Rec>('POST', '/api/action-plans', doc),
  actionPlans: () => call<{ items: Rec[] }>('GET', '/api/action-plans'),
  actionPlan: (code: string, asOf: string) => call<Rec>('GET', `/api/action-plans/${encodeURIComponent(code)}?${qs({ asOf })}`),
  addItemStatus: (id: string, body: Rec) => call<Rec>('POST', `/api/action-items/${id}/statuses`, body),
};

/** The address of a report as at a date in a format (opened or downloaded by the browser itself). */
export const reportUrl = (kind: string, subject: string, q: Query) => `/api/reports/${kind}/${encodeURIComponent(subject)}?${qs(q)}`;
