import { createRoute } from '@hono/zod-openapi';
import { AccountUpdate, PasswordChange, Session } from '../../../shared/contracts/session.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { errors, json, jsonBody, named, router } from '../../http/openapi.ts';
import { changeOwnPassword, setOwnLocale, signOutEverywhere } from './account.service.ts';
import { sessionAnswer } from './session.service.ts';
import { clearSessionCookie } from './session-cookies.ts';

/** The signed-in user's own account, under /api/session: choose the language, change the password, sign out everywhere. */
export function accountRoutes({ db, config }: Deps) {
  const policy = { ttlSeconds: config.sessionTtl, maxFailures: config.loginMaxFailures, windowSeconds: config.loginWindow };
  return router()
    .openapi(
      createRoute({
        method: 'patch',
        path: '/account',
        tags: ['Session'],
        summary: 'Choose your own language (the interface takes it at every sign-in); answers the session',
        request: { body: jsonBody(named(AccountUpdate, 'AccountUpdate')) },
        responses: { 200: json(named(Session, 'Session')), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN') },
      }),
      async (c) => {
        const actor = actorOf(c);
        const s = c.var.session;
        if (!s) throw new Error('session missing for a signed-in actor');
        await setOwnLocale(db, actor, c.req.valid('json').locale);
        return c.json(await sessionAnswer(db, actor.userId as string, s.csrfToken, s.expiresAt), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/password',
        tags: ['Session'],
        summary: 'Change your own password (current password and a new one); your other sessions end',
        request: { body: jsonBody(named(PasswordChange, 'PasswordChange')) },
        responses: { 204: { description: 'Changed' }, ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED') },
      }),
      async (c) => {
        const actor = actorOf(c);
        const s = c.var.session;
        if (!s) throw new Error('session missing for a signed-in actor');
        await changeOwnPassword(db, actor, s.token, c.req.valid('json'), policy);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/all',
        tags: ['Session'],
        summary: 'Sign out everywhere: end every session of yours, this one included',
        responses: { 204: { description: 'Signed out everywhere' }, ...errors('UNAUTHENTICATED', 'FORBIDDEN') },
      }),
      async (c) => {
        await signOutEverywhere(db, actorOf(c));
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    );
}
