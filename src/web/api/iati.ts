import type { IatiActivity, IatiActivityList, IatiPublisher, ProjectIati, ProjectIatiCheck } from '../../shared/contracts/iati.ts';
import type { JobStarted } from '../../shared/contracts/jobs.ts';
import { call, qs, upload } from './client.ts';

/** IATI: validation, import, publication checks, activities. */
export const iatiApi = {
  iatiValidate: (file: File) => upload<JobStarted>(`/api/iati/validations?${qs({ fileName: file.name })}`, file),
  iatiImport: (file: File) => upload<JobStarted>(`/api/iati/imports?${qs({ fileName: file.name })}`, file),
  iatiCheck: () => call<JobStarted>('POST', '/api/iati/checks'),
  iatiPublisher: () => call<IatiPublisher>('GET', '/api/iati/publisher'),
  setIatiActivityUnit: (unit: IatiPublisher['activityUnit']) => call<IatiPublisher>('PUT', '/api/settings/iati-activity-unit', { unit }),
  iatiActivities: (q: string) => call<IatiActivityList>('GET', `/api/iati/activities?${qs({ q, limit: 20 })}`),
  linkIatiActivity: (id: string, body: { projectId: string | null; version: number }) => call<IatiActivity>('PUT', `/api/iati/activities/${id}/project`, body),
  projectIati: (id: string) => call<ProjectIati>('GET', `/api/projects/${id}/iati`),
  projectIatiCheck: (id: string) => call<ProjectIatiCheck>('GET', `/api/projects/${id}/iati/check`),
};
