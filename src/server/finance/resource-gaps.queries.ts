import { type Kysely, sql } from 'kysely';
import { currencyDecimals, fromUnits, sum, toUnits } from '../../shared/money.ts';
import { DELIVERY_STATUSES, PIPELINE_STATUSES } from '../../shared/project-statuses.ts';
import type { Actor } from '../access/actor.ts';
import { countryScope, scopeFor } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { scopedProfiles } from '../modules/countries/countries.queries.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';
import { convert, MissingRate, type RateTable, rateKey } from './convert.ts';
import { reportingCurrency } from './reporting-currency.ts';

export interface GapRow {
  needId: string;
  cpoId: string;
  outcome: string;
  country: string;
  period: string;
  needed: string;
  regularBudget: string;
  rbsa: string;
  extraBudgetary: string;
  other: string;
  /** regular budget + RBSA + extra-budgetary + other: approved, active and closed projects */
  available: string;
  /** pipeline and appraisal projects, weighed by their probability */
  pipeline: string;
  gap: string;
  gapAfterPipeline: string;
  /** the gap when the need was identified (needed − available then) */
  identifiedGap: string;
  /** how much of the identified gap has since been filled: min(identified gap, available now − available then) */
  filled: string;
  problems: string[];
}

const max0 = (units: bigint) => (units > 0n ? units : 0n);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * Resources needed per country programme outcome against resources available by source, the gap, and
 * the share of identified gaps filled (002 indicator 1.1). A project contributes to an outcome its
 * allocations for the years of the need times its CPO link share; a project in the pipeline contributes
 * that times its probability. Needs are converted at the rate of January of their first year.
 */
export async function resourceGaps(db: Kysely<DB>, actor: Actor, filter: { country?: string; year?: number } = {}) {
  // The available resources are the money of projects: programming rights for the outcomes, finance for the money.
  const money = scopeFor(actor, 'finance.read');
  const to = await reportingCurrency(db);
  const d = currencyDecimals(to);
  let needs = scopedProfiles(db, countryScope(actor, 'programming.read'))
    .innerJoin('dwcps', 'dwcps.country_code', 'country_profiles.country_code')
    .innerJoin('cpos', 'cpos.dwcp_id', 'dwcps.id')
    .innerJoin('resource_needs as n', 'n.cpo_id', 'cpos.id')
    .innerJoin('countries', 'countries.code', 'dwcps.country_code')
    .select([
      'n.id',
      'n.cpo_id',
      'n.year_from',
      'n.year_to',
      'n.currency',
      'n.needed',
      'n.available_at_identification',
      'n.version',
      'cpos.code',
      'cpos.text',
      'countries.name_en as country',
    ]);
  if (filter.country) needs = needs.where('dwcps.country_code', '=', filter.country);
  if (filter.year) needs = needs.where('n.year_from', '<=', filter.year).where('n.year_to', '>=', filter.year);
  const rows = await needs.orderBy('countries.name_en').orderBy('cpos.code').orderBy('n.year_from').execute();
  if (!rows.length) return { currency: to, rows: [] as GapRow[], totals: totalsOf([], d) };

  const contributions = await scopedProjects(db, money)
    .innerJoin('project_cpo_links as l', 'l.project_id', 'projects.id')
    .innerJoin('project_finance as f', 'f.project_id', 'projects.id')
    .innerJoin('funding_sources as s', 's.code', 'projects.funding_source')
    .innerJoin('resource_needs as n', (j) => j.onRef('n.cpo_id', '=', 'l.cpo_id').onRef('f.year', '>=', 'n.year_from').onRef('f.year', '<=', 'n.year_to'))
    .where(
      'n.id',
      'in',
      rows.map((r) => r.id),
    )
    .where(sql<boolean>`f.problems = '[]'::jsonb`)
    .select([
      'n.id as needId',
      sql<string>`case when projects.status in (${sql.join(DELIVERY_STATUSES.map((s) => sql.lit(s)))}) then s.kind else 'pipeline' end`.as('source'),
      sql<string>`round(sum(f.allocation * l.share / 100 * case when projects.status in (${sql.join(PIPELINE_STATUSES.map((s) => sql.lit(s)))}) then coalesce(projects.probability, 0) / 100 else 1 end), ${sql.lit(d)})::text`.as(
        'amount',
      ),
    ])
    .groupBy(['n.id', 'source'])
    .execute();

  const years = [...new Set(rows.map((r) => r.year_from))];
  const rateRows = await db
    .selectFrom('exchange_rates')
    .selectAll()
    .where(
      'month',
      'in',
      years.map((y) => `${y}-01-01`),
    )
    .execute();
  const rates: RateTable = new Map(rateRows.map((r) => [rateKey(r.currency, r.month), { perUsd: r.per_usd, source: r.source }]));

  const out = rows.map((n): GapRow => {
    const problems: string[] = [];
    const conv = (amount: string) => {
      try {
        return convert(amount, n.currency, `${n.year_from}-01-01`, to, rates).amount;
      } catch (err) {
        if (!(err instanceof MissingRate)) throw err;
        problems.push(err.message);
        return sum([], d);
      }
    };
    const by = (kind: string) =>
      sum(
        contributions.filter((c) => c.needId === n.id && c.source === kind).map((c) => c.amount),
        d,
      );
    const regularBudget = by('assessed');
    const rbsa = by('voluntary_core');
    const extraBudgetary = by('voluntary_earmarked');
    const other = by('other');
    const pipeline = by('pipeline');
    const needed = conv(n.needed);
    const then = conv(n.available_at_identification);
    const available = toUnits(sum([regularBudget, rbsa, extraBudgetary, other], d));
    const identified = max0(toUnits(needed) - toUnits(then));
    const filled = min(identified, max0(available - toUnits(then)));
    return {
      needId: n.id,
      cpoId: n.cpo_id,
      outcome: `${n.code} ${n.text}`,
      country: n.country,
      period: n.year_from === n.year_to ? String(n.year_from) : `${n.year_from}–${n.year_to}`,
      needed,
      regularBudget,
      rbsa,
      extraBudgetary,
      other,
      available: fromUnits(available, d),
      pipeline,
      gap: fromUnits(max0(toUnits(needed) - available), d),
      gapAfterPipeline: fromUnits(max0(toUnits(needed) - available - toUnits(pipeline)), d),
      identifiedGap: fromUnits(identified, d),
      filled: fromUnits(filled, d),
      problems,
    };
  });
  return { currency: to, rows: out, totals: totalsOf(out, d) };
}

/** The totals and the share of gaps filled, by amount and by outcome (a gap is adequately filled when filled whole). */
export function totalsOf(rows: GapRow[], d: number) {
  const ok = rows.filter((r) => !r.problems.length);
  const total = (k: keyof GapRow) =>
    sum(
      ok.map((r) => r[k] as string),
      d,
    );
  const identified = toUnits(total('identifiedGap'));
  const filled = toUnits(total('filled'));
  const withGap = ok.filter((r) => toUnits(r.identifiedGap) > 0n);
  return {
    needed: total('needed'),
    available: total('available'),
    pipeline: total('pipeline'),
    gap: total('gap'),
    identifiedGap: fromUnits(identified, d),
    filled: fromUnits(filled, d),
    /** Σ filled ÷ Σ identified gaps, 4 decimals */
    shareOfGapsFilled: identified > 0n ? fromUnits((filled * 20000n + identified) / (2n * identified), 4) : null,
    outcomesWithGap: withGap.length,
    outcomesFilled: withGap.filter((r) => r.filled === r.identifiedGap).length,
  };
}
