import { type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { DELIVERY_STATUSES } from '../../shared/project-statuses.ts';
import type { Right } from '../../shared/rights.ts';
import type { Actor } from '../access/actor.ts';
import { scopeFor } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import type { ProjectFinanceTable } from '../db/tables/finance.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';

/** The filters every portfolio, delivery and alignment view takes (all optional, all in the URL). */
export interface PortfolioFilter {
  /** an office and the offices below it */
  office?: string;
  /** a regional office (see the office_regions view), or 'none' for headquarters and global */
  region?: string;
  country?: string;
  fundingSource?: string;
  /** a funding partner */
  partner?: string;
  /** one project (its own page) */
  project?: string;
}

/**
 * Projects in the actor's scope with their facts for a year (null: every year, a project's page), narrowed by the filter. Projects in the
 * pipeline are not delivering and are left out unless `statuses` says otherwise. The facts are money, so the
 * scope is that of `finance.read` (403 for a role without it), or of `warnings.read` for the watch list.
 */
export function scopedFacts(
  db: Kysely<DB>,
  actor: Actor,
  year: number | null,
  filter: PortfolioFilter,
  statuses: readonly string[] = DELIVERY_STATUSES,
  right: Extract<Right, 'finance.read' | 'warnings.read'> = 'finance.read',
) {
  let q = scopedProjects(db, scopeFor(actor, right)).innerJoin('project_finance as f', 'f.project_id', 'projects.id');
  if (year !== null) q = q.where('f.year', '=', year);
  q = q.where('projects.status', 'in', [...statuses]);
  if (filter.project) q = q.where('projects.id', '=', filter.project);
  if (filter.office) {
    const office = filter.office;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('offices as fo').select(sql`1`.as('one')).where('fo.id', '=', office).whereRef('offices.path', 'like', sql`fo.path || '%'`)),
    );
  }
  // The region through a subquery: only the views that show regions join office_regions (withRegion).
  if (filter.region) {
    const region = filter.region;
    q = q.where('projects.office_id', 'in', (eb) =>
      eb
        .selectFrom('office_regions as fr')
        .select('fr.office_id')
        .where('fr.region_id', region === 'none' ? 'is' : '=', region === 'none' ? null : region),
    );
  }
  if (filter.country) q = q.where('projects.country_code', '=', filter.country);
  if (filter.fundingSource) q = q.where('projects.funding_source', '=', filter.fundingSource);
  if (filter.partner) {
    const partner = filter.partner;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('project_partners as fp')
          .select(sql`1`.as('one'))
          .whereRef('fp.project_id', '=', 'projects.id')
          .where('fp.partner_id', '=', partner)
          .where('fp.role', '=', 'funding'),
      ),
    );
  }
  return q;
}

type FactsQuery<O> = SelectQueryBuilder<DB & { f: ProjectFinanceTable }, 'projects' | 'offices' | 'f', O>;

/** Adds the project's region (`r.region_id`, `r.region`) to a scoped-facts query, for the views that show it. */
export function withRegion<O>(q: FactsQuery<O>) {
  return q.innerJoin('office_regions as r', 'r.office_id', 'projects.office_id');
}

/**
 * The region joined only when `join` says (a grouping by region): joining it costs every other view a
 * fifth of its time. Typed as joined, so the views of one function share a type; only the region view
 * may use `r`.
 */
export function withRegionIf<O>(join: boolean, q: FactsQuery<O>) {
  return (join ? withRegion(q) : q) as ReturnType<typeof withRegion<O>>;
}

/** Expenditure of the first `through` months of the year (12: the whole year), as numeric. */
export const expenditureThrough = (through: number): RawBuilder<string> => (through >= 12 ? sql<string>`f.expenditure` : sql<string>`f.expenditure_to_month[${sql.lit(through)}]`);

export const commitmentThrough = (through: number): RawBuilder<string> => (through >= 12 ? sql<string>`f.commitment` : sql<string>`f.commitment_to_month[${sql.lit(through)}]`);

/** A project's facts are complete when every amount could be converted. */
export const complete = sql<boolean>`f.problems = '[]'::jsonb`;

/** Rounds a numeric SQL expression to the reporting currency's decimals and returns it as text. */
export const money = (e: Expression<unknown> | RawBuilder<unknown>, decimals: number) => sql<string>`round(coalesce(${e}, 0), ${sql.lit(decimals)})::text`;

/**
 * The one definition of a rate such as delivery (expenditure ÷ allocation), as numeric: exact, null without a
 * denominator (null or 0). For ordering by it; `rate` is the figure shown.
 */
export const ratio = (num: Expression<unknown> | RawBuilder<unknown>, den: Expression<unknown> | RawBuilder<unknown>) => sql<string | null>`(${num}) / nullif(${den}, 0)`;

/** `ratio` to 4 decimals (half away from zero, in numeric), as text: every delivery rate devcoop shows or reports. */
export const rate = (num: Expression<unknown> | RawBuilder<unknown>, den: Expression<unknown> | RawBuilder<unknown>) => sql<string | null>`round(${ratio(num, den)}, 4)::text`;
