import i18n from 'i18next';
import type { ErrorDetails } from '../../shared/contracts/errors.ts';
import { plainIssue, sayIssue } from '../forms/plain-issue.ts';

/** The only caller of fetch in the web UI: JSON in and out, the CSRF header on changes, errors as ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

/**
 * A refusal said in the user's language: each refused field's issue as a sentence (`forms/plain-issue.ts`), the
 * message naming the first field; a stale write says who changed the record and when. Other messages are the server's.
 */
function inUserLanguage(e: ApiError): ApiError {
  const t = i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
  if (e.code === 'INVALID_INPUT' && e.details?.issues?.length) {
    const said = e.details.issues.map((i) => sayIssue(t, i));
    const message = said.length === 1 ? String(said[0]) : `${t('formErrors.summary', { count: said.length })} ${said.join(' ')}`;
    const issues = e.details.issues.map((i) => ({ ...i, message: plainIssue(t, i), serverMessage: i.message }));
    return new ApiError(e.status, e.code, message, { ...e.details, issues });
  }
  if (e.code === 'CONFLICT' && e.details?.currentVersion !== undefined) {
    const { changedBy, changedAt } = e.details;
    const when = changedAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(changedAt)) : '';
    return new ApiError(e.status, e.code, changedBy ? t('formErrors.stale', { who: changedBy, when }) : t('formErrors.staleUnknown'), e.details);
  }
  return e;
}

let csrfToken: string | undefined;
/** The session's CSRF token, sent with every change (set at sign-in, cleared at sign-out). */
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

async function answer<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    throw inUserLanguage(new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? res.statusText, e?.details));
  }
  return data as T;
}

/** A JSON call; the answer's type is its contract's (src/shared/contracts), checked by the server in the tests. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return answer<T>(await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** A file sent as the raw body (imports, validations); the answer is JSON like every call. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return answer<T>(await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file }));
}

/** Query parameters; empty values are left out. */
export type Query = Record<string, string | number | undefined | null>;
export const qs = (q: Query) => new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '') as [string, string][]).toString();
