import type { User } from '../../../shared/contracts/users.ts';
import type { Role } from '../../../shared/rights.ts';
import type { User as UserRow } from '../../db/schema.ts';

/** The API's shape of a user: who, the role and its scope, whether active; never the password hash. */
export function presentUser(u: UserRow): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    officeId: u.office_id,
    partnerId: u.partner_id,
    countryCode: u.country_code,
    locale: u.locale as User['locale'],
    active: u.active,
    version: u.version,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  };
}
