import { type Kysely, sql } from 'kysely';
import { currencyDecimals, fromUnits, sum, toUnits } from '../../shared/money.ts';
import type { Actor } from '../access/actor.ts';
import { scopeFor } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';
import { convert, MissingRate, type RateTable, rateKey } from './convert.ts';
import { reportingCurrency } from './rates.service.ts';

export const DELIVERY_GROUPS = ['office', 'country', 'funding_source', 'partner'] as const;
export type DeliveryGroup = (typeof DELIVERY_GROUPS)[number];

export interface DeliveryGroupRow {
  key: string;
  label: string;
  projects: number;
  allocation: string;
  expenditure: string;
  deliveryRate: string | null;
}

/**
 * Delivery summed by a dimension (office, country, funding source, funding partner). Projects whose
 * figures could not be converted are left out of the sums and counted apart.
 */
export async function groupedDelivery(db: Kysely<DB>, year: number, by: DeliveryGroup, actor: Actor) {
  const d = await projectDelivery(db, year, actor);
  const decimals = currencyDecimals(d.currency);
  const partners =
    by === 'partner' && d.rows.length
      ? await db
          .selectFrom('project_partners')
          .innerJoin('partners', 'partners.id', 'project_partners.partner_id')
          .select(['project_partners.project_id', 'partners.id', 'partners.name'])
          .where('project_partners.role', '=', 'funding')
          .where(
            'project_partners.project_id',
            'in',
            d.rows.map((r) => r.projectId),
          )
          .execute()
      : [];
  const keyOf = (r: DeliveryRow): [string, string][] => {
    if (by === 'office') return [[r.office, r.office]];
    if (by === 'country') return [[r.country ?? '—', r.country ?? '—']];
    if (by === 'funding_source') return [[r.fundingSource, r.fundingSource]];
    const own = partners.filter((p) => p.project_id === r.projectId);
    return own.length ? own.map((p) => [p.id, p.name] as [string, string]) : [['—', '—']];
  };
  const groups = new Map<string, { label: string; rows: DeliveryRow[] }>();
  for (const r of d.rows.filter((x) => !x.problems.length)) {
    for (const [key, label] of keyOf(r)) {
      const g = groups.get(key) ?? { label, rows: [] };
      g.rows.push(r);
      groups.set(key, g);
    }
  }
  const rows: DeliveryGroupRow[] = [...groups.entries()]
    .map(([key, g]) => {
      const allocation = sum(
        g.rows.map((r) => r.allocation),
        decimals,
      );
      const expenditure = sum(
        g.rows.map((r) => r.expenditure),
        decimals,
      );
      return { key, label: g.label, projects: g.rows.length, allocation, expenditure, deliveryRate: ratio(expenditure, allocation) };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  return { currency: d.currency, by, rows, unconverted: d.rows.filter((r) => r.problems.length).length };
}

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
