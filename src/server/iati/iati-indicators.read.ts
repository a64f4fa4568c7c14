import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * The indicators of some results nodes (projects or country programme outcomes) as IATI results read them:
 * title, unit, baseline, and each current target's period with its latest actual.
 */
export function indicatorResults(db: Kysely<DB>, nodeType: 'project' | 'cpo', ids: string[]) {
  return db
    .selectFrom('indicators as i')
    .select([
      'i.node_id',
      'i.title',
      'i.unit',
      sql<string | null>`i.baseline_value::text`.as('baseline'),
      sql<string | null>`to_char(i.baseline_date, 'YYYY-MM-DD')`.as('baselineDate'),
      sql<{ start: string; end: string; target: string | null; actual: string | null }[]>`coalesce((
        select json_agg(json_build_object('start', p.s, 'end', p.e, 'target', p.target, 'actual', p.actual) order by p.s, p.e) from (
          select to_char(t.period_start, 'YYYY-MM-DD') as s, to_char(t.period_end, 'YYYY-MM-DD') as e, t.value::text as target,
                 (select a.value::text from indicator_actuals a where a.indicator_id = i.id and a.period_start = t.period_start and a.period_end = t.period_end order by a.recorded_at desc limit 1) as actual
          from indicator_targets t where t.indicator_id = i.id and t.superseded_at is null and t.kind = 'target') p), '[]')`.as('periods'),
    ])
    .where('i.node_type', '=', nodeType)
    .where('i.node_id', 'in', ids)
    .orderBy('i.created_at')
    .execute();
}
