import { type Kysely, sql } from 'kysely';
import { currencyDecimals } from '../../shared/money.ts';
import { PROJECT_STATUSES } from '../../shared/project-statuses.ts';
import type { Actor } from '../access/actor.ts';
import { scopeFor } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { reachesProject } from '../modules/projects/projects.queries.ts';
import { runRate } from './delivery.queries.ts';
import { findWarnings } from './early-warning.queries.ts';
import { complete, expenditureThrough, money, rate, scopedFacts } from './portfolio-facts.queries.ts';
import { reportingCurrency } from './reporting-currency.ts';

/** 403 without `finance.read`, 404 for a project out of its reach: a project's money is read by its readers of money only. */
async function assertMoneyReader(db: Kysely<DB>, actor: Actor, projectId: string) {
  scopeFor(actor, 'finance.read');
  if (!(await reachesProject(db, actor, 'finance.read', projectId))) throw notFound('Project', projectId);
}

/**
 * One project's money year by year in the reporting currency, through the facts every view sums (`scopedFacts`,
 * every status: a project's page shows what is stored, pipeline money too): allocation, expenditure,
 * commitments, the delivery rate (`rate`), the run-rate forecast of the year of `asOf` (as the delivery views
 * compute it, `runRate`), the totals of the years that could be converted, the allocations as set, and the
 * project's early-warning flags as at `asOf` for a reader of the watch list.
 */
export async function projectMoney(db: Kysely<DB>, projectId: string, asOf: string, actor: Actor) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new AppError('INVALID_INPUT', 'asOf must be a date such as 2024-10-01', { field: 'asOf' });
  await assertMoneyReader(db, actor, projectId);
  const to = await reportingCurrency(db);
  const d = currencyDecimals(to);
  const year = Number(asOf.slice(0, 4));
  const through = Number(asOf.slice(5, 7));
  // The year of asOf at its run rate so far; a year past as spent; a year to come has none.
  const forecast = sql`case when f.year < ${sql.lit(year)} then f.expenditure when f.year = ${sql.lit(year)} then ${runRate(expenditureThrough(through), through)} end`;
  const facts = () => scopedFacts(db, actor, null, { project: projectId }, PROJECT_STATUSES);
  const [rows, totals, allocations, watch] = await Promise.all([
    facts()
      .select([
        'f.year as year',
        sql<string>`case when ${complete} then ${money(sql`f.allocation`, d)} else '' end`.as('allocation'),
        sql<string>`case when ${complete} then ${money(sql`f.expenditure`, d)} else '' end`.as('expenditure'),
        sql<string>`case when ${complete} then ${money(sql`f.commitment`, d)} else '' end`.as('commitment'),
        sql<string | null>`case when ${complete} then ${rate(sql`f.expenditure`, sql`f.allocation`)} end`.as('deliveryRate'),
        sql<string | null>`case when f.year <= ${sql.lit(year)} then case when ${complete} then ${money(forecast, d)} else '' end end`.as('forecast'),
        sql<string | null>`case when ${complete} then ${rate(forecast, sql`f.allocation`)} end`.as('forecastRate'),
        sql<string[]>`f.basis`.as('basis'),
        sql<string[]>`f.problems`.as('problems'),
      ])
      .orderBy('f.year')
      .execute(),
    facts()
      .where(complete)
      .select([
        money(sql`sum(f.allocation)`, d).as('allocation'),
        money(sql`sum(f.expenditure)`, d).as('expenditure'),
        money(sql`sum(f.commitment)`, d).as('commitment'),
        rate(sql`sum(f.expenditure)`, sql`sum(f.allocation)`).as('deliveryRate'),
      ])
      .executeTakeFirstOrThrow(),
    db.selectFrom('allocations').selectAll().where('project_id', '=', projectId).orderBy('year').execute(),
    (await reachesProject(db, actor, 'warnings.read', projectId)) ? findWarnings(db, asOf, actor, { project: projectId }) : null,
  ]);
  return { projectId, currency: to, asOf, through, rows, totals, allocations, warnings: watch ? watch.warnings : null };
}

/** A page of a project's ERP lines (expenditure, commitments, disbursements), by month then as imported, with the file each came from. */
export async function projectErpLines(db: Kysely<DB>, projectId: string, page: { page: number; pageSize: number }, actor: Actor) {
  await assertMoneyReader(db, actor, projectId);
  const lines = db.selectFrom('financial_lines as l').where('l.project_id', '=', projectId);
  const [rows, count] = await Promise.all([
    lines
      .leftJoin('imports as i', 'i.id', 'l.import_id')
      .select(['l.id', 'l.kind', 'l.period', 'l.amount', 'l.currency', 'l.source_ref', 'i.file_name', 'i.at'])
      .orderBy('l.period')
      .orderBy('l.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    lines.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), ...page };
}

/** The monthly exchange rates (units per US dollar), newest month first, a page at a time: organisation-wide, to readers of money. */
export async function exchangeRateTable(db: Kysely<DB>, q: { currency?: string; year?: number; limit: number; offset: number }, actor: Actor) {
  scopeFor(actor, 'finance.read'); // any reach: the rates are the organisation's
  let rates = db.selectFrom('exchange_rates');
  if (q.currency) rates = rates.where('currency', '=', q.currency);
  if (q.year) rates = rates.where('month', '>=', `${q.year}-01-01`).where('month', '<=', `${q.year}-12-01`);
  const [rows, count, currencies] = await Promise.all([
    rates.selectAll().orderBy('month', 'desc').orderBy('currency').limit(q.limit).offset(q.offset).execute(),
    rates.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('exchange_rates').select('currency').distinct().orderBy('currency').execute(),
  ]);
  return { rows, total: Number(count.n), currencies: currencies.map((c) => c.currency) };
}
