import type { Kysely } from 'kysely';
import type { CountryScope } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { scopedProfiles } from '../countries/countries.queries.ts';

/** The SQL of the programming calendar. Every read takes the actor's country scope. */

/** The milestones not yet done of the countries within the scope (or of one), due from `from` until before `to`, soonest first, with the country's names. */
export async function selectMilestones(db: Kysely<DB>, scope: CountryScope, q: { from: string; to: string; country?: string }) {
  let query = scopedProfiles(db, scope)
    .innerJoin('programming_milestones as m', 'm.country_code', 'country_profiles.country_code')
    .innerJoin('countries', 'countries.code', 'm.country_code')
    .selectAll('m')
    .select(['countries.name_en as country_name_en', 'countries.name_fr as country_name_fr', 'countries.name_es as country_name_es'])
    .where('m.due_date', '>=', q.from)
    .where('m.due_date', '<', q.to)
    .where('m.done_on', 'is', null)
    .orderBy('m.due_date')
    .orderBy('countries.name_en');
  if (q.country) query = query.where('m.country_code', '=', q.country);
  return query.execute();
}
