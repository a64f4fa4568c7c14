import { call, type Query, qs, type Rec, upload } from './client.ts';

/** Partners, agreements, projects and their documents. */
export const portfolioApi = {
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
  transitionProject: (id: string, body: Rec) => call<Rec>('POST', `/api/projects/${id}/transitions`, body),
};
