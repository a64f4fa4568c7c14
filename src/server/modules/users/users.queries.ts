import type { Kysely } from 'kysely';
import type { UserListQuery } from '../../../shared/contracts/users.ts';
import type { DB } from '../../db/schema.ts';

/**
 * The SQL of users. Accounts are the organisation's, read whole by those holding `users.read` (checked by the
 * service): no read takes a scope.
 */

/** Every user, by e-mail address; narrowed by role, office, active or not, and words of the name or e-mail. */
export function selectUsers(db: Kysely<DB>, filter: UserListQuery = {}) {
  let q = db.selectFrom('users').selectAll();
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.officeId) q = q.where('office_id', '=', filter.officeId);
  if (filter.active) q = q.where('active', '=', filter.active === 'true');
  const words = filter.q?.trim();
  if (words) {
    const like = `%${words.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like)]));
  }
  return q.orderBy('email').execute();
}

/** One user by id. */
export function selectUser(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}
