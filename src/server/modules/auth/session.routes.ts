import { createRoute } from '@hono/zod-openapi';
import { Credentials, Session } from '../../../shared/contracts/session.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { errors, json, jsonBody, named, router } from '../../http/openapi.ts';
import { accountRoutes } from './account.routes.ts';
import { sessionAnswer, signIn, signOut } from './session.service.ts';
import { clearSessionCookie, deviceCookie, setSessionCookies } from './session-cookies.ts';
import { requestOrigin } from './trusted-proxies.ts';

const SessionSchema = named(Session, 'Session');

export function sessionRoutes(deps: Deps) {
  const { db, config } = deps;
  const policy = { ttlSeconds: config.sessionTtl, maxFailures: config.loginMaxFailures, windowSeconds: config.loginWindow };
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['Session'],
        summary: 'Sign in with e-mail and password; sets an HTTP-only session cookie',
        request: { body: jsonBody(named(Credentials, 'Credentials')) },
        responses: { 200: json(SessionSchema), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'RATE_LIMITED') },
      }),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const s = await signIn(db, email, password, { client: requestOrigin(c, config.trustedProxies).client, deviceToken: deviceCookie(c) }, policy);
        setSessionCookies(c, config.trustedProxies, { token: s.token, ttlSeconds: config.sessionTtl, deviceToken: s.deviceToken });
        return c.json(await sessionAnswer(db, s.actor.userId as string, s.csrfToken, s.expiresAt), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['Session'],
        summary: 'Who is signed in',
        responses: { 200: json(SessionSchema), ...errors('UNAUTHENTICATED') },
      }),
      async (c) => {
        const actor = actorOf(c);
        const s = c.var.session;
        if (!s) throw new Error('session missing for a signed-in actor');
        return c.json(await sessionAnswer(db, actor.userId as string, s.csrfToken, s.expiresAt), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/',
        tags: ['Session'],
        summary: 'Sign out',
        responses: { 204: { description: 'Signed out' }, ...errors('UNAUTHENTICATED', 'FORBIDDEN') },
      }),
      async (c) => {
        const actor = actorOf(c);
        const s = c.var.session;
        if (s) await signOut(db, s.token, actor);
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    )
    .route('/', accountRoutes(deps));
}
