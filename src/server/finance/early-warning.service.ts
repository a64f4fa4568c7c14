import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { convert, MissingRate, rateKey } from './convert.ts';
import { projectDelivery } from './delivery.service.ts';
import { reportingCurrency } from './rates.service.ts';
import { evaluateWarnings, type ProjectFacts, type WarningRule } from './warning.rules.ts';

/**
 * The watch list: every project in scope flagged by an active early-warning rule as at a day, with the
 * rule and the reason in numbers. Projects whose figures cannot be converted are listed apart.
 */
export async function findWarnings(db: Kysely<DB>, asOf: string, actor: Actor) {
  const year = Number(asOf.slice(0, 4));
  if (!Number.isInteger(year)) throw new AppError('INVALID_INPUT', 'asOf must be a date', { field: 'asOf' });
  const delivery = await projectDelivery(db, year, actor);
  const ids = delivery.rows.map((r) => r.projectId);
  if (!ids.length) return { asOf, currency: delivery.currency, warnings: [], unconverted: [] };
  const to = await reportingCurrency(db);
  const [projects, last, commitments, rules, rateRows] = await Promise.all([
    db.selectFrom('projects').select(['id', 'planned_end']).where('id', 'in', ids).execute(),
    db
      .selectFrom('financial_lines')
      .select(['project_id', sql<string>`max(period)::text`.as('last')])
      .where('kind', '=', 'expenditure')
      .where('period', '<=', asOf)
      .where('project_id', 'in', ids)
      .groupBy('project_id')
      .execute(),
    db
      .selectFrom('financial_lines')
      .select(['project_id', 'currency', 'period', sql<string>`sum(amount)::text`.as('amount')])
      .where('kind', '=', 'commitment')
      .where('period', '>=', `${year}-01-01`)
      .where('period', '<=', asOf)
      .where('project_id', 'in', ids)
      .groupBy(['project_id', 'currency', 'period'])
      .execute(),
    db.selectFrom('warning_rules').selectAll().where('active', '=', true).orderBy('code').execute(),
    db.selectFrom('exchange_rates').selectAll().where('month', '>=', `${year}-01-01`).where('month', '<=', `${year}-12-01`).execute(),
  ]);
  const rates = new Map(rateRows.map((r) => [rateKey(r.currency, r.month), { perUsd: r.per_usd, source: r.source }]));
  const facts: ProjectFacts[] = [];
  const unconverted: { code: string; problems: string[] }[] = [];
  for (const d of delivery.rows) {
    let committed = 0;
    try {
      for (const c of commitments.filter((x) => x.project_id === d.projectId)) committed += Number(convert(c.amount, c.currency, c.period, to, rates).amount);
    } catch (err) {
      if (!(err instanceof MissingRate)) throw err;
      d.problems.push(err.message);
    }
    if (d.problems.length) {
      unconverted.push({ code: d.code, problems: d.problems });
      continue;
    }
    facts.push({
      projectId: d.projectId,
      code: d.code,
      plannedEnd: projects.find((p) => p.id === d.projectId)?.planned_end ?? asOf,
      allocation: d.allocation,
      expenditure: d.expenditure,
      commitments: String(committed),
      lastExpenditure: last.find((l) => l.project_id === d.projectId)?.last ?? null,
    });
  }
  const warnings = evaluateWarnings(facts, rules as unknown as WarningRule[], asOf);
  return { asOf, currency: delivery.currency, warnings, unconverted };
}
