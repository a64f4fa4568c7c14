import type { Selectable } from 'kysely';
import type { Constituent, CountryProgramme } from '../../../shared/contracts/programming-answers.ts';
import type { DB } from '../../db/schema.ts';

export type CountryProfileRow = Selectable<DB['country_profiles']>;
/** A country programme's row with the names the API shows beside it (the country's, the covering office's). */
export type CountryProgrammeRow = CountryProfileRow & {
  name_en: string;
  name_fr: string;
  name_es: string;
  covering_office_name: string;
  covering_office_code: string;
};

/** The stored fields of a country programme (what the audit trail records). */
export function presentCountryProfile(r: CountryProfileRow): Omit<CountryProgramme, 'nameEn' | 'nameFr' | 'nameEs' | 'coveringOfficeName' | 'coveringOfficeCode'> {
  return {
    countryCode: r.country_code,
    presence: r.presence as CountryProgramme['presence'],
    coveringOfficeId: r.covering_office_id,
    rcOffice: r.rc_office,
    multiCountryRc: r.multi_country_rc,
    deliveringAsOne: r.delivering_as_one,
    notes: r.notes,
    isSynthetic: r.is_synthetic,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The API's shape of a country programme: explicit fields, camelCase, with the names. */
export function presentCountryProgramme(r: CountryProgrammeRow): CountryProgramme {
  return {
    countryCode: r.country_code,
    nameEn: r.name_en,
    nameFr: r.name_fr,
    nameEs: r.name_es,
    presence: r.presence as CountryProgramme['presence'],
    coveringOfficeId: r.covering_office_id,
    coveringOfficeName: r.covering_office_name,
    coveringOfficeCode: r.covering_office_code,
    rcOffice: r.rc_office,
    multiCountryRc: r.multi_country_rc,
    deliveringAsOne: r.delivering_as_one,
    notes: r.notes,
    isSynthetic: r.is_synthetic,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentConstituent(r: Selectable<DB['constituents']>): Constituent {
  return {
    id: r.id,
    countryCode: r.country_code,
    kind: r.kind as Constituent['kind'],
    name: r.name,
    acronym: r.acronym,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    isSynthetic: r.is_synthetic,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
