import type { Kysely } from 'kysely';
import type { CountryScope } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';

/** Country profiles within a scope: through the covering office's place in the tree, or one country. */
export function scopedProfiles(db: Kysely<DB>, scope: CountryScope) {
  const q = db.selectFrom('country_profiles').innerJoin('offices', 'offices.id', 'country_profiles.covering_office_id');
  if (scope.kind === 'all') return q;
  if (scope.kind === 'country') return q.where('country_profiles.country_code', '=', scope.code);
  return q.where('offices.path', 'like', `${scope.path}%`);
}

/** Throws NOT_FOUND unless the country has a profile within the scope (records outside a scope are invisible). */
export async function assertCountryInScope(db: Kysely<DB>, scope: CountryScope, code: string): Promise<void> {
  const row = await scopedProfiles(db, scope).select('country_profiles.country_code').where('country_profiles.country_code', '=', code).executeTakeFirst();
  if (!row) throw notFound('Country programme', code);
}

/** The names a country programme is answered with: the country's, and its covering office's. */
export const NAMES = ['countries.name_en', 'countries.name_fr', 'countries.name_es', 'offices.name as covering_office_name', 'offices.code as covering_office_code'] as const;

/** The country programmes (profiles) within a scope, with their names, by the country's English name. */
export function selectProgrammes(db: Kysely<DB>, scope: CountryScope) {
  return scopedProfiles(db, scope)
    .innerJoin('countries', 'countries.code', 'country_profiles.country_code')
    .selectAll('country_profiles')
    .select(NAMES)
    .orderBy('countries.name_en')
    .execute();
}

/** One country programme within a scope, with its names; undefined outside it. */
export function selectProgramme(db: Kysely<DB>, scope: CountryScope, code: string) {
  return scopedProfiles(db, scope)
    .innerJoin('countries', 'countries.code', 'country_profiles.country_code')
    .selectAll('country_profiles')
    .select(NAMES)
    .where('country_profiles.country_code', '=', code)
    .executeTakeFirst();
}

/** The tripartite constituents of a country within a scope, by kind and name. */
export async function selectConstituents(db: Kysely<DB>, scope: CountryScope, code: string) {
  await assertCountryInScope(db, scope, code);
  return db.selectFrom('constituents').selectAll().where('country_code', '=', code).orderBy('kind').orderBy('name').execute();
}

/** The constituents of several countries (read within the actor's scope by the caller), in one statement, by kind. */
export async function constituentsOf(db: Kysely<DB>, codes: string[]) {
  return codes.length ? db.selectFrom('constituents').selectAll().where('country_code', 'in', codes).orderBy('kind').execute() : [];
}
