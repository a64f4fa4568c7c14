import type { Office, OfficeCreate, OfficeUpdate } from '../shared/contracts/offices.ts';
import type { Locale } from '../shared/locales.ts';
import type { Right, Role } from '../shared/rights.ts';

/** The only caller of fetch in the web UI: JSON in and out, the CSRF header on changes, errors as ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: any,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? res.statusText, e?.details);
  }
  return data as T;
}

/** Query parameters; empty values are left out. */
export type Query = Record<string, string | number | undefined | null>;
export const qs = (q: Query) => new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '') as [string, string][]).toString();

/** A file sent as the raw body (the ERP import endpoints); the answer is JSON like every call. */
async function upload<T>(path: string, file: File): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? res.statusText, e?.details);
  }
  return data as T;
}

/** Long work on the server: progress while it runs, then its result or why it failed. */
export interface Job {
  id: string;
  kind: string;
  title: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { done: number; total: number; unit: string } | null;
  result: any;
  error: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  officeId: string | null;
  partnerId: string | null;
  countryCode: string | null;
  locale: Locale;
  /** what the server lets this user do (each right within the user's scope): screens ask `can(right)` */
  rights: Right[];
}

interface Session {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
}

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

const remember = (s: Session) => {
  csrfToken = s.csrfToken;
  return s.user;
};

export const api = {
  signIn: (email: string, password: string) => call<Session>('POST', '/api/session', { email, password }).then(remember),
  currentUser: () => call<Session>('GET', '/api/session').then(remember),
  signOut: () =>
    call<void>('DELETE', '/api/session').finally(() => {
      csrfToken = undefined;
    }),
  changePassword: (currentPassword: string, newPassword: string) => call<void>('PUT', '/api/session/password', { currentPassword, newPassword }),
  signOutEverywhere: () =>
    call<void>('DELETE', '/api/session/all').finally(() => {
      csrfToken = undefined;
    }),
  offices: (q?: string) => call<{ items: Office[]; total: number }>('GET', `/api/offices?limit=1000${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  office: (id: string) => call<Office>('GET', `/api/offices/${id}`),
  createOffice: (input: OfficeCreate) => call<Office>('POST', '/api/offices', input),
  updateOffice: (id: string, input: OfficeUpdate) => call<Office>('PATCH', `/api/offices/${id}`, input),
  deleteOffice: (id: string, version: number) => call<void>('DELETE', `/api/offices/${id}?version=${version}`),
  audit: (params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][]);
    return call<{ items: AuditEntry[]; next: number | null }>('GET', `/api/audit?${q}`);
  },
  countries: () => call<{ items: Country[] }>('GET', '/api/reference/countries'),
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
  partners: () => call<{ items: Rec[] }>('GET', '/api/partners'),
  agreements: () => call<{ items: Rec[] }>('GET', '/api/agreements'),
  projects: (q: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries({ limit: '500', ...q }).filter(([, v]) => v) as [string, string][]);
    return call<{ items: Rec[]; total: number }>('GET', `/api/projects?${params}`);
  },
  project: (id: string) => call<Rec>('GET', `/api/projects/${id}`),
  updateProject: (id: string, body: Rec) => call<Rec>('PATCH', `/api/projects/${id}`, body),
  projectDocuments: (id: string) => call<{ items: Rec[] }>('GET', `/api/projects/${id}/documents`),
  createProjectDocument: (id: string, body: Rec) => call<Rec>('POST', `/api/projects/${id}/documents`, body),
  updateProjectDocument: (id: string, body: Rec) => call<Rec>('PATCH', `/api/project-documents/${id}`, body),
  deleteProjectDocument: (id: string, version: number) => call<void>('DELETE', `/api/project-documents/${id}?version=${version}`),
  codelist: (name: string) => call<{ items: Rec[] }>('GET', `/api/reference/codelists/${name}`),
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
  iatiValidate: (file: File) => upload<{ jobId: string }>(`/api/iati/validations?${qs({ fileName: file.name })}`, file),
  iatiImport: (file: File) => upload<{ jobId: string }>(`/api/iati/imports?${qs({ fileName: file.name })}`, file),
  iatiCheck: () => call<{ jobId: string }>('POST', '/api/iati/checks'),
  iatiPublisher: () => call<Rec>('GET', '/api/iati/publisher'),
  setIatiActivityUnit: (unit: string) => call<Rec>('PUT', '/api/settings/iati-activity-unit', { unit }),
  iatiActivities: (q: string) => call<{ items: Rec[]; total: number }>('GET', `/api/iati/activities?${qs({ q, limit: 20 })}`),
  linkIatiActivity: (id: string, body: Rec) => call<Rec>('PUT', `/api/iati/activities/${id}/project`, body),
  projectIati: (id: string) => call<Rec>('GET', `/api/projects/${id}/iati`),
  projectIatiCheck: (id: string) => call<Rec>('GET', `/api/projects/${id}/iati/check`),
  job: (id: string) => call<Job>('GET', `/api/jobs/${id}`),
  previewImport: (file: File) => upload<Rec>(`/api/finance/imports/preview?${qs({ fileName: file.name })}`, file),
  importFinance: (file: File, q: Query) => upload<Rec>(`/api/finance/imports?${qs({ fileName: file.name, ...q })}`, file),
  fundingSources: () => call<{ items: Rec[] }>('GET', '/api/reference/funding-sources'),
  transitionProject: (id: string, body: Rec) => call<Rec>('POST', `/api/projects/${id}/transitions`, body),
  strategies: () => call<{ items: Rec[] }>('GET', '/api/strategies'),
  strategyProgress: (code: string, asOf: string) => call<Rec>('GET', `/api/strategies/${encodeURIComponent(code)}/progress?${qs({ asOf })}`),
  addIndicatorValue: (id: string, body: Rec) => call<Rec>('POST', `/api/strategy-indicators/${id}/values`, body),
  createStrategy: (doc: unknown) => call<Rec>('POST', '/api/strategies', doc),
  createActionPlan: (doc: unknown) => call<Rec>('POST', '/api/action-plans', doc),
  actionPlans: () => call<{ items: Rec[] }>('GET', '/api/action-plans'),
  actionPlan: (code: string, asOf: string) => call<Rec>('GET', `/api/action-plans/${encodeURIComponent(code)}?${qs({ asOf })}`),
  addItemStatus: (id: string, body: Rec) => call<Rec>('POST', `/api/action-items/${id}/statuses`, body),
  addFramework: (body: Rec) => call<Rec>('POST', '/api/frameworks', body),
  addOrgOutcome: (id: string, body: Rec) => call<Rec>('POST', `/api/frameworks/${id}/outcomes`, body),
  addOrgOutput: (outcomeId: string, body: Rec) => call<Rec>('POST', `/api/frameworks/outcomes/${outcomeId}/outputs`, body),
};

/** The address of a report as at a date in a format (opened or downloaded by the browser itself). */
export const reportUrl = (kind: string, subject: string, q: Query) => `/api/reports/${kind}/${encodeURIComponent(subject)}?${qs(q)}`;

/** Records as the API presents them (camelCase fields). */
export type Rec = Record<string, any>;

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
