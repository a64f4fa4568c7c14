import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The SQL of the organisation-wide frameworks. They are the whole organisation's, so no read takes a scope:
 * the right to read them (`frameworks.read`) is checked by the service.
 */

/** Every framework, newest first, with all outcomes, outputs, outcome indicators and their current targets: five statements whatever their number. */
export async function selectFrameworkTrees(db: Kysely<DB>) {
  const [frameworks, outcomes, outputs, indicators, targets] = await Promise.all([
    db.selectFrom('org_frameworks').selectAll().orderBy('period_start', 'desc').execute(),
    db.selectFrom('org_outcomes').selectAll().orderBy('code').execute(),
    db.selectFrom('org_outputs').selectAll().orderBy('code').execute(),
    db.selectFrom('indicators').selectAll().where('node_type', '=', 'org_outcome').orderBy('code').execute(),
    db
      .selectFrom('indicator_targets')
      .innerJoin('indicators', 'indicators.id', 'indicator_targets.indicator_id')
      .selectAll('indicator_targets')
      .where('indicators.node_type', '=', 'org_outcome')
      .where('indicator_targets.superseded_at', 'is', null)
      .orderBy('indicator_targets.period_start')
      .execute(),
  ]);
  return { frameworks, outcomes, outputs, indicators, targets };
}
