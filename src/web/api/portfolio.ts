import type {
  Agreement,
  AgreementCreate,
  AgreementList,
  AgreementUpdate,
  DocumentCreate,
  DocumentUpdate,
  DueDiligenceCreate,
  DueDiligenceReview,
  Partner,
  PartnerCreate,
  PartnerList,
  PartnerUpdate,
  Project,
  ProjectCreate,
  ProjectDetail,
  ProjectDocument,
  ProjectDocumentList,
  ProjectList,
  ProjectTransition,
  ProjectUpdate,
} from '../../shared/contracts/portfolio.ts';
import type { NamedCodeList } from '../../shared/contracts/reference.ts';
import { call } from './client.ts';

/** Partners, agreements, projects and their documents. */
export const portfolioApi = {
  partners: () => call<PartnerList>('GET', '/api/partners'),
  partner: (id: string) => call<Partner>('GET', `/api/partners/${id}`),
  createPartner: (body: PartnerCreate) => call<Partner>('POST', '/api/partners', body),
  updatePartner: (id: string, body: PartnerUpdate) => call<Partner>('PATCH', `/api/partners/${id}`, body),
  addDueDiligence: (id: string, body: DueDiligenceCreate) => call<DueDiligenceReview>('POST', `/api/partners/${id}/due-diligence`, body),
  agreements: () => call<AgreementList>('GET', '/api/agreements'),
  agreement: (id: string) => call<Agreement>('GET', `/api/agreements/${id}`),
  createAgreement: (body: AgreementCreate) => call<Agreement>('POST', '/api/agreements', body),
  updateAgreement: (id: string, body: AgreementUpdate) => call<Agreement>('PATCH', `/api/agreements/${id}`, body),
  /** The currencies an agreement may be in (IATI Currency codelist). */
  agreementCurrencies: () => call<NamedCodeList>('GET', '/api/reference/currencies'),
  projects: (q: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries({ limit: '500', ...q }).filter(([, v]) => v) as [string, string][]);
    return call<ProjectList>('GET', `/api/projects?${params}`);
  },
  project: (id: string) => call<ProjectDetail>('GET', `/api/projects/${id}`),
  createProject: (body: ProjectCreate) => call<Project>('POST', '/api/projects', body),
  updateProject: (id: string, body: ProjectUpdate) => call<Project>('PATCH', `/api/projects/${id}`, body),
  projectDocuments: (id: string) => call<ProjectDocumentList>('GET', `/api/projects/${id}/documents`),
  createProjectDocument: (id: string, body: DocumentCreate) => call<ProjectDocument>('POST', `/api/projects/${id}/documents`, body),
  updateProjectDocument: (id: string, body: DocumentUpdate) => call<ProjectDocument>('PATCH', `/api/project-documents/${id}`, body),
  deleteProjectDocument: (id: string, version: number) => call<void>('DELETE', `/api/project-documents/${id}?version=${version}`),
  transitionProject: (id: string, body: ProjectTransition) => call<Project>('POST', `/api/projects/${id}/transitions`, body),
};
