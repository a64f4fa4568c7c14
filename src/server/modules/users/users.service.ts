import type { Kysely } from 'kysely';
import type { User, UserCreate, UserRoleChange } from '../../../shared/contracts/users.ts';
import { ROLE_SCOPE } from '../../../shared/rights.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned, type VersionedChange } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { hashPassword } from '../auth/password.ts';
import { requireStrongPassword } from '../auth/password-strength.ts';
import { presentUser } from './users.presenter.ts';
import { selectUsers } from './users.queries.ts';

type Scope = Pick<UserCreate, 'role' | 'officeId' | 'partnerId' | 'countryCode'>;

/** The scope columns a role needs, checked to exist; a role gets exactly the anchor its scope kind names. */
async function scopeColumns(db: Kysely<DB>, s: Scope) {
  const kind = ROLE_SCOPE[s.role];
  const cols = { office_id: null as string | null, partner_id: null as string | null, country_code: null as string | null };
  if (kind === 'office') {
    if (!s.officeId) throw new AppError('INVALID_INPUT', `The role ${s.role} is scoped to an office: give officeId`, { field: 'officeId' });
    const o = await db.selectFrom('offices').select('id').where('id', '=', s.officeId).executeTakeFirst();
    if (!o) throw new AppError('INVALID_INPUT', `Office ${s.officeId} does not exist`, { field: 'officeId' });
    cols.office_id = s.officeId;
  } else if (kind === 'partner') {
    if (!s.partnerId) throw new AppError('INVALID_INPUT', `The role ${s.role} is scoped to a partner: give partnerId`, { field: 'partnerId' });
    const p = await db.selectFrom('partners').select('id').where('id', '=', s.partnerId).executeTakeFirst();
    if (!p) throw new AppError('INVALID_INPUT', `Partner ${s.partnerId} does not exist`, { field: 'partnerId' });
    cols.partner_id = s.partnerId;
  } else if (kind === 'country') {
    if (!s.countryCode) throw new AppError('INVALID_INPUT', `The role ${s.role} is scoped to a country: give countryCode`, { field: 'countryCode' });
    const c = await db.selectFrom('countries').select('code').where('code', '=', s.countryCode).executeTakeFirst();
    if (!c) throw new AppError('INVALID_INPUT', `${s.countryCode} is not a known country code`, { field: 'countryCode' });
    cols.country_code = s.countryCode;
  }
  return cols;
}

/** Creates a local account with an argon2id password hash; audited (without the hash). */
export async function createUser(db: Kysely<DB>, input: UserCreate, actor: Actor): Promise<User> {
  requireRight(actor, 'users.write');
  await requireStrongPassword(input.password, [input.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `A user with the e-mail address ${input.email} already exists`, { field: 'email' });
    const row = await trx
      .insertInto('users')
      .values({
        email: input.email,
        name: input.name,
        password_hash: passwordHash,
        role: input.role,
        locale: input.locale ?? 'en',
        ...(await scopeColumns(trx, input)),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = presentUser(row);
    await writeAudit(trx, actor, { action: 'create', entityType: 'user', entityId: user.id, after: user });
    return user;
  });
}

/** All users, by e-mail address. */
export async function findUsers(db: Kysely<DB>, actor: Actor): Promise<User[]> {
  requireRight(actor, 'users.read');
  const rows = await selectUsers(db);
  return rows.map(presentUser);
}

export async function getUserByEmail(db: Kysely<DB>, email: string, actor: Actor): Promise<User> {
  requireRight(actor, 'users.read');
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  if (!row) throw notFound('User', email);
  return presentUser(row);
}

/** Gives a user another role and scope, if the client read its current version; audited. */
export async function setUserRole(db: Kysely<DB>, id: string, input: UserRoleChange, actor: Actor): Promise<User> {
  requireRight(actor, 'users.write');
  const change: VersionedChange<'users'> = { table: 'users', id, version: input.version, entityType: 'user', label: 'user', authorize: async () => {}, present: presentUser };
  const row = await changeVersioned(db, actor, change, 'set_role', async (trx, current) =>
    updateVersioned(trx, 'users', current, { role: input.role, ...(await scopeColumns(trx, input)) }),
  );
  return presentUser(row);
}

/** Sets a new password (argon2id, refused when guessable) and ends the user's sessions; audited without the hash. */
export async function resetPassword(db: Kysely<DB>, id: string, password: string, actor: Actor): Promise<void> {
  requireRight(actor, 'users.write');
  const user = await db.selectFrom('users').select(['email', 'name']).where('id', '=', id).executeTakeFirst();
  if (!user) throw notFound('User', id);
  await requireStrongPassword(password, [user.email, user.name]);
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    const row = await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date().toISOString() }).where('id', '=', id).returning('id').executeTakeFirst();
    if (!row) throw notFound('User', id);
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'reset_password', entityType: 'user', entityId: id });
  });
}
