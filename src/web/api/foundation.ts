import type { Job } from '../../shared/contracts/jobs.ts';
import type { Office, OfficeCreate, OfficeUpdate } from '../../shared/contracts/offices.ts';
import type { Session } from '../../shared/contracts/session.ts';
import { call, setCsrfToken } from './client.ts';

const remember = (s: Session) => {
  setCsrfToken(s.csrfToken);
  return s.user;
};

/** Session, account, offices, the audit trail, reference data and jobs. */
export const foundationApi = {
  signIn: (email: string, password: string) => call<Session>('POST', '/api/session', { email, password }).then(remember),
  currentUser: () => call<Session>('GET', '/api/session').then(remember),
  signOut: () =>
    call<void>('DELETE', '/api/session').finally(() => {
      setCsrfToken(undefined);
    }),
  changePassword: (currentPassword: string, newPassword: string) => call<void>('PUT', '/api/session/password', { currentPassword, newPassword }),
  signOutEverywhere: () =>
    call<void>('DELETE', '/api/session/all').finally(() => {
      setCsrfToken(undefined);
    }),
  offices: (q?: string) => call<{ items: Office[]; total: number }>('GET', `/api/offices?limit=1000${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  office: (id: string) => call<Office>('GET', `/api/offices/${id}`),
  createOffice: (input: OfficeCreate) => call<Office>('POST', '/api/offices', input),
  updateOffice: (id: string, input: OfficeUpdate) => call<Office>('PATCH', `/api/offices/${id}`, input),
  deleteOffice: (id: string, version: number) => call<void>('DELETE', `/api/offices/${id}?version=${version}`),
  job: (id: string) => call<Job>('GET', `/api/jobs/${id}`),
};
