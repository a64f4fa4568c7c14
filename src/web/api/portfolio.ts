import type {
  AgreementList,
  DocumentCreate,
  DocumentUpdate,
  PartnerList,
  Project,
  ProjectCreate,
  ProjectDetail,
  ProjectDocument,
  ProjectDocumentList,
  ProjectList,
  ProjectTransition,
  ProjectUpdate,
} from '../../shared/contracts/portfolio.ts';
import { call } from './client.ts';

/** Partners, agreements, projects and their documents. */
export const portfolioApi = {
  partners: () => call<PartnerList>('GET', '/api/partners'),
  agreements: () => call<AgreementList>('GET', '/api/agreements'),
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
