import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/locales.ts';
import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { attemptSucceeded, DEFAULT_THROTTLE, type ThrottleKey, takeAttempt } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { requireStrongPassword } from './password-strength.ts';
import { type SessionPolicy, tokenId } from './session.service.ts';

/** What a signed-in user does to their own account: choose its language, change the password, end every session. */

function signedInUser(actor: Actor): string {
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Only a signed-in user has an account to change');
  return actor.userId;
}

/**
 * A user's own password change: the current password (throttled like a sign-in, so a borrowed session
 * cannot guess it), a new one that passes the password rules; the user's other sessions end. Audited.
 */
export async function changeOwnPassword(
  db: Kysely<DB>,
  actor: Actor,
  sessionToken: string,
  input: { currentPassword: string; newPassword: string },
  policy: SessionPolicy,
): Promise<void> {
  const userId = signedInUser(actor);
  const user = await db.selectFrom('users').select(['email', 'name', 'password_hash']).where('id', '=', userId).executeTakeFirstOrThrow();
  await requireStrongPassword(input.newPassword, [user.email, user.name], 'newPassword');
  const keys: ThrottleKey[] = [{ key: `password:${userId}`, allowance: policy.maxFailures, onSuccess: 'forget' }];
  const throttle = { ...DEFAULT_THROTTLE, maxDelaySeconds: policy.windowSeconds };
  await takeAttempt(db, keys, throttle);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('INVALID_INPUT', 'The current password is wrong', { field: 'currentPassword', reason: 'wrong_password' });
  }
  await attemptSucceeded(db, keys, throttle);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', tokenId(sessionToken)).execute();
    await writeAudit(trx, actor, { action: 'change_password', entityType: 'user', entityId: userId });
  });
}

/** Ends every session of the signed-in user, this one included ("sign out everywhere"); audited. */
export async function signOutEverywhere(db: Kysely<DB>, actor: Actor): Promise<number> {
  const userId = signedInUser(actor);
  return inTransaction(db, async (trx) => {
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', userId).returning('id').execute();
    await writeAudit(trx, actor, { action: 'sign_out_everywhere', entityType: 'user', entityId: userId, after: { sessionsEnded: ended.length } });
    return ended.length;
  });
}

/**
 * The signed-in user's own language (the interface's at every sign-in). A change of the user's row: version + 1,
 * so an administrator's form opened before it is told it changed; audited before and after.
 */
export async function setOwnLocale(db: Kysely<DB>, actor: Actor, locale: Locale): Promise<void> {
  const userId = signedInUser(actor);
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('users').select(['locale', 'version']).where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    if (before.locale === locale) return;
    await trx
      .updateTable('users')
      .set({ locale, version: before.version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', userId)
      .execute();
    await writeAudit(trx, actor, { action: 'set_locale', entityType: 'user', entityId: userId, before: { locale: before.locale }, after: { locale } });
  });
}
