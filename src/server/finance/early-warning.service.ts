import { type Kysely, sql } from 'kysely';
import { currencyDecimals } from '../../shared/money.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { commitmentThrough, complete, expenditureThrough, money, type PortfolioFilter, scopedFacts } from './portfolio-facts.query.ts';
import { reportingCurrency } from './rates.service.ts';
import { evaluateWarnings, type ProjectFacts, type WarningRule } from './warning.rules.ts';

/**
 * The watch list: every project in scope flagged by an active early-warning rule as at a day, with the
 * rule, the reason in numbers, and what the office last did about it. Amounts count up to the month of
 * the day. Projects whose figures cannot be converted are listed apart. The list stops at `limit` flags
 * (by project code); `total` and `byRule` count them all.
 */
export async function findWarnings(db: Kysely<DB>, asOf: string, actor: Actor, filter: PortfolioFilter = {}, limit = 500) {
  const year = Number(asOf.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new AppError('INVALID_INPUT', 'asOf must be a date such as 2024-10-01', { field: 'asOf' });
  const month = Number(asOf.slice(5, 7));
  const to = await reportingCurrency(db);
  const d = currencyDecimals(to);
  const [rows, rules] = await Promise.all([
    scopedFacts(db, actor, year, filter)
      .select([
        'projects.id as projectId',
        'projects.code',
        'projects.title',
        'offices.name as office',
        'projects.planned_end as plannedEnd',
        sql<boolean>`${complete}`.as('complete'),
        sql<string[]>`f.problems`.as('problems'),
        money(sql`f.allocation`, d).as('allocation'),
        money(expenditureThrough(month), d).as('expenditure'),
        money(commitmentThrough(month), d).as('commitments'),
        // The last month with expenditure up to the month of the day: the stored one when it is not later
        // (the usual case, cheap), else found in the cumulative figures; else the latest of earlier years.
        sql<string | null>`coalesce(
          case when f.last_expenditure is null or extract(month from f.last_expenditure) <= ${sql.lit(month)} then f.last_expenditure::text
               else (select make_date(f.year, max(i), 1)::text from generate_series(1, ${sql.lit(month)}) i
                     where f.expenditure_to_month[i] <> coalesce(f.expenditure_to_month[i - 1], 0)) end,
          (select max(pf.last_expenditure)::text from project_finance pf where pf.project_id = projects.id and pf.year < f.year))`.as('lastExpenditure'),
      ])
      .orderBy('projects.code')
      .execute(),
    db.selectFrom('warning_rules').select(['code', 'name', 'kind', 'params']).where('active', '=', true).orderBy('code').execute(),
  ]);
  const facts: ProjectFacts[] = rows.filter((r) => r.complete);
  const unconverted = rows.filter((r) => !r.complete).map((r) => ({ code: r.code, problems: r.problems }));
  const all = evaluateWarnings(facts, rules as WarningRule[], asOf);
  const byRule: Record<string, number> = {};
  for (const w of all) byRule[w.rule] = (byRule[w.rule] ?? 0) + 1;
  const flags = all.slice(0, limit);
  const ids = [...new Set(flags.map((w) => w.projectId))];
  const actions = ids.length
    ? await db
        .selectFrom('warning_actions')
        .select(['project_id', 'rule_code', 'status', 'comment', 'at', 'actor_label'])
        .distinctOn(['project_id', 'rule_code'])
        .where('project_id', 'in', ids)
        .orderBy('project_id')
        .orderBy('rule_code')
        .orderBy('id', 'desc')
        .execute()
    : [];
  const byProject = new Map(rows.map((r) => [r.projectId, r]));
  const warnings = flags.map((w) => {
    const a = actions.find((x) => x.project_id === w.projectId && x.rule_code === w.rule);
    const p = byProject.get(w.projectId);
    return {
      ...w,
      title: p?.title ?? '',
      office: p?.office ?? '',
      action: a ? { status: a.status, comment: a.comment, at: a.at, by: a.actor_label } : null,
    };
  });
  return { asOf, currency: to, total: all.length, byRule, warnings, unconverted };
}
