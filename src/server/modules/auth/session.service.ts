import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Session } from '../../../shared/contracts/session.ts';
import type { Role } from '../../../shared/rights.ts';
import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { attemptSucceeded, DEFAULT_THROTTLE, type ThrottleKey, takeAttempt } from './login-throttle.ts';
import { verifyPassword } from './password.ts';
import { presentSession } from './session.presenter.ts';
import { knownDevice, rememberDevice } from './trusted-devices.ts';

export interface SessionPolicy {
  ttlSeconds: number;
  /** Free sign-in attempts per account from unknown devices, and per known device (×4 per client address). */
  maxFailures: number;
  /** The longest delay between throttled attempts, in seconds. */
  windowSeconds: number;
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: string;
  actor: Actor;
}

interface ActorRow {
  id: string;
  email: string;
  role: string;
  office_id: string | null;
  partner_id: string | null;
  country_code: string | null;
  path: string | null;
}

/** The actor of a signed-in user: its role and the anchor of its scope (office path, partner or country). */
const actorOf = (u: ActorRow): Actor => ({
  userId: u.id,
  label: u.email,
  role: u.role as Role,
  officeId: u.office_id ?? undefined,
  officePath: u.path ?? undefined,
  partnerId: u.partner_id ?? undefined,
  countryCode: u.country_code ?? undefined,
  via: 'api',
});

/** What the database keeps of a session token: its sha-256. */
export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

/** The counters a sign-in attempt is taken on: its known device's own, or the account's (for unknown devices) and the client's. */
function throttleKeys(email: string, client: string, deviceId: string | null, policy: SessionPolicy): ThrottleKey[] {
  if (deviceId) return [{ key: `device:${deviceId}`, allowance: policy.maxFailures, onSuccess: 'forget' }];
  return [
    { key: `account:${email}`, allowance: policy.maxFailures, onSuccess: 'forget' },
    // A client may try several addresses, but not without bound; behind a proxy every user shares it, so a success gives back its own attempt only.
    { key: `client:${client}`, allowance: policy.maxFailures * 4, onSuccess: 'give_back' },
  ];
}

export interface SignInFrom {
  client: string;
  /** The devcoop_device cookie, if the browser sent one. */
  deviceToken?: string;
}

/**
 * Checks an e-mail and password and opens a session; wrong credentials and throttling are refused alike for
 * known and unknown addresses. The attempt is counted before the password is checked (login-throttle.ts); a
 * browser where the user signed in before is throttled on its own (trusted-devices.ts). A new device's token
 * is returned as `deviceToken`, for its cookie.
 */
export async function signIn(db: Kysely<DB>, email: string, password: string, from: SignInFrom, policy: SessionPolicy): Promise<SignedIn & { deviceToken: string | null }> {
  const key = email.trim().toLowerCase();
  const deviceId = await knownDevice(db, from.deviceToken, key);
  const keys = throttleKeys(key, from.client, deviceId, policy);
  const throttle = { ...DEFAULT_THROTTLE, maxDelaySeconds: policy.windowSeconds };
  await takeAttempt(db, keys, throttle);
  const user = await db
    .selectFrom('users')
    .leftJoin('offices', 'offices.id', 'users.office_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.password_hash',
      'users.role',
      'users.active',
      'users.office_id',
      'users.partner_id',
      'users.country_code',
      'offices.path',
    ])
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', key))
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok) throw new AppError('UNAUTHENTICATED', 'The e-mail address or password is wrong');
  // Said only to whoever gave the right password: it tells them whom to ask, and a guesser learns nothing.
  if (!user.active) throw new AppError('UNAUTHENTICATED', 'This account has been deactivated: ask an administrator to reactivate it', { reason: 'disabled' });
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + policy.ttlSeconds * 1000).toISOString();
  const actor = actorOf(user);
  await attemptSucceeded(db, keys, throttle);
  const deviceToken = await rememberDevice(db, user.id, deviceId);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('sessions').where('expires_at', '<', new Date().toISOString()).execute();
    await trx
      .insertInto('sessions')
      .values({ id: tokenId(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt })
      .execute();
    await writeAudit(trx, actor, { action: 'sign_in', entityType: 'user', entityId: user.id });
  });
  return { token, csrfToken, expiresAt, actor, deviceToken };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: string;
  name: string;
  locale: string;
}

/** The session behind a cookie token: the actor with its current role and scope, or UNAUTHENTICATED saying why. */
export async function resolveSession(db: Kysely<DB>, token: string): Promise<ResolvedSession> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('offices', 'offices.id', 'users.office_id')
    .select([
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.role',
      'users.active',
      'users.office_id',
      'users.partner_id',
      'users.country_code',
      'offices.path',
    ])
    .where('sessions.id', '=', tokenId(token))
    .executeTakeFirst();
  if (!row) throw new AppError('UNAUTHENTICATED', 'You are not signed in, or your session has ended', { reason: 'no_session' });
  if (Date.parse(row.expires_at) <= Date.now()) throw new AppError('UNAUTHENTICATED', 'Your session has expired; sign in again', { reason: 'expired' });
  if (!row.active) throw new AppError('UNAUTHENTICATED', 'Your account is disabled', { reason: 'disabled' });
  return {
    actor: actorOf(row),
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    name: row.name,
    locale: row.locale,
  };
}

/** Ends the session of a cookie token (signing out); audited. */
export async function signOut(db: Kysely<DB>, token: string, actor: Actor): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
    await writeAudit(trx, actor, { action: 'sign_out', entityType: 'user', entityId: actor.userId });
  });
}

/** A signed-in user's session as the API answers it: the user (read here, not through modules/users, which builds on auth's passwords) with the rights the role gives. */
export async function sessionAnswer(db: Kysely<DB>, userId: string, csrfToken: string, expiresAt: string): Promise<Session> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'office_id', 'partner_id', 'country_code', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return presentSession(u, csrfToken, expiresAt);
}
