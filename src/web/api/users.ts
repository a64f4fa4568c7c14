import type { Session } from '../../shared/contracts/session.ts';
import type { User, UserCreate, UserList, UserListQuery, UserUpdate } from '../../shared/contracts/users.ts';
import type { Locale } from '../../shared/locales.ts';
import { call, qs } from './client.ts';

/** The users (administrators) and one's own language. */
export const usersApi = {
  users: (q: UserListQuery = {}) => call<UserList>('GET', `/api/users?${qs(q)}`),
  user: (id: string) => call<User>('GET', `/api/users/${id}`),
  createUser: (input: UserCreate) => call<User>('POST', '/api/users', input),
  updateUser: (id: string, input: UserUpdate) => call<User>('PATCH', `/api/users/${id}`, input),
  resetUserPassword: (id: string, password: string) => call<void>('PUT', `/api/users/${id}/password`, { password }),
  setOwnLocale: (locale: Locale) => call<Session>('PATCH', '/api/session/account', { locale }).then((s) => s.user),
};
