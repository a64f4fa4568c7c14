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
