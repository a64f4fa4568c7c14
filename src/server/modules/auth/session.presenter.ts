import type { Selectable } from 'kysely';
import type { Session } from '../../../shared/contracts/session.ts';
import type { Locale } from '../../../shared/locales.ts';
import type { Role } from '../../../shared/rights.ts';
import { rightsOf } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';

export type SessionUserRow = Pick<Selectable<DB['users']>, 'id' | 'email' | 'name' | 'role' | 'office_id' | 'partner_id' | 'country_code' | 'locale'>;

/** The API's shape of a session: its user with the rights the role gives, the CSRF token to send on changes, when it ends. */
export function presentSession(u: SessionUserRow, csrfToken: string, expiresAt: string): Session {
  const role = u.role as Role;
  return {
    user: {
      id: u.id,
      email: u.email,
      name: u.name,
      role,
      officeId: u.office_id,
      partnerId: u.partner_id,
      countryCode: u.country_code,
      locale: u.locale as Locale,
      rights: rightsOf({ role }),
    },
    csrfToken,
    expiresAt,
  };
}
