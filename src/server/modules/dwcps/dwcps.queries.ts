import type { Kysely } from 'kysely';
import type { CountryScope } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { assertCountryInScope } from '../countries/countries.queries.ts';

/** The SQL of DWCPs. Every read takes the actor's country scope: a country outside it is not found. */

/** The DWCPs of a country, newest first. */
export async function selectDwcps(db: Kysely<DB>, scope: CountryScope, code: string) {
  await assertCountryInScope(db, scope, code);
  return db.selectFrom('dwcps').selectAll().where('country_code', '=', code).orderBy('period_start', 'desc').execute();
}

/**
 * A DWCP and everything under it, each level in one statement whatever its size: its priorities, its CPOs
 * (with the CF outcome each is derived from) and the CPOs' links to CF outputs, organisation-wide outcomes
 * and SDG targets.
 */
export async function selectDwcpTree(db: Kysely<DB>, scope: CountryScope, id: string) {
  const dwcp = await db.selectFrom('dwcps').selectAll().where('id', '=', id).executeTakeFirst();
  if (!dwcp) throw notFound('DWCP', id);
  await assertCountryInScope(db, scope, dwcp.country_code);
  const [priorities, cpos, outputs, orgOutcomes, targets] = await Promise.all([
    db.selectFrom('dwcp_priorities').selectAll().where('dwcp_id', '=', id).orderBy('code').execute(),
    db
      .selectFrom('cpos')
      .leftJoin('cf_outcomes', 'cf_outcomes.id', 'cpos.cf_outcome_id')
      .selectAll('cpos')
      .select(['cf_outcomes.text as cf_outcome_text', 'cf_outcomes.code as cf_outcome_code'])
      .where('cpos.dwcp_id', '=', id)
      .orderBy('cpos.code')
      .execute(),
    db.selectFrom('cpo_cf_outputs as l').innerJoin('cpos', 'cpos.id', 'l.cpo_id').select(['l.cpo_id', 'l.cf_output_id']).where('cpos.dwcp_id', '=', id).execute(),
    db.selectFrom('cpo_org_outcomes as l').innerJoin('cpos', 'cpos.id', 'l.cpo_id').select(['l.cpo_id', 'l.org_outcome_id']).where('cpos.dwcp_id', '=', id).execute(),
    db.selectFrom('cpo_sdg_targets as l').innerJoin('cpos', 'cpos.id', 'l.cpo_id').select(['l.cpo_id', 'l.target_code']).where('cpos.dwcp_id', '=', id).execute(),
  ]);
  return { dwcp, priorities, cpos, outputs, orgOutcomes, targets };
}
