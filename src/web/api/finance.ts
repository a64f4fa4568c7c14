import type {
  DeliveryCurve,
  DeliveryGroups,
  DeliveryPage,
  DeliveryTrend,
  FinanceMapping,
  FundingAlignment,
  ImportMapping,
  ImportMappingCreate,
  ImportMappingList,
  ImportPreview,
  ImportReport,
  PortfolioSummary,
  ResourceGaps,
  ResourceNeed,
  ResourceNeedCreate,
  ResourceNeedList,
  ResourceNeedUpdate,
  WarningAction,
  WarningActionCreate,
  WarningRule,
  WarningRuleList,
  WarningRuleUpdate,
  WatchList,
} from '../../shared/contracts/finance.ts';
import type { JobStarted } from '../../shared/contracts/jobs.ts';
import { call, type Query, qs, upload } from './client.ts';

/** Money: delivery, portfolio, warnings, resource needs and gaps, ERP imports. */
export const financeApi = {
  delivery: (q: Query) => call<DeliveryPage>('GET', `/api/delivery?${qs(q)}`),
  deliveryGroups: (q: Query) => call<DeliveryGroups>('GET', `/api/delivery/groups?${qs(q)}`),
  deliveryTrend: (q: Query) => call<DeliveryTrend>('GET', `/api/delivery/trend?${qs(q)}`),
  deliveryCurve: (q: Query) => call<DeliveryCurve>('GET', `/api/delivery/curve?${qs(q)}`),
  portfolio: (q: Query) => call<PortfolioSummary>('GET', `/api/portfolio/summary?${qs(q)}`),
  fundingAlignment: (q: Query) => call<FundingAlignment>('GET', `/api/funding-alignment?${qs(q)}`),
  resourceNeeds: (cpoId: string) => call<ResourceNeedList>('GET', `/api/cpos/${cpoId}/resource-needs`),
  createResourceNeed: (cpoId: string, body: ResourceNeedCreate) => call<ResourceNeed>('POST', `/api/cpos/${cpoId}/resource-needs`, body),
  updateResourceNeed: (id: string, body: ResourceNeedUpdate) => call<ResourceNeed>('PATCH', `/api/resource-needs/${id}`, body),
  resourceGaps: (q: Query) => call<ResourceGaps>('GET', `/api/resource-gaps?${qs(q)}`),
  warnings: (q: Query) => call<WatchList>('GET', `/api/early-warnings?${qs(q)}`),
  actOnWarning: (body: WarningActionCreate) => call<WarningAction>('POST', '/api/early-warnings/actions', body),
  warningRules: () => call<WarningRuleList>('GET', '/api/warning-rules'),
  updateWarningRule: (code: string, body: WarningRuleUpdate) => call<WarningRule>('PATCH', `/api/warning-rules/${code}`, body),
  mappings: () => call<ImportMappingList>('GET', '/api/finance/mappings'),
  saveMapping: (body: ImportMappingCreate) => call<ImportMapping>('POST', '/api/finance/mappings', body),
  previewImport: (file: File) => upload<ImportPreview>(`/api/finance/imports/preview?${qs({ fileName: file.name })}`, file),
  /** The report at once (a small file), or the job that imports a large one (its result is the same report). */
  importFinance: (file: File, q: { mapping: FinanceMapping; dryRun: boolean }) =>
    upload<ImportReport | JobStarted>(`/api/finance/imports?${qs({ fileName: file.name, mapping: JSON.stringify(q.mapping), dryRun: String(q.dryRun) })}`, file),
};
