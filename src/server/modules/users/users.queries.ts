import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The SQL of users. Accounts are the organisation's, read whole by those holding `users.read` (checked by the
 * service): no read takes a scope.
 */

/** Every user, by e-mail address. */
export function selectUsers(db: Kysely<DB>) {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}
