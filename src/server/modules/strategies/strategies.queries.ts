import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';

/**
 * The SQL of strategies. Strategies are the whole organisation's, so no read takes a scope: the right to read
 * them (`strategies.read`) is checked by the service.
 */

/** Every strategy, the latest first. */
export function selectStrategies(db: Kysely<DB>) {
  return db.selectFrom('strategies').selectAll().orderBy('period_start', 'desc').execute();
}

/** A whole strategy as stored: periods, outcomes with costing, indicators with milestones and entered values. */
export async function loadStrategy(db: Kysely<DB> | Transaction<DB>, idOrCode: string) {
  const byId = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const strategy = await db
    .selectFrom('strategies')
    .selectAll()
    .where(byId ? 'id' : 'code', '=', idOrCode)
    .executeTakeFirst();
  if (!strategy) throw notFound('Strategy', idOrCode);
  const [periods, outcomes, indicators, milestones, values] = await Promise.all([
    db.selectFrom('strategy_periods').selectAll().where('strategy_id', '=', strategy.id).orderBy('start_date').execute(),
    db.selectFrom('strategy_outcomes').selectAll().where('strategy_id', '=', strategy.id).orderBy('number').execute(),
    db.selectFrom('strategy_indicators as i').innerJoin('strategy_outcomes as o', 'o.id', 'i.outcome_id').selectAll('i').where('o.strategy_id', '=', strategy.id).execute(),
    db
      .selectFrom('strategy_milestones as m')
      .innerJoin('strategy_periods as p', 'p.id', 'm.period_id')
      .select(['m.indicator_id', 'm.period_id', 'm.label', 'm.value', 'p.label as period'])
      .where('p.strategy_id', '=', strategy.id)
      .execute(),
    db
      .selectFrom('strategy_indicator_values as v')
      .innerJoin('strategy_indicators as i', 'i.id', 'v.indicator_id')
      .innerJoin('strategy_outcomes as o', 'o.id', 'i.outcome_id')
      .selectAll('v')
      .where('o.strategy_id', '=', strategy.id)
      .orderBy('v.as_of')
      .orderBy('v.id')
      .execute(),
  ]);
  const byNumber = (a: { number: string }, b: { number: string }) => a.number.localeCompare(b.number, 'en', { numeric: true });
  return {
    strategy,
    periods,
    outcomes: outcomes.map((o) => ({
      ...o,
      indicators: indicators
        .filter((i) => i.outcome_id === o.id)
        .sort(byNumber)
        .map((i) => ({
          ...i,
          milestones: periods.map((p) => milestones.find((m) => m.indicator_id === i.id && m.period_id === p.id) ?? null),
          values: values.filter((v) => v.indicator_id === i.id),
        })),
    })),
  };
}
export type LoadedStrategy = Awaited<ReturnType<typeof loadStrategy>>;
