import type { Office } from '../../../shared/contracts/offices.ts';
import type { Office as OfficeRow } from '../../db/schema.ts';

/** The API's shape of an office: explicit, camelCase, without internal columns such as the path. */
export function presentOffice(o: OfficeRow): Office {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    officeType: o.office_type as Office['officeType'],
    parentId: o.parent_id,
    countryCode: o.country_code,
    city: o.city,
    email: o.email,
    isSynthetic: o.is_synthetic,
    version: o.version,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  };
}
