import { type Kysely, sql } from 'kysely';
import type { FORMULAS } from '../../../shared/contracts/strategies.ts';
import { ratioPercent } from '../../../shared/money.ts';
import { systemActor } from '../../access/actor.ts';
import type { DB } from '../../db/schema.ts';
import { deliveryTotals } from '../../finance/delivery.queries.ts';
import { alignedShare } from '../../finance/funding-alignment.queries.ts';
import { resourceGaps } from '../../finance/resource-gaps.queries.ts';

export type Formula = (typeof FORMULAS)[number];

/** A computed value: the number, what it means, and the data it was computed from (shown beside it). */
export interface Computed {
  formula: Formula;
  /** in the indicator's unit: a percentage with two decimals, or a count; null when there is nothing to compute from */
  value: string | null;
  definition: string;
  data: Record<string, string | number | null>;
  asOf: string;
}

/** A share as a percentage with two decimals, from a 4-decimal ratio string ("0.5812" → "58.12"). */
const percent = (ratio: string | null) => (ratio === null ? null : ratioPercent(ratio, 2));

/**
 * The named formulas an indicator can be computed by. Strategies are organisation-wide, so every formula
 * reads the whole organisation's data (a system actor), whoever asks; each says what it counted.
 */
const COMPUTE: Record<Formula, (db: Kysely<DB>, asOf: string, window: { start: string }) => Promise<Omit<Computed, 'formula' | 'asOf'>>> = {
  async delivery_rate(db, asOf) {
    const year = Number(asOf.slice(0, 4));
    const through = Number(asOf.slice(5, 7));
    const t = await deliveryTotals(db, { year, through }, systemActor('system', 'strategy formula'));
    return {
      value: percent(t.deliveryRate),
      definition: `Delivery rate: expenditure ÷ allocation of the projects active in ${year}, expenditure through month ${through}`,
      data: { year, throughMonth: through, projects: t.projects, allocation: t.allocation, expenditure: t.expenditure, currency: t.currency, unconverted: t.unconverted },
    };
  },
  async aligned_share(db, asOf) {
    const year = Number(asOf.slice(0, 4));
    const {
      rows: [total],
    } = await alignedShare(db, year, 'total', {}, systemActor('system', 'strategy formula'));
    return {
      value: percent(total?.alignedShare ?? null),
      definition: `Share of voluntary funding (RBSA and extra-budgetary allocations of ${year}) linked to country programme outcomes`,
      data: { year, projects: total?.projects ?? 0, voluntary: total?.voluntary ?? '0', aligned: total?.aligned ?? '0' },
    };
  },
  async gaps_filled(db, asOf) {
    const year = Number(asOf.slice(0, 4));
    const g = await resourceGaps(db, systemActor('system', 'strategy formula'), { year });
    return {
      value: percent(g.totals.shareOfGapsFilled),
      definition: `Share of the resource gaps identified for country programme outcomes (needs covering ${year}) that is filled`,
      data: {
        year,
        currency: g.currency,
        identifiedGap: g.totals.identifiedGap,
        filled: g.totals.filled,
        outcomesWithGap: g.totals.outcomesWithGap,
        outcomesFilled: g.totals.outcomesFilled,
      },
    };
  },
  async proposals_appraised(db, asOf, window) {
    // Projects approved in the window (their first move to approved or later, or created so); appraised = an appraisal step came first.
    const row = await db
      .with('firsts', (q) =>
        q
          .selectFrom('project_status_history as h')
          .select(['h.project_id', sql<string>`min(h.at) filter (where h.to_status in ('approved', 'active', 'closed'))`.as('approved_at')])
          .groupBy('h.project_id'),
      )
      .selectFrom('firsts as f')
      .select([
        sql<number>`count(*)::int`.as('approved'),
        sql<number>`count(*) filter (where exists (select 1 from project_status_history a where a.project_id = f.project_id and a.to_status = 'appraisal' and a.at < f.approved_at))::int`.as(
          'appraised',
        ),
      ])
      .where(sql<boolean>`f.approved_at >= ${window.start}::date and f.approved_at < ${asOf}::date + 1`)
      .executeTakeFirstOrThrow();
    return {
      value: row.approved ? ((row.appraised * 100) / row.approved).toFixed(2) : null,
      definition: `Share of the projects approved from ${window.start} to ${asOf} that went through appraisal first`,
      data: { from: window.start, to: asOf, approved: row.approved, appraised: row.appraised },
    };
  },
  async cfs_reflecting_dwcp(db, asOf) {
    const row = await db
      .selectFrom('cf_cycles as c')
      .select([
        sql<number>`count(*)::int`.as('cycles'),
        sql<number>`count(*) filter (where exists (
          select 1 from cf_outcomes o join cpos on cpos.cf_outcome_id = o.id where o.cycle_id = c.id))::int`.as('reflecting'),
      ])
      .where('c.period_start', '<=', asOf)
      .executeTakeFirstOrThrow();
    return {
      value: String(row.reflecting),
      definition: 'Cooperation Frameworks (and UNDAFs) begun by this date with at least one outcome that a DWCP outcome is derived from',
      data: { asOf, frameworks: row.cycles, reflectingDwcp: row.reflecting },
    };
  },
};

/** Computes a named formula as at a date; `windowStart` is the start of the milestone period (for flows such as approvals). */
export async function computeFormula(db: Kysely<DB>, formula: Formula, asOf: string, windowStart: string): Promise<Computed> {
  const r = await COMPUTE[formula](db, asOf, { start: windowStart });
  return { formula, asOf, ...r };
}
