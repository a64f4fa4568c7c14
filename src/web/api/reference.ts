import { call, type Rec } from './client.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actorLabel: string;
  via: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface Country {
  code: string;
  name_en: string;
  name_fr: string;
  name_es: string;
}

/** The audit trail and reference data (countries, code lists, funding sources). */
export const referenceApi = {
  audit: (params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][]);
    return call<{ items: AuditEntry[]; next: number | null }>('GET', `/api/audit?${q}`);
  },
  countries: () => call<{ items: Country[] }>('GET', '/api/reference/countries'),
  codelist: (name: string) => call<{ items: Rec[] }>('GET', `/api/reference/codelists/${name}`),
  fundingSources: () => call<{ items: Rec[] }>('GET', '/api/reference/funding-sources'),
};
