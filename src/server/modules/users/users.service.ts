import type { Kysely, Transaction } from 'kysely';
import type { User, UserCreate, UserListQuery, UserRoleChange, UserUpdate } from '../../../shared/contracts/users.ts';
import { ROLE_SCOPE, type Role } from '../../../shared/rights.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB, User as UserRow } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned, type VersionedChange } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { hashPassword } from '../auth/password.ts';
import { requireStrongPassword } from '../auth/password-strength.ts';
import { presentUser } from './users.presenter.ts';
import { selectUser, selectUsers } from './users.queries.ts';

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

/** All users, by e-mail address, narrowed by the filter. */
export async function findUsers(db: Kysely<DB>, actor: Actor, filter: UserListQuery = {}): Promise<User[]> {
  requireRight(actor, 'users.read');
  const rows = await selectUsers(db, filter);
  return rows.map(presentUser);
}

/** One user. */
export async function getUser(db: Kysely<DB>, id: string, actor: Actor): Promise<User> {
  requireRight(actor, 'users.read');
  const row = await selectUser(db, id);
  if (!row) throw notFound('User', id);
  return presentUser(row);
}

/**
 * Refuses a change that would leave the organisation with no active administrator (the last one demoting or
 * deactivating themselves, or being demoted): nobody could then manage the accounts. The other active
 * administrators are locked, so two of them cannot each remove the other at once.
 */
async function keepAnAdministrator(trx: Transaction<DB>, current: UserRow, next: { role: Role; active: boolean }, field: 'role' | 'active') {
  if (current.role !== 'admin' || !current.active || (next.role === 'admin' && next.active)) return;
  const others = await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', true).where('id', '<>', current.id).forUpdate().execute();
  if (others.length === 0) {
    throw new AppError('INVALID_INPUT', 'This is the only active administrator: make another user an administrator first, or nobody could manage the accounts', {
      field,
      reason: 'last_admin',
    });
  }
}

/**
 * Changes what a user's PATCH names: name, e-mail, role and scope, language, active. A role (or a new anchor)
 * sets the scope the role needs; deactivating ends the user's sessions. Stale versions are refused (409);
 * the last active administrator cannot be demoted or deactivated. Audited before and after.
 */
export async function updateUser(db: Kysely<DB>, id: string, input: UserUpdate, actor: Actor): Promise<User> {
  requireRight(actor, 'users.write');
  const change: VersionedChange<'users'> = { table: 'users', id, version: input.version, entityType: 'user', label: 'user', authorize: async () => {}, present: presentUser };
  const row = await changeVersioned(db, actor, change, 'update', async (trx, current) => {
    const role = input.role ?? (current.role as Role);
    const active = input.active ?? current.active;
    await keepAnAdministrator(trx, current, { role, active }, input.role !== undefined && role !== 'admin' ? 'role' : 'active');
    const scopeChanged = [input.role, input.officeId, input.partnerId, input.countryCode].some((v) => v !== undefined);
    const scope = scopeChanged
      ? await scopeColumns(trx, {
          role,
          officeId: input.officeId !== undefined ? input.officeId : current.office_id,
          partnerId: input.partnerId !== undefined ? input.partnerId : current.partner_id,
          countryCode: input.countryCode !== undefined ? input.countryCode : current.country_code,
        })
      : {};
    if (input.email !== undefined && input.email.toLowerCase() !== current.email.toLowerCase()) {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['email']), '=', (input.email as string).toLowerCase()))
        .where('id', '<>', id)
        .executeTakeFirst();
      if (taken) throw new AppError('CONFLICT', `A user with the e-mail address ${input.email} already exists`, { field: 'email' });
    }
    if (current.active && !active) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return updateVersioned(trx, 'users', current, {
      email: input.email,
      name: input.name,
      locale: input.locale,
      active: input.active,
      ...(scopeChanged ? { role, ...scope } : {}),
    });
  });
  return presentUser(row);
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
  const row = await changeVersioned(db, actor, change, 'set_role', async (trx, current) => {
    await keepAnAdministrator(trx, current, { role: input.role, active: current.active }, 'role');
    return updateVersioned(trx, 'users', current, { role: input.role, ...(await scopeColumns(trx, input)) });
  });
  return presentUser(row);
}

/**
 * Sets a new (temporary) password (argon2id, refused when guessable) and ends the user's sessions; audited without
 * the hash. One's own password is changed on one's account, with the current one (a borrowed session cannot).
 */
export async function resetPassword(db: Kysely<DB>, id: string, password: string, actor: Actor): Promise<void> {
  requireRight(actor, 'users.write');
  if (actor.userId === id)
    throw new AppError('INVALID_INPUT', 'Change your own password on your account page, with your current password', { field: 'password', reason: 'own_account' });
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
