import { type Kysely, sql } from 'kysely';
import { currencyDecimals } from '../../shared/money.ts';
import { DELIVERY_STATUSES } from '../../shared/project-statuses.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { commitmentThrough, complete, expenditureThrough, type PortfolioFilter, scopedFacts } from './portfolio-facts.queries.ts';
import { reportingCurrency } from './reporting-currency.ts';
import { evaluateWarnings, type ProjectFacts, type WarningRule } from './warning.rules.ts';
import { type FactColumn, ruleCondition } from './warning-rules.sql.ts';

/** The first day of the last month up to `month` whose cumulative expenditure moved, unrolled (no subquery per row). */
const lastMonthWithExpenditure = (month: number) => {
  const cases = Array.from({ length: month }, (_, k) => month - k).map(
    (i) =>
      sql`when f.expenditure_to_month[${sql.lit(i)}] <> ${i > 1 ? sql`coalesce(f.expenditure_to_month[${sql.lit(i - 1)}], 0)` : sql`0`} then make_date(f.year, ${sql.lit(i)}, 1)`,
  );
  return sql`case ${sql.join(cases, sql` `)} end`;
};

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
  const rules = (await db.selectFrom('warning_rules').select(['code', 'name', 'kind', 'params']).where('active', '=', true).orderBy('code').execute()) as WarningRule[];
  // The facts as the rules read them, once per project in a lateral: amounts as doubles (the facts are
  // already rounded to the reporting currency's decimals), and the last month with expenditure up to the
  // month of the day: the stored one when it is not later (the usual case, cheap), else found in the
  // cumulative figures; else the latest of earlier years. Each rule's verdict is a column (hit0, hit1, …).
  const lastExpenditure = sql<string | null>`coalesce(
      case when f.last_expenditure is null or date_part('month', f.last_expenditure) <= ${sql.lit(month)} then f.last_expenditure
           else ${lastMonthWithExpenditure(month)} end,
      (select max(pf.last_expenditure) from project_finance pf where pf.project_id = projects.id and pf.year < f.year))`;
  const column = (name: FactColumn) => (name === 'planned_end' ? sql.ref('projects.planned_end') : sql.ref(`m.${name}`));
  const w = scopedFacts(db, actor, year, filter, DELIVERY_STATUSES, 'warnings.read')
    .crossJoinLateral(() =>
      db
        .selectNoFrom([
          sql<boolean>`${complete}`.as('complete'),
          sql<number>`coalesce(f.allocation, 0)::float8`.as('a'),
          sql<number>`coalesce(${expenditureThrough(month)}, 0)::float8`.as('e'),
          sql<number>`coalesce(${commitmentThrough(month)}, 0)::float8`.as('c'),
          lastExpenditure.as('last_expenditure'),
        ])
        .offset(0) // computed once per row, not inlined into every rule
        .as('m'),
    )
    .select(['projects.id', 'projects.code', 'm.complete', sql<string[]>`f.problems`.as('problems')])
    .select(rules.map((r, i) => sql<boolean>`m.complete and ${ruleCondition(r, asOf, column)}`.as(`hit${i}`)));
  const anyHit = rules.length
    ? sql.join(
        rules.map((_, i) => sql.ref(`hit${i}`)),
        sql` or `,
      )
    : sql`false`;
  const counts = sql.join(rules.map((r, i) => sql`${r.code}::text, count(*) filter (where ${sql.ref(`hit${i}`)})`));
  // One round trip: counts by rule, the first flagged projects with their figures (read again for those
  // only, rounded to the currency's decimals), the unconverted.
  const result = await db
    .with(
      (cte) => cte('w').materialized(),
      () => w,
    )
    .selectNoFrom([
      sql<Record<string, string>>`(select json_build_object(${rules.length ? counts : sql`'none', 0`}) from w)`.as('counts'),
      sql<ProjectFacts[] | null>`(select json_agg(x order by x.code) from (
        select projects.id as "projectId", projects.code, projects.planned_end::text as "plannedEnd",
               round(coalesce(f.allocation, 0), ${sql.lit(d)})::text as allocation,
               round(coalesce(${expenditureThrough(month)}, 0), ${sql.lit(d)})::text as expenditure,
               round(coalesce(${commitmentThrough(month)}, 0), ${sql.lit(d)})::text as commitments,
               ${lastExpenditure}::text as "lastExpenditure"
        from (select id from w where ${anyHit} order by code limit ${limit}) flagged
        join projects on projects.id = flagged.id
        join project_finance f on f.project_id = flagged.id and f.year = ${year}) x)`.as('rows'),
      sql<{ code: string; problems: string[] }[] | null>`(select json_agg(json_build_object('code', code, 'problems', problems) order by code) from w where not complete)`.as(
        'unconverted',
      ),
    ])
    .executeTakeFirstOrThrow();
  const rows = result.rows ?? [];
  const unconverted = result.unconverted ?? [];
  const byRule: Record<string, number> = {};
  for (const r of rules) {
    const n = Number(result.counts[r.code] ?? 0);
    if (n > 0) byRule[r.code] = n;
  }
  const total = Object.values(byRule).reduce((a, b) => a + b, 0);
  const all = evaluateWarnings(rows, rules, asOf);
  const flags = all.slice(0, limit);
  const ids = [...new Set(flags.map((w) => w.projectId))];
  const [actions, names] = ids.length
    ? await Promise.all([
        db
          .selectFrom('warning_actions')
          .select(['project_id', 'rule_code', 'status', 'comment', 'at', 'actor_label'])
          .distinctOn(['project_id', 'rule_code'])
          .where('project_id', 'in', ids)
          .orderBy('project_id')
          .orderBy('rule_code')
          .orderBy('id', 'desc')
          .execute(),
        db
          .selectFrom('projects')
          .innerJoin('offices', 'offices.id', 'projects.office_id')
          .select(['projects.id', 'projects.title', 'offices.name as office'])
          .where('projects.id', 'in', ids)
          .execute(),
      ])
    : [[], []];
  const byProject = new Map(names.map((r) => [r.id, r]));
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
  return { asOf, currency: to, total, byRule, warnings, unconverted };
}
