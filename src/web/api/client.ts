import type { ErrorDetails } from '../../shared/contracts/errors.ts';

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
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? res.statusText, e?.details);
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
