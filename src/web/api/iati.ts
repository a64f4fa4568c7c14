import { call, type Query, qs, type Rec, upload } from './client.ts';

/** IATI: validation, import, publication checks, activities. */
export const iatiApi = {
  iatiValidate: (file: File) => upload<{ jobId: string }>(`/api/iati/validations?${qs({ fileName: file.name })}`, file),
  iatiImport: (file: File) => upload<{ jobId: string }>(`/api/iati/imports?${qs({ fileName: file.name })}`, file),
  iatiCheck: () => call<{ jobId: string }>('POST', '/api/iati/checks'),
  iatiPublisher: () => call<Rec>('GET', '/api/iati/publisher'),
  setIatiActivityUnit: (unit: string) => call<Rec>('PUT', '/api/settings/iati-activity-unit', { unit }),
  iatiActivities: (q: string) => call<{ items: Rec[]; total: number }>('GET', `/api/iati/activities?${qs({ q, limit: 20 })}`),
  linkIatiActivity: (id: string, body: Rec) => call<Rec>('PUT', `/api/iati/activities/${id}/project`, body),
  projectIati: (id: string) => call<Rec>('GET', `/api/projects/${id}/iati`),
  projectIatiCheck: (id: string) => call<Rec>('GET', `/api/projects/${id}/iati/check`),
};
