import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Actor } from '../access/actor.ts';
import { AppError } from '../errors.ts';
import type { AppEnv, SessionInfo } from './env.ts';

export const SESSION_COOKIE = 'devcoop_session';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session behind a cookie token (modules/auth's resolveSession, given by app.ts: http does not import the modules). */
export type ResolveSession = (token: string) => Promise<Omit<SessionInfo, 'token'> & { actor: Actor }>;

/**
 * Resolves the session cookie into the request's actor. A state-changing request made with the cookie
 * must carry the session's CSRF token in a header, which another site cannot read or send.
 * Signing in (no session yet) is exempt; its JSON-only body cannot be sent by a cross-site form.
 */
export function sessionMiddleware(resolveSession: ResolveSession): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const session = await resolveSession(token).catch((err) => {
        // A stale cookie on sign-in or a public page is not an error; elsewhere the route asks for an actor.
        if (err instanceof AppError && err.code === 'UNAUTHENTICATED') {
          c.set('sessionError', err);
          return null;
        }
        throw err;
      });
      if (session) {
        c.set('actor', session.actor);
        c.set('session', { token, csrfToken: session.csrfToken, expiresAt: session.expiresAt, name: session.name, locale: session.locale });
        if (!SAFE.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
          throw new AppError('FORBIDDEN', `This request needs the ${CSRF_HEADER} header of your session`, { reason: 'csrf' });
        }
      }
    }
    await next();
  };
}

/** Requests that change state must send JSON: forms from other sites cannot, without a CORS preflight we never grant. */
export const jsonOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (SAFE.has(c.req.method) || /^application\/json\b/i.test(type)) return next();
  // File imports send the file itself; the session's CSRF header still guards them.
  const uploadPath = c.req.path.startsWith('/api/finance/imports') || c.req.path.startsWith('/api/iati/');
  if (uploadPath && /^application\/octet-stream\b/i.test(type)) return next();
  // An empty body without a type is no body: the screens' DELETE sends none. Outside the upload paths the
  // body limit has already bounded what is read here.
  const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0' && (type !== '' || uploadPath || (await c.req.arrayBuffer()).byteLength > 0);
  if (hasBody) {
    throw new AppError('INVALID_INPUT', 'Send the request body as JSON (Content-Type: application/json)');
  }
  await next();
};
