import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DeliveryGroupRow, DeliveryRow, DeliveryTotals } from '../../shared/contracts/finance.ts';
import type { DELIVERY_SORTS, DeliveryGroup } from '../../shared/finance-labels.ts';
import { currencyDecimals, fromUnits, sum, toUnits } from '../../shared/money.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { commitmentThrough, complete, expenditureThrough, money, type PortfolioFilter, rate, ratio, scopedFacts, withRegion, withRegionIf } from './portfolio-facts.queries.ts';
import { reportingCurrency } from './reporting-currency.ts';

/** A delivery question: a year, up to which month (12 = the whole year), narrowed by the filter. */
export interface DeliveryQuery {
  year: number;
  through?: number;
  filter?: PortfolioFilter;
}

const throughOf = (q: DeliveryQuery) => Math.min(12, Math.max(1, q.through ?? 12));
/** Run-rate forecast of a numeric SQL expression spent over `through` months. */
export const runRate = (spent: RawBuilder<unknown>, through: number): RawBuilder<unknown> => (through >= 12 ? spent : sql<string>`(${spent}) * 12 / ${sql.lit(through)}`);

/** Totals of a delivery question: sums in SQL over the projects in scope, exactly (numeric). */
export async function deliveryTotals(db: Kysely<DB>, q: DeliveryQuery, actor: Actor, currency?: string): Promise<DeliveryTotals & { currency: string }> {
  const to = currency ?? (await reportingCurrency(db));
  const d = currencyDecimals(to);
  const through = throughOf(q);
  const spent = sql`sum(${expenditureThrough(through)}) filter (where ${complete})`;
  const allocated = sql`sum(f.allocation) filter (where ${complete})`;
  const row = await scopedFacts(db, actor, q.year, q.filter ?? {})
    .select([
      sql<number>`count(*) filter (where ${complete})::int`.as('projects'),
      sql<number>`count(*) filter (where not ${complete})::int`.as('unconverted'),
      money(allocated, d).as('allocation'),
      money(spent, d).as('expenditure'),
      money(sql`sum(${commitmentThrough(through)}) filter (where ${complete})`, d).as('commitment'),
      rate(spent, allocated).as('deliveryRate'),
      money(runRate(spent, through), d).as('forecast'),
      rate(runRate(spent, through), allocated).as('forecastRate'),
    ])
    .executeTakeFirstOrThrow();
  return { currency: to, ...row };
}

/**
 * The delivery rate (expenditure ÷ allocation) of each project in scope for a year (or its first months),
 * in the reporting currency, a page at a time; every figure names the rates it used, and a project with
 * a missing rate says so instead of a number.
 */
export async function projectDelivery(
  db: Kysely<DB>,
  q: DeliveryQuery,
  actor: Actor,
  page: { limit?: number; offset?: number; sort?: (typeof DELIVERY_SORTS)[number] } = {},
): Promise<{ currency: string; year: number; through: number; count: number; rows: DeliveryRow[]; total: DeliveryTotals }> {
  const to = await reportingCurrency(db);
  const d = currencyDecimals(to);
  const through = throughOf(q);
  const spent = expenditureThrough(through);
  let query = withRegion(scopedFacts(db, actor, q.year, q.filter ?? {})).select([
    'projects.id as projectId',
    'projects.code',
    'projects.title',
    'offices.name as office',
    'r.region',
    'projects.country_code as country',
    'projects.funding_source as fundingSource',
    sql<string>`case when ${complete} then ${money(sql`f.allocation`, d)} else '' end`.as('allocation'),
    sql<string>`case when ${complete} then ${money(spent, d)} else '' end`.as('expenditure'),
    sql<string>`case when ${complete} then ${money(commitmentThrough(through), d)} else '' end`.as('commitment'),
    sql<string | null>`case when ${complete} then ${rate(spent, sql`f.allocation`)} end`.as('deliveryRate'),
    sql<string>`case when ${complete} then ${money(runRate(spent, through), d)} else '' end`.as('forecast'),
    sql<string[]>`f.basis`.as('basis'),
    sql<string[]>`f.problems`.as('problems'),
  ]);
  const sort = page.sort ?? 'code';
  const order =
    sort === 'code'
      ? sql`projects.code`
      : sort === 'deliveryRate'
        ? sql`${ratio(sql`f.expenditure`, sql`f.allocation`)} asc nulls last, projects.code`
        : sql`${sql.ref(sort === 'allocation' ? 'f.allocation' : 'f.expenditure')} desc nulls last, projects.code`;
  query = query.orderBy(order);
  // A page is chosen on the bare facts first, so the figures are worked out for its rows only, not for
  // every row an offset skips.
  if (page.limit !== undefined)
    query = query.where(
      'projects.id',
      'in',
      scopedFacts(db, actor, q.year, q.filter ?? {})
        .select('projects.id')
        .orderBy(order)
        .limit(page.limit)
        .offset(page.offset ?? 0),
    );
  const [rows, total] = await Promise.all([query.execute(), deliveryTotals(db, q, actor, to)]);
  const { currency: _, ...totals } = total;
  return { currency: to, year: q.year, through, count: totals.projects + totals.unconverted, rows, total: totals };
}

/**
 * Delivery summed by a dimension. A project funded by two partners, or linked to two outcomes, counts
 * under each; outcome sums weigh each project by its link share.
 */
export async function groupedDelivery(db: Kysely<DB>, q: DeliveryQuery, by: DeliveryGroup, actor: Actor) {
  const to = await reportingCurrency(db);
  const d = currencyDecimals(to);
  const through = throughOf(q);
  const base = withRegionIf(by === 'region', scopedFacts(db, actor, q.year, q.filter ?? {}).where(complete));
  const weight = by === 'outcome' ? sql`l.share / 100` : sql`1`;
  const spent = sql`sum(${expenditureThrough(through)} * ${weight})`;
  const allocated = sql`sum(f.allocation * ${weight})`;
  const measures = [
    sql<number>`count(distinct projects.id)::int`.as('projects'),
    money(allocated, d).as('allocation'),
    money(spent, d).as('expenditure'),
    money(sql`sum(${commitmentThrough(through)} * ${weight})`, d).as('commitment'),
    rate(spent, allocated).as('deliveryRate'),
    money(runRate(spent, through), d).as('forecast'),
  ] as const;
  const grouped = (() => {
    switch (by) {
      case 'office':
        return base.select([sql<string>`offices.id::text`.as('key'), 'offices.name as label', ...measures]).groupBy(['offices.id', 'offices.name']);
      case 'region':
        return base.select([sql<string>`coalesce(r.region_id::text, 'none')`.as('key'), 'r.region as label', ...measures]).groupBy(['r.region_id', 'r.region']);
      case 'country':
        return base
          .leftJoin('countries as c', 'c.code', 'projects.country_code')
          .select([sql<string>`coalesce(projects.country_code, 'none')`.as('key'), sql<string>`coalesce(c.name_en, 'Regional and global')`.as('label'), ...measures])
          .groupBy(['projects.country_code', 'c.name_en']);
      case 'funding_source':
        return base
          .innerJoin('funding_sources as s', 's.code', 'projects.funding_source')
          .select(['s.code as key', 's.name_en as label', ...measures])
          .groupBy(['s.code', 's.name_en']);
      case 'partner':
        return base
          .leftJoin('project_partners as pp', (j) => j.onRef('pp.project_id', '=', 'projects.id').on('pp.role', '=', 'funding'))
          .leftJoin('partners as pa', 'pa.id', 'pp.partner_id')
          .select([sql<string>`coalesce(pa.id::text, 'none')`.as('key'), sql<string>`coalesce(pa.name, 'No funding partner')`.as('label'), ...measures])
          .groupBy(['pa.id', 'pa.name']);
      case 'outcome':
        return base
          .innerJoin('project_org_outcome_links as l', 'l.project_id', 'projects.id')
          .innerJoin('org_outcomes as oo', 'oo.id', 'l.org_outcome_id')
          .select([sql<string>`oo.id::text`.as('key'), sql<string>`oo.code || ' ' || oo.title`.as('label'), ...measures])
          .groupBy(['oo.id', 'oo.code', 'oo.title']);
      case 'earmarking':
        return base
          .leftJoin('project_agreements as pa', 'pa.project_id', 'projects.id')
          .leftJoin('agreements as ag', 'ag.id', 'pa.agreement_id')
          .select([sql<string>`coalesce(ag.earmarking, 'none')`.as('key'), sql<string>`coalesce(ag.earmarking, 'none')`.as('label'), ...measures])
          .groupBy(['ag.earmarking']);
    }
  })();
  const rows: DeliveryGroupRow[] = await grouped.orderBy('label').execute();
  const total = await deliveryTotals(db, q, actor, to);
  return { currency: to, year: q.year, through, by, rows, unconverted: total.unconverted };
}

/** Delivery year by year (trends across years), for the same scope and filter. */
export async function deliveryTrend(db: Kysely<DB>, years: { from: number; to: number }, filter: PortfolioFilter, actor: Actor) {
  const to = await reportingCurrency(db);
  const list = Array.from({ length: years.to - years.from + 1 }, (_, i) => years.from + i);
  const rows = await Promise.all(list.map(async (year) => ({ year, ...(await deliveryTotals(db, { year, filter }, actor, to)) })));
  return { currency: to, rows: rows.map(({ currency: _, ...r }) => r) };
}

/** Cumulative expenditure month by month against the allocation (the curve the time-elapsed rule compares to). */
export async function deliveryCurve(db: Kysely<DB>, q: DeliveryQuery, actor: Actor) {
  const to = await reportingCurrency(db);
  const d = currencyDecimals(to);
  // One pass: the twelve cumulative sums; a month's own figure is the difference of two of them.
  const row = await scopedFacts(db, actor, q.year, q.filter ?? {})
    .where(complete)
    .select(Array.from({ length: 12 }, (_, i) => money(sql`sum(f.expenditure_to_month[${sql.lit(i + 1)}])`, d).as(`m${i + 1}`)))
    .executeTakeFirstOrThrow();
  const total = await deliveryTotals(db, q, actor, to);
  const cumulative = Array.from({ length: 12 }, (_, i) => (row as Record<string, string>)[`m${i + 1}`] ?? sum([], d));
  const points = cumulative.map((c, i) => ({ month: i + 1, spent: i ? fromUnits(toUnits(c) - toUnits(cumulative[i - 1] as string), d) : c, cumulative: c }));
  return { currency: to, year: q.year, allocation: total.allocation, points };
}
