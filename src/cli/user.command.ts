import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { systemActor } from '../server/access/actor.ts';
import type { DB } from '../server/db/schema.ts';
import { AppError } from '../server/errors.ts';
import { createUser, findUsers, getUserByEmail, resetPassword, setUserRole } from '../server/modules/users/users.service.ts';
import { ROLES, type Role } from '../shared/rights.ts';
import { printTable, UsageError } from './output.ts';

type Flags = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

async function scopeFlags(db: Kysely<DB>, flags: Flags) {
  const office = str(flags.office);
  const partner = str(flags.partner);
  const officeId = office ? (await db.selectFrom('offices').select('id').where('code', '=', office).executeTakeFirst())?.id : undefined;
  if (office && !officeId) throw new AppError('NOT_FOUND', `There is no office with the code ${office}`);
  const partnerId = partner ? (await db.selectFrom('partners').select('id').where('code', '=', partner).executeTakeFirst())?.id : undefined;
  if (partner && !partnerId) throw new AppError('NOT_FOUND', `There is no partner with the code ${partner}`);
  return { officeId: officeId ?? null, partnerId: partnerId ?? null, countryCode: str(flags.country) ?? null };
}

function role(flags: Flags): Role {
  const r = str(flags.role);
  if (!r || !(ROLES as readonly string[]).includes(r)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
  return r as Role;
}

const newPassword = () => randomBytes(15).toString('base64url');

/** `devcoop user create|list|set-role|reset-password`: the user services, run as the operator. */
export async function userCommand(db: Kysely<DB>, sub: string | undefined, flags: Flags): Promise<void> {
  const actor = systemActor('cli');
  switch (sub) {
    case 'list':
      printTable(await findUsers(db, actor), ['email', 'name', 'role', 'officeId', 'partnerId', 'countryCode', 'active']);
      return;
    case 'create': {
      const email = str(flags.email);
      if (!email) throw new UsageError('give --email');
      const password = str(flags.password) ?? newPassword();
      const user = await createUser(db, { email, name: str(flags.name) ?? email, password, role: role(flags), ...(await scopeFlags(db, flags)) }, actor);
      console.log(`Created ${user.email} (${user.role}).`);
      if (!flags.password) console.log(`Password (shown only now): ${password}`);
      return;
    }
    case 'set-role': {
      const email = str(flags.email);
      if (!email) throw new UsageError('give --email');
      const user = await getUserByEmail(db, email, actor);
      const updated = await setUserRole(db, user.id, { role: role(flags), version: user.version, ...(await scopeFlags(db, flags)) }, actor);
      console.log(`${updated.email} is now ${updated.role}.`);
      return;
    }
    case 'reset-password': {
      const email = str(flags.email);
      if (!email) throw new UsageError('give --email');
      const user = await getUserByEmail(db, email, actor);
      const password = str(flags.password) ?? newPassword();
      await resetPassword(db, user.id, password, actor);
      console.log(`New password for ${user.email}${flags.password ? ' set.' : ` (shown only now): ${password}`}`);
      return;
    }
    default:
      throw new UsageError(
        'devcoop user list | create --email E --role R [--name N] [--office CODE|--partner CODE|--country CC] [--password P] | set-role --email E --role R [scope] | reset-password --email E',
      );
  }
}
