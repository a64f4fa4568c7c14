import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * OWASP's device cookies: a browser where a user has signed in gets an HTTP-only cookie naming that account.
 * Sign-ins from it are throttled on their own key, so someone guessing a user's password elsewhere (or from
 * the same proxy address) cannot lock that user out. The token is random and the database keeps its hash,
 * like a session's: it cannot be forged and needs no signing key.
 */
export const DEVICE_COOKIE = 'devcoop_device';
export const DEVICE_TTL_SECONDS = 180 * 24 * 3600;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The device behind a cookie when it is known for the account with this (lower-case) e-mail address; null otherwise. */
export async function knownDevice(db: Kysely<DB>, token: string | undefined, email: string): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom('trusted_devices')
    .innerJoin('users', 'users.id', 'trusted_devices.user_id')
    .select('trusted_devices.id')
    .where('trusted_devices.id', '=', hashOf(token))
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email))
    .where('trusted_devices.expires_at', '>', new Date().toISOString())
    .executeTakeFirst();
  return row?.id ?? null;
}

/** After a successful sign-in: notes the known device's use, or remembers a new one and returns its cookie token. */
export async function rememberDevice(db: Kysely<DB>, userId: string, deviceId: string | null): Promise<string | null> {
  const now = new Date();
  if (deviceId) {
    await db.updateTable('trusted_devices').set({ last_used_at: now.toISOString() }).where('id', '=', deviceId).execute();
    return null;
  }
  const token = randomBytes(32).toString('base64url');
  await db.deleteFrom('trusted_devices').where('user_id', '=', userId).where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('trusted_devices')
    .values({ id: hashOf(token), user_id: userId, expires_at: new Date(now.getTime() + DEVICE_TTL_SECONDS * 1000).toISOString() })
    .execute();
  return token;
}
