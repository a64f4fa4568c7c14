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
