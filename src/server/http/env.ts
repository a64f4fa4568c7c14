import type { Actor } from '../access/actor.ts';
import { AppError } from '../errors.ts';

export interface SessionInfo {
  token: string;
  csrfToken: string;
  expiresAt: string;
  name: string;
  locale: string;
}

/** What every request carries through the middleware chain. */
export interface AppEnv {
  Variables: {
    requestId: string;
    actor?: Actor;
    session?: SessionInfo;
    /** Why the session cookie sent with the request was refused (expired, ended, disabled). */
    sessionError?: AppError;
    /** Check the answer against the route's response schema (config.checkResponses; the tests). */
    checkResponses?: boolean;
    /** The JSON body limit (config.bodyLimit), for the routes' body rules (request-body.middleware.ts). */
    bodyLimit?: number;
    /** The route takes a file as its body (fileBody), not JSON. */
    fileBody?: boolean;
  };
}

/** The signed-in actor of a request, or UNAUTHENTICATED (with why, when a session cookie was sent but is no good). */
export function actorOf(c: { var: AppEnv['Variables'] }): Actor {
  const actor = c.var.actor;
  if (!actor) throw c.var.sessionError ?? new AppError('UNAUTHENTICATED', 'Sign in first');
  return { ...actor, requestId: c.var.requestId };
}
