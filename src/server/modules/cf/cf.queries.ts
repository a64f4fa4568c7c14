import type { Kysely } from 'kysely';
import type { CountryScope } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { assertCountryInScope } from '../countries/countries.queries.ts';

/** The SQL of Cooperation Framework cycles. Every read takes the actor's country scope: a country outside it is not found. */

/** The cycles of a country, newest first. */
export async function selectCycles(db: Kysely<DB>, scope: CountryScope, code: string) {
  await assertCountryInScope(db, scope, code);
  return db.selectFrom('cf_cycles').selectAll().where('country_code', '=', code).orderBy('period_start', 'desc').execute();
}

/** A cycle and everything under it, each level in one statement whatever its size: priorities, outcomes, outputs, the outcomes' SDG targets. */
export async function selectCycleTree(db: Kysely<DB>, scope: CountryScope, id: string) {
  const cycle = await db.selectFrom('cf_cycles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!cycle) throw notFound('Cooperation Framework cycle', id);
  await assertCountryInScope(db, scope, cycle.country_code);
  const [priorities, outcomes, outputs, targets] = await Promise.all([
    db.selectFrom('cf_priorities').selectAll().where('cycle_id', '=', id).orderBy('code').execute(),
    db.selectFrom('cf_outcomes').selectAll().where('cycle_id', '=', id).orderBy('code').execute(),
    db
      .selectFrom('cf_outputs')
      .innerJoin('cf_outcomes', 'cf_outcomes.id', 'cf_outputs.outcome_id')
      .selectAll('cf_outputs')
      .where('cf_outcomes.cycle_id', '=', id)
      .orderBy('cf_outputs.code')
      .execute(),
    db
      .selectFrom('cf_outcome_sdg_targets as l')
      .innerJoin('cf_outcomes', 'cf_outcomes.id', 'l.outcome_id')
      .select(['l.outcome_id', 'l.target_code'])
      .where('cf_outcomes.cycle_id', '=', id)
      .orderBy('l.target_code')
      .execute(),
  ]);
  return { cycle, priorities, outcomes, outputs, targets };
}
