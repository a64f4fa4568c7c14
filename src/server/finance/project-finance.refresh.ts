import { type Insertable, type Kysely, sql } from 'kysely';
import { currencyDecimals, sum } from '../../shared/money.ts';
import type { DB } from '../db/schema.ts';
import type { ProjectFinanceTable } from '../db/tables/finance.ts';
import { convert, MissingRate, type RateTable, rateKey } from './convert.ts';
import { reportingCurrency } from './reporting-currency.ts';

const CHUNK = 2000;
const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const arrayLiteral = (xs: string[]) => `{${xs.join(',')}}`;

/**
 * Recomputes the delivery facts (`project_finance`) of some projects, or of all, in the reporting
 * currency: the allocation at the rate of January of its year, each month's expenditure (disbursements
 * included, and also kept apart) and commitments
 * at the rate of that month, exactly (convert.ts), naming every rate used. Called inside the transaction
 * that changed the inputs, so the facts are never behind the data they come from.
 */
export async function refreshProjectFinance(db: Kysely<DB>, target: { projectIds?: string[] } = {}): Promise<number> {
  const to = await reportingCurrency(db);
  const ids = target.projectIds ?? (await db.selectFrom('projects').select('id').execute()).map((p) => p.id);
  const unique = [...new Set(ids)];
  let written = 0;
  const rateCache: RateTable = new Map();
  const loadedYears = new Set<number>();
  for (const part of chunks(unique, CHUNK)) {
    const [allocations, lines] = await Promise.all([
      db.selectFrom('allocations').select(['project_id', 'year', 'amount', 'currency']).where('project_id', 'in', part).execute(),
      db
        .selectFrom('financial_lines')
        .select(['project_id', 'kind', 'currency', 'period', sql<string>`sum(amount)::text`.as('amount')])
        .where('project_id', 'in', part)
        .groupBy(['project_id', 'kind', 'currency', 'period'])
        .execute(),
    ]);
    const years = new Set([...allocations.map((a) => a.year), ...lines.map((l) => Number(l.period.slice(0, 4)))]);
    const missing = [...years].filter((y) => !loadedYears.has(y));
    if (missing.length) {
      const rows = await db.selectFrom('exchange_rates').selectAll().where(sql<number>`extract(year from month)::int`, 'in', missing).execute();
      for (const r of rows) rateCache.set(rateKey(r.currency, r.month), { perUsd: r.per_usd, source: r.source });
      for (const y of missing) loadedYears.add(y);
    }
    const facts = computeFacts(allocations, lines, to, rateCache);
    await db.deleteFrom('project_finance').where('project_id', 'in', part).execute();
    for (const rows of chunks(facts, 1000)) {
      await db.insertInto('project_finance').values(rows).execute();
      written += rows.length;
    }
  }
  return written;
}

type FactRow = Insertable<ProjectFinanceTable>;

/** Pure: the facts of each (project, year) from its allocations and monthly line sums. Exported for tests. */
export function computeFacts(
  allocations: { project_id: string; year: number; amount: string; currency: string }[],
  lines: { project_id: string; kind: string; currency: string; period: string; amount: string }[],
  to: string,
  rates: RateTable,
) {
  const decimals = currencyDecimals(to);
  const zero = sum([], decimals);
  type Acc = {
    basis: string[];
    problems: string[];
    allocation: string | null;
    months: { expenditure: string[][]; commitment: string[][]; disbursement: string[][] };
    last: string | null;
  };
  const byKey = new Map<string, Acc & { project: string; year: number }>();
  const acc = (project: string, year: number) => {
    const key = `${project}/${year}`;
    let a = byKey.get(key);
    if (!a) {
      a = { project, year, basis: [], problems: [], allocation: zero, months: { expenditure: months(), commitment: months(), disbursement: months() }, last: null };
      byKey.set(key, a);
    }
    return a;
  };
  const conv = (a: Acc, amount: string, currency: string, month: string) => {
    try {
      const c = convert(amount, currency, month, to, rates);
      if (c.basis && !a.basis.includes(c.basis)) a.basis.push(c.basis);
      return c.amount;
    } catch (err) {
      if (!(err instanceof MissingRate)) throw err;
      if (!a.problems.includes(err.message)) a.problems.push(err.message);
      return null;
    }
  };
  for (const al of allocations) {
    const a = acc(al.project_id, al.year);
    a.allocation = conv(a, al.amount, al.currency, `${al.year}-01-01`);
  }
  for (const l of lines) {
    const year = Number(l.period.slice(0, 4));
    const a = acc(l.project_id, year);
    const value = conv(a, l.amount, l.currency, l.period);
    if (value === null) continue;
    // A disbursement is delivered money: it counts in expenditure and is also kept apart.
    const kind = l.kind === 'commitment' ? 'commitment' : 'expenditure';
    const month = Number(l.period.slice(5, 7)) - 1;
    a.months[kind][month]?.push(value);
    if (l.kind === 'disbursement') a.months.disbursement[month]?.push(value);
    if (kind === 'expenditure' && value !== zero && (!a.last || l.period > a.last)) a.last = l.period;
  }
  return [...byKey.values()].map((a): FactRow => {
    const broken = a.problems.length > 0;
    const monthly = (kind: keyof Acc['months']) => a.months[kind].map((m) => sum(m, decimals));
    const cumulative = (xs: string[]) => xs.map((_, i) => sum(xs.slice(0, i + 1), decimals));
    const exp = monthly('expenditure');
    const com = monthly('commitment');
    const dis = monthly('disbursement');
    return {
      project_id: a.project,
      year: a.year,
      currency: to,
      allocation: broken ? null : a.allocation,
      expenditure: broken ? null : sum(exp, decimals),
      commitment: broken ? null : sum(com, decimals),
      expenditure_to_month: broken ? null : arrayLiteral(cumulative(exp)),
      commitment_to_month: broken ? null : arrayLiteral(cumulative(com)),
      disbursement_to_month: broken || dis.every((m) => m === zero) ? null : arrayLiteral(cumulative(dis)),
      last_expenditure: broken ? null : a.last,
      basis: JSON.stringify(a.basis.sort()),
      problems: JSON.stringify(a.problems),
    };
  });
}

const months = () => Array.from({ length: 12 }, () => [] as string[]);
