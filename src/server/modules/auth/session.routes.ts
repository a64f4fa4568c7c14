import { createRoute, z } from '@hono/zod-openapi';
import { LOCALES, type Locale } from '../../../shared/locales.ts';
import { RIGHT_NAMES, ROLES, type Role } from '../../../shared/rights.ts';
import { rightsOf } from '../../access/rights.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { errors, json, jsonBody, router } from '../../http/openapi.ts';
import { accountRoutes } from './account.routes.ts';
import { signIn, signOut } from './session.service.ts';
import { clearSessionCookie, deviceCookie, setSessionCookies } from './session-cookies.ts';
import { requestOrigin } from './trusted-proxies.ts';

const Credentials = z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) }).openapi('Credentials');
const Session = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      officeId: z.string().nullable(),
      partnerId: z.string().nullable(),
      countryCode: z.string().nullable(),
      locale: z.enum(LOCALES),
      rights: z.array(z.enum(RIGHT_NAMES)).openapi({
        description: 'The rights the user holds (each within its scope): screens show what these allow, and the server checks every request',
      }),
    }),
    csrfToken: z.string().openapi({ description: 'Send it as the X-CSRF-Token header on every request that changes something' }),
    expiresAt: z.string(),
  })
  .openapi('Session');

async function sessionBody(db: Deps['db'], userId: string, csrfToken: string, expiresAt: string): Promise<z.infer<typeof Session>> {
  // Read here, not through modules/users (which builds on auth's passwords): the session's own view of its user.
  const u = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'office_id', 'partner_id', 'country_code', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const role = u.role as Role;
  const user = { id: u.id, email: u.email, name: u.name, role, officeId: u.office_id, partnerId: u.partner_id, countryCode: u.country_code, locale: u.locale as Locale };
  return { user: { ...user, rights: rightsOf({ role }) }, csrfToken, expiresAt };
}

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
        request: { body: jsonBody(Credentials) },
        responses: { 200: json(Session), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'RATE_LIMITED') },
      }),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const s = await signIn(db, email, password, { client: requestOrigin(c, config.trustedProxies).client, deviceToken: deviceCookie(c) }, policy);
        setSessionCookies(c, config.trustedProxies, { token: s.token, ttlSeconds: config.sessionTtl, deviceToken: s.deviceToken });
        return c.json(await sessionBody(db, s.actor.userId as string, s.csrfToken, s.expiresAt), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['Session'],
        summary: 'Who is signed in',
        responses: { 200: json(Session), ...errors('UNAUTHENTICATED') },
      }),
      async (c) => {
        const actor = actorOf(c);
        const s = c.var.session;
        if (!s) throw new Error('session missing for a signed-in actor');
        return c.json(await sessionBody(db, actor.userId as string, s.csrfToken, s.expiresAt), 200);
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
