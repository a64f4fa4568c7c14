import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';

/**
 * Growing delays instead of a lockout. Each key (an account tried from unknown devices, a client address, a
 * trusted device, a user changing a password) has `allowance` free attempts; after that, each attempt must wait
 * `firstDelaySeconds`, doubled each time, up to `maxDelaySeconds`. An attempt is counted *before* the password
 * is checked, in one statement, so concurrent attempts cannot slip past the count; a success forgets the
 * count (or, for a shared key such as a client address, gives its own attempt back).
 */
export interface ThrottlePolicy {
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key without any attempt for this long starts again from zero. */
  forgetAfterSeconds: number;
}

export interface ThrottleKey {
  key: string;
  allowance: number;
  /** On success: `forget` the key (account, device), or `give_back` the attempt (a client shared by many). */
  onSuccess: 'forget' | 'give_back';
}

export const DEFAULT_THROTTLE: Omit<ThrottlePolicy, 'maxDelaySeconds'> = { firstDelaySeconds: 5, forgetAfterSeconds: 24 * 3600 };

/** When the attempt numbered `n` leaves the key blocked: not while free attempts remain. */
const blockAfter = (n: RawBuilder<number>, allowance: number, now: string, p: ThrottlePolicy) =>
  sql`case when ${n} >= ${allowance}::int
    then ${now}::timestamptz + make_interval(secs => least(${p.maxDelaySeconds}::float8, ${p.firstDelaySeconds}::float8 * power(2::float8, least(${n} - ${allowance}::int, 30)::float8)))
  end`;

/**
 * Counts one attempt on every key, atomically, or refuses (RATE_LIMITED with Retry-After) without counting
 * any when one of them is still waiting out its delay. Keys are taken in a fixed order, so two attempts
 * sharing keys cannot deadlock.
 */
export async function takeAttempt(db: Kysely<DB>, keys: ThrottleKey[], policy: ThrottlePolicy, at = new Date()): Promise<void> {
  const now = at.toISOString();
  const forgetBefore = new Date(at.getTime() - policy.forgetAfterSeconds * 1000).toISOString();
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await inTransaction(db, async (trx) => {
    for (const k of sorted) {
      const next = sql<number>`(case when t.last_at < ${forgetBefore}::timestamptz then 1 else t.attempts + 1 end)`;
      const taken = await sql<{ attempts: number }>`
        insert into login_throttle as t (key, attempts, blocked_until, last_at)
        values (${k.key}, 1, ${blockAfter(sql<number>`1`, k.allowance, now, policy)}, ${now}::timestamptz)
        on conflict (key) do update set
          attempts = ${next},
          blocked_until = ${blockAfter(next, k.allowance, now, policy)},
          last_at = ${now}::timestamptz
        where t.blocked_until is null or t.blocked_until <= ${now}::timestamptz or t.last_at < ${forgetBefore}::timestamptz
        returning attempts`.execute(trx);
      if (taken.rows.length === 0) {
        const row = await trx.selectFrom('login_throttle').select('blocked_until').where('key', '=', k.key).executeTakeFirst();
        // Thrown inside the transaction: the attempts counted on the keys before this one are undone.
        throw new AppError('RATE_LIMITED', 'Too many failed sign-ins; wait before trying again', {
          retryAfterSeconds: Math.max(1, Math.ceil(((row?.blocked_until ? Date.parse(row.blocked_until) : at.getTime()) - at.getTime()) / 1000)),
        });
      }
    }
  });
}

/** The attempt succeeded: forget the count of its own keys, give the attempt back to shared ones; drop counts long forgotten. */
export async function attemptSucceeded(db: Kysely<DB>, keys: ThrottleKey[], policy: ThrottlePolicy, at = new Date()): Promise<void> {
  const forget = keys.filter((k) => k.onSuccess === 'forget').map((k) => k.key);
  const giveBack = keys.filter((k) => k.onSuccess === 'give_back');
  if (forget.length) await db.deleteFrom('login_throttle').where('key', 'in', forget).execute();
  if (giveBack.length)
    await db
      .deleteFrom('login_throttle')
      .where(
        'key',
        'in',
        giveBack.map((k) => k.key),
      )
      .where('attempts', '<=', 1)
      .execute();
  for (const k of giveBack) {
    await sql`update login_throttle set
        attempts = attempts - 1,
        blocked_until = case when attempts - 1 >= ${k.allowance}::int then blocked_until end
      where key = ${k.key}`.execute(db);
  }
  const forgotten = new Date(at.getTime() - policy.forgetAfterSeconds * 1000).toISOString();
  await db.deleteFrom('login_throttle').where('last_at', '<', forgotten).execute();
}
