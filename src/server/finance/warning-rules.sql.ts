import { type RawBuilder, sql } from 'kysely';
import { type WarningRule, yearElapsed } from './warning.rules.ts';

/** The facts a rule reads: allocation, expenditure and commitments (doubles), the planned end, the last month with expenditure. */
export type FactColumn = 'a' | 'e' | 'c' | 'planned_end' | 'last_expenditure';

/**
 * The condition of each early-warning rule as SQL over a row of the watch-list facts (`column` names
 * where each fact is, bare column names by default), so the database
 * counts flags across 20,000 projects and sends back only the flagged ones. It states the same
 * conditions as `evaluateWarnings`, which words the reasons, with the same double-precision arithmetic
 * (the amounts are money; these are thresholds in percent), so both decide alike; a test holds them to it.
 */
export function ruleCondition(rule: WarningRule, asOf: string, column: (name: FactColumn) => RawBuilder<unknown> = (name) => sql.ref(name)): RawBuilder<boolean> {
  const p = rule.params;
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const a = column('a');
  const e = column('e');
  const c = column('c');
  const lastExpenditure = column('last_expenditure');
  const plannedEnd = column('planned_end');
  const delivery = sql`(100 * ${e} / ${a})`;
  const num = (n: number | undefined, fallback: number) => sql.lit(Number.isFinite(n) ? Number(n) : fallback);
  switch (rule.kind) {
    case 'below_time_curve':
      return sql<boolean>`(${a} > 0 and ${sql.lit(yearElapsed(asOf))} - ${delivery} > ${num(p.points, 20)})`;
    case 'no_expenditure':
      return sql<boolean>`(${a} > 0 and (${lastExpenditure} is null or
        (${sql.lit(year)} - date_part('year', ${lastExpenditure})) * 12 + ${sql.lit(month)} - date_part('month', ${lastExpenditure}) >= ${num(p.months, 3)}))`;
    case 'ending_low_delivery': {
      const left = sql`((date_part('year', ${plannedEnd}) - ${sql.lit(year)}) * 12 + date_part('month', ${plannedEnd}) - ${sql.lit(month)})`;
      return sql<boolean>`(${a} > 0 and ${left} between 0 and ${num(p.months, 6)} and ${delivery} < ${num(p.below, 70)})`;
    }
    case 'allocation_not_committed':
      if (12 - month > (Number.isFinite(p.months) ? Number(p.months) : 3)) return sql<boolean>`false`;
      return sql<boolean>`(${a} > 0 and 100 * (${a} - ${e} - ${c}) / ${a} > ${num(p.share, 50)})`;
    default:
      return sql<boolean>`false`;
  }
}
