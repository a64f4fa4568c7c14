import { call, type Query, qs, type Rec, upload } from './client.ts';

export interface CountryPageData {
  profile: Rec;
  constituents: Rec[];
  cycles: Rec[];
  cycle: (Rec & { priorities: (Rec & { outcomes: (Rec & { sdgTargets: string[]; outputs: Rec[] })[] })[] }) | null;
  dwcps: Rec[];
  dwcp: (Rec & { priorities: (Rec & { alignmentComputed: string; cpos: (Rec & { drifted: boolean; sdgTargets: string[]; cfOutputIds: string[] })[] })[] }) | null;
  milestones: Rec[];
  indicators: (Rec & { targets: Rec[]; actuals: Rec[] })[];
  sdgTargets: { code: string; title_en: string; title_fr: string; title_es: string }[];
}

export interface AlignmentMatrixData {
  dwcp: Rec;
  outcomes: { id: string; code: string; text: string; orgRole: string }[];
  rows: { id: string; code: string; title: string; recorded: string | null; computed: string; cells: Record<string, 'outcome' | 'output'> }[];
}

export interface PortfolioRow {
  region: string;
  year: number;
  priorities: number;
  fully: number;
  partially: number;
  not: number;
  reflectedShare: string;
}

/** Country programming: countries, Cooperation Frameworks, DWCPs, indicators, calendar, alignment, frameworks. */
export const programmingApi = {
  programmes: () => call<{ items: Rec[] }>('GET', '/api/countries'),
  countryPage: (code: string) => call<CountryPageData>('GET', `/api/countries/${code}/page`),
  alignment: (code: string) => call<AlignmentMatrixData>('GET', `/api/countries/${code}/alignment`),
  alignmentPortfolio: () => call<{ items: PortfolioRow[] }>('GET', '/api/alignment/portfolio'),
  calendar: () => call<{ from: string; to: string; items: Rec[] }>('GET', '/api/calendar'),
  notifications: () => call<{ asOf: string; items: Rec[] }>('GET', '/api/calendar/notifications'),
  importProgramme: (doc: unknown) => call<{ country: string; counts: Record<string, number> }>('POST', '/api/programmes/import', doc),
  addConstituent: (code: string, body: Rec) => call<Rec>('POST', `/api/countries/${code}/constituents`, body),
  addMilestone: (code: string, body: Rec) => call<Rec>('POST', `/api/countries/${code}/milestones`, body),
  updateMilestone: (id: string, body: Rec) => call<Rec>('PATCH', `/api/milestones/${id}`, body),
  assessPriority: (id: string, body: Rec) => call<Rec>('PATCH', `/api/dwcp-priorities/${id}`, body),
  updateProgramme: (code: string, body: Rec) => call<Rec>('PATCH', `/api/countries/${code}`, body),
  addCycle: (code: string, body: Rec) => call<Rec>('POST', `/api/countries/${code}/cf-cycles`, body),
  updateCycle: (id: string, body: Rec) => call<Rec>('PATCH', `/api/cf-cycles/${id}`, body),
  addCfPriority: (cycleId: string, body: Rec) => call<Rec>('POST', `/api/cf-cycles/${cycleId}/priorities`, body),
  addCfOutcome: (cycleId: string, body: Rec) => call<Rec>('POST', `/api/cf-cycles/${cycleId}/outcomes`, body),
  addCfOutput: (outcomeId: string, body: Rec) => call<Rec>('POST', `/api/cf-outcomes/${outcomeId}/outputs`, body),
  addDwcp: (code: string, body: Rec) => call<Rec>('POST', `/api/countries/${code}/dwcps`, body),
  addDwcpPriority: (dwcpId: string, body: Rec) => call<Rec>('POST', `/api/dwcps/${dwcpId}/priorities`, body),
  addCpo: (dwcpId: string, body: Rec) => call<Rec>('POST', `/api/dwcps/${dwcpId}/cpos`, body),
  addIndicator: (body: Rec) => call<Rec>('POST', '/api/indicators', body),
  setTarget: (id: string, body: Rec) => call<Rec>('POST', `/api/indicators/${id}/targets`, body),
  addActual: (id: string, body: Rec) => call<Rec>('POST', `/api/indicators/${id}/actuals`, body),
  frameworks: () => call<{ items: Rec[] }>('GET', '/api/frameworks'),
  addFramework: (body: Rec) => call<Rec>('POST', '/api/frameworks', body),
  addOrgOutcome: (id: string, body: Rec) => call<Rec>('POST', `/api/frameworks/${id}/outcomes`, body),
  addOrgOutput: (outcomeId: string, body: Rec) => call<Rec>('POST', `/api/frameworks/outcomes/${outcomeId}/outputs`, body),
};
