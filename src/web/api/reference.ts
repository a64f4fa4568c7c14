import type { AuditPage } from '../../shared/contracts/audit.ts';
import type { CodelistWithCodes, FundingSourceList, NamedCodeList } from '../../shared/contracts/reference.ts';
import { call } from './client.ts';

/** The audit trail and reference data (countries, code lists, funding sources). */
export const referenceApi = {
  audit: (params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][]);
    return call<AuditPage>('GET', `/api/audit?${q}`);
  },
  countries: () => call<NamedCodeList>('GET', '/api/reference/countries'),
  codelist: (name: string) => call<CodelistWithCodes>('GET', `/api/reference/codelists/${name}`),
  fundingSources: () => call<FundingSourceList>('GET', '/api/reference/funding-sources'),
};
