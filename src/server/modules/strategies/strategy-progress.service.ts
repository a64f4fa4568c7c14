import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireRight } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { indicatorStatus, periodAt } from './indicator-status.ts';
import { loadStrategy } from './strategies.queries.ts';
import { type Computed, computeFormula, type Formula } from './strategy-formulas.ts';

/**
 * A strategy as at a date: each indicator with the milestone of the period the date falls in, its value
 * (the latest entered by then, with its source, or computed by its formula, with the data used) and its
 * status with the rule that decided it.
 */
export async function strategyProgress(db: Kysely<DB>, idOrCode: string, asOf: string, actor: Actor) {
  requireRight(actor, 'strategies.read');
  const loaded = await loadStrategy(db, idOrCode);
  const { strategy, periods } = loaded;
  if (asOf < strategy.period_start)
    throw new AppError('INVALID_INPUT', `asOf: the strategy starts on ${strategy.period_start}; there is nothing to report as at ${asOf}`, { field: 'asOf' });
  const period = periodAt(periods, asOf);
  // Each formula is computed once for the whole strategy (the same date and window for every indicator), not once per indicator.
  const computations = new Map<Formula, Computed>();
  const compute = async (formula: Formula) => {
    let computed = computations.get(formula);
    if (!computed) {
      computed = await computeFormula(db, formula, asOf, period?.start_date ?? strategy.period_start);
      computations.set(formula, computed);
    }
    return computed;
  };
  const outcomes = [];
  for (const o of loaded.outcomes) {
    const indicators = [];
    for (const i of o.indicators) {
      const milestone = period ? (i.milestones.find((m) => m?.period_id === period.id) ?? null) : null;
      let value: string | null = null;
      let source: string | null = null;
      let computed: Computed | null = null;
      if (i.formula) {
        computed = await compute(i.formula as Formula);
        value = computed.value;
        source = `${computed.definition} (formula ${i.formula}, as at ${asOf})`;
      } else {
        const entered = i.values.filter((v) => v.as_of <= asOf).at(-1);
        if (entered) {
          value = entered.value;
          source = `${entered.source} (as at ${entered.as_of})`;
        }
      }
      const status = indicatorStatus({
        unit: i.unit,
        value,
        baselineValue: i.baseline_value,
        milestone: milestone?.value ?? null,
        period: period?.label ?? null,
        margin: strategy.at_risk_margin,
      });
      indicators.push({ indicator: i, period: period?.label ?? null, milestone, value, source, computed, ...status });
    }
    const { indicators: _, ...outcome } = o;
    outcomes.push({ outcome, indicators });
  }
  return { strategy, periods, asOf, period: period?.label ?? null, outcomes };
}
export type StrategyProgress = Awaited<ReturnType<typeof strategyProgress>>;
