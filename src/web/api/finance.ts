import { call, type Query, qs, type Rec, upload } from './client.ts';

/** Money: delivery, portfolio, warnings, resource needs and gaps, ERP imports. */
export const financeApi = {
  delivery: (q: Query) => call<{ currency: string; count: number; through: number; rows: Rec[]; total: Rec }>('GET', `/api/delivery?${qs(q)}`),
  deliveryBy: (q: Query) => call<{ currency: string; rows: Rec[]; unconverted: number }>('GET', `/api/delivery?${qs(q)}`),
  deliveryTrend: (q: Query) => call<{ currency: string; rows: Rec[] }>('GET', `/api/delivery/trend?${qs(q)}`),
  deliveryCurve: (q: Query) => call<{ currency: string; allocation: string; points: Rec[] }>('GET', `/api/delivery/curve?${qs(q)}`),
  portfolio: (q: Query) => call<{ currency: string; byStatus: Rec[]; byCountry: Rec[]; bySource: Rec[] }>('GET', `/api/portfolio/summary?${qs(q)}`),
  fundingAlignment: (q: Query) => call<{ currency: string; rows: Rec[]; basis: string }>('GET', `/api/funding-alignment?${qs(q)}`),
  resourceNeeds: (cpoId: string) => call<{ items: Rec[] }>('GET', `/api/cpos/${cpoId}/resource-needs`),
  createResourceNeed: (cpoId: string, body: Rec) => call<Rec>('POST', `/api/cpos/${cpoId}/resource-needs`, body),
  updateResourceNeed: (id: string, body: Rec) => call<Rec>('PATCH', `/api/resource-needs/${id}`, body),
  resourceGaps: (q: Query) => call<{ currency: string; rows: Rec[]; totals: Rec }>('GET', `/api/resource-gaps?${qs(q)}`),
  warnings: (q: Query) =>
    call<{ asOf: string; currency: string; total: number; byRule: Record<string, number>; warnings: Rec[]; unconverted: Rec[] }>('GET', `/api/early-warnings?${qs(q)}`),
  actOnWarning: (body: Rec) => call<Rec>('POST', '/api/early-warnings/actions', body),
  warningRules: () => call<{ items: Rec[] }>('GET', '/api/warning-rules'),
  updateWarningRule: (code: string, body: Rec) => call<Rec>('PATCH', `/api/warning-rules/${code}`, body),
  mappings: () => call<{ items: Rec[] }>('GET', '/api/finance/mappings'),
  saveMapping: (body: Rec) => call<Rec>('POST', '/api/finance/mappings', body),
  previewImport: (file: File) => upload<Rec>(`/api/finance/imports/preview?${qs({ fileName: file.name })}`, file),
  importFinance: (file: File, q: Query) => upload<Rec>(`/api/finance/imports?${qs({ fileName: file.name, ...q })}`, file),
};
