import { type Kysely, sql } from 'kysely';
import { currencyDecimals, fromUnits, sum, toUnits } from '../../shared/money.ts';
import type { Actor } from '../access/actor.ts';
import { scopeFor } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';
import { convert, MissingRate, type RateTable, rateKey } from './convert.ts';
import { reportingCurrency } from './rates.service.ts';

export interface DeliveryRow {
  projectId: string;
  code: string;
  title: string;
  office: string;
  country: string | null;
  fundingSource: string;
  allocation: string;
  expenditure: string;
  /** expenditure ÷ allocation, 4 decimals; null without an allocation */
  deliveryRate: string | null;
  basis: string[];
  problems: string[];
}

const ratio = (num: string, den: string) => {
  const d = toUnits(den);
  if (d === 0n) return null;
  return fromUnits((toUnits(num) * 10000n * 10000n) / d / 10000n, 4);
};

/**
 * The delivery rate (expenditure ÷ allocation) of each project in scope for a year, in the reporting
 * currency: expenditure converted at the rate of its month, the allocation at the rate of January of
 * the year. Every figure lists the rates it used; a missing rate is named on the project, not guessed.
 */
export async function projectDelivery(
  db: Kysely<DB>,
  year: number,
  actor: Actor,
): Promise<{ currency: string; rows: DeliveryRow[]; total: { allocation: string; expenditure: string; deliveryRate: string | null } }> {
  const to = await reportingCurrency(db);
  const decimals = currencyDecimals(to);
  const projects = await scopedProjects(db, scopeFor(actor, 'projects.read'))
    .select(['projects.id', 'projects.code', 'projects.title', 'projects.country_code', 'projects.funding_source', 'offices.name as office'])
    .where('projects.status', 'in', ['approved', 'active', 'closed'])
    .orderBy('projects.code')
    .execute();
  const ids = projects.map((p) => p.id);
  if (!ids.length) return { currency: to, rows: [], total: { allocation: sum([], decimals), expenditure: sum([], decimals), deliveryRate: null } };
  const [allocations, spending, rateRows] = await Promise.all([
    db.selectFrom('allocations').selectAll().where('year', '=', year).where('project_id', 'in', ids).execute(),
    db
      .selectFrom('financial_lines')
      .select(['project_id', 'currency', 'period'])
      .select(sql<string>`sum(amount)::text`.as('amount'))
      .where('kind', '=', 'expenditure')
      .where('period', '>=', `${year}-01-01`)
      .where('period', '<=', `${year}-12-01`)
      .where('project_id', 'in', ids)
      .groupBy(['project_id', 'currency', 'period'])
      .execute(),
    db.selectFrom('exchange_rates').selectAll().where('month', '>=', `${year}-01-01`).where('month', '<=', `${year}-12-01`).execute(),
  ]);
  const rates: RateTable = new Map(rateRows.map((r) => [rateKey(r.currency, r.month), { perUsd: r.per_usd, source: r.source }]));
  const rows = projects.map((p): DeliveryRow => {
    const basis: string[] = [];
    const problems: string[] = [];
    const conv = (amount: string, currency: string, month: string) => {
      try {
        const c = convert(amount, currency, month, to, rates);
        if (c.basis && !basis.includes(c.basis)) basis.push(c.basis);
        return c.amount;
      } catch (err) {
        if (!(err instanceof MissingRate)) throw err;
        problems.push(err.message);
        return null;
      }
    };
    const alloc = allocations.find((a) => a.project_id === p.id);
    const allocation = alloc ? conv(alloc.amount, alloc.currency, `${year}-01-01`) : sum([], decimals);
    const spent = spending.filter((s) => s.project_id === p.id).map((s) => conv(s.amount, s.currency, s.period));
    const expenditure = spent.every((x) => x !== null) ? sum(spent as string[], decimals) : null;
    return {
      projectId: p.id,
      code: p.code,
      title: p.title,
      office: p.office,
      country: p.country_code,
      fundingSource: p.funding_source,
      allocation: allocation ?? '',
      expenditure: expenditure ?? '',
      deliveryRate: allocation !== null && expenditure !== null ? ratio(expenditure, allocation) : null,
      basis,
      problems,
    };
  });
  const complete = rows.filter((r) => !r.problems.length);
  const allocation = sum(
    complete.map((r) => r.allocation),
    decimals,
  );
  const expenditure = sum(
    complete.map((r) => r.expenditure),
    decimals,
  );
  return { currency: to, rows, total: { allocation, expenditure, deliveryRate: ratio(expenditure, allocation) } };
}
