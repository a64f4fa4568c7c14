import { type Kysely, sql, type Transaction } from 'kysely';
import type { PROJECT_MARKERS, PROJECT_SORTS } from '../../../shared/contracts/portfolio.ts';
import type { Right } from '../../../shared/rights.ts';
import type { Actor } from '../../access/actor.ts';
import { holds, type Scope, scopeFor } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';

/** Projects within a scope: an office subtree, a country, or those a partner funds. */
export function scopedProjects(db: Kysely<DB>, scope: Scope) {
  const q = db.selectFrom('projects').innerJoin('offices', 'offices.id', 'projects.office_id');
  switch (scope.kind) {
    case 'all':
      return q;
    case 'subtree':
      return q.where('offices.path', 'like', `${scope.path}%`);
    case 'country':
      return q.where('projects.country_code', '=', scope.code);
    case 'partner':
      return q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('project_partners as pp')
            .select(sql`1`.as('one'))
            .whereRef('pp.project_id', '=', 'projects.id')
            .where('pp.partner_id', '=', scope.id)
            .where('pp.role', '=', 'funding'),
        ),
      );
  }
}

/**
 * Whether a right of the actor's reaches a project: its role holds the right and the project is within that
 * right's reach. For what a reader may see of a project it may read (its money, its confidential documents).
 */
export async function reachesProject(db: Kysely<DB> | Transaction<DB>, actor: Actor, right: Right, projectId: string): Promise<boolean> {
  if (!holds(actor, right)) return false;
  const found = await scopedProjects(db as Kysely<DB>, scopeFor(actor, right))
    .select('projects.id')
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
  return found !== undefined;
}

export interface ProjectListFilter {
  status?: string;
  country?: string;
  /** an office and the offices under it */
  office?: string;
  /** a partner in any role */
  partner?: string;
  fundingSource?: string;
  /** projects for which this policy marker is significant or principal */
  marker?: (typeof PROJECT_MARKERS)[number];
  q?: string;
  sort?: (typeof PROJECT_SORTS)[number];
  dir?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const SORT_COLUMNS = {
  code: 'projects.code',
  title: 'projects.title',
  country: 'projects.country_code',
  office: 'offices.name',
  status: 'projects.status',
  plannedStart: 'projects.planned_start',
  plannedEnd: 'projects.planned_end',
} as const;
const MARKER_COLUMNS = {
  gender: 'projects.marker_gender',
  standards: 'projects.marker_standards',
  socialDialogue: 'projects.marker_social_dialogue',
  environment: 'projects.marker_environment',
} as const;

/** `q` as a LIKE pattern matching itself: its own % and _ are text, not wildcards. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The projects of a scope that match the list's filters (code, titles in the three languages, office subtree, partner, source, marker). */
function filteredProjects(db: Kysely<DB>, scope: Scope, f: ProjectListFilter) {
  let q = scopedProjects(db, scope);
  if (f.status) q = q.where('projects.status', '=', f.status);
  if (f.country) q = q.where('projects.country_code', '=', f.country);
  if (f.fundingSource) q = q.where('projects.funding_source', '=', f.fundingSource);
  if (f.marker) q = q.where(MARKER_COLUMNS[f.marker], '>=', 1);
  if (f.office) {
    const office = f.office;
    q = q.where('offices.path', 'like', (eb) => eb.selectFrom('offices as o').select(sql<string>`o.path || '%'`.as('prefix')).where('o.id', '=', office));
  }
  if (f.partner) {
    const partner = f.partner;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('project_partners as fp').select(sql`1`.as('one')).whereRef('fp.project_id', '=', 'projects.id').where('fp.partner_id', '=', partner)),
    );
  }
  if (f.q) {
    const like = containing(f.q);
    q = q.where((eb) =>
      eb.or([eb('projects.title', 'ilike', like), eb('projects.code', 'ilike', like), eb('projects.title_fr', 'ilike', like), eb('projects.title_es', 'ilike', like)]),
    );
  }
  return q;
}

/** A page of the projects within a scope, with filters and their office's name; `total` counts all that match. */
export async function selectProjects(db: Kysely<DB>, scope: Scope, f: ProjectListFilter) {
  const q = filteredProjects(db, scope, f);
  const sort = f.sort ?? 'code';
  let page = q
    .selectAll('projects')
    .select('offices.name as office_name')
    .orderBy(SORT_COLUMNS[sort], (ob) => (f.dir === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()));
  if (sort !== 'code') page = page.orderBy('projects.code');
  const [rows, count] = await Promise.all([page.limit(f.limit).offset(f.offset).execute(), q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return { rows, total: Number(count.n) };
}

/**
 * One project within a scope, with its office's name, partners, agreements, links, SDG targets, lifecycle
 * history and related activities (each list in one statement); undefined outside the scope.
 */
export async function selectProjectDetail(db: Kysely<DB>, scope: Scope, id: string) {
  const row = await scopedProjects(db, scope).selectAll('projects').select('offices.name as office_name').where('projects.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [partners, agreements, cpoLinks, orgOutcomeLinks, cfOutcomes, sdgTargets, history, relatedActivities] = await Promise.all([
    db
      .selectFrom('project_partners')
      .innerJoin('partners', 'partners.id', 'project_partners.partner_id')
      .select(['partners.id', 'partners.name', 'project_partners.role'])
      .where('project_id', '=', id)
      .execute(),
    db
      .selectFrom('project_agreements')
      .innerJoin('agreements', 'agreements.id', 'project_agreements.agreement_id')
      .select(['agreements.id', 'agreements.code', 'agreements.title'])
      .where('project_id', '=', id)
      .execute(),
    db
      .selectFrom('project_cpo_links')
      .innerJoin('cpos', 'cpos.id', 'project_cpo_links.cpo_id')
      .select(['cpos.id', 'cpos.code', 'cpos.text', 'project_cpo_links.share'])
      .where('project_id', '=', id)
      .execute(),
    db
      .selectFrom('project_org_outcome_links')
      .innerJoin('org_outcomes', 'org_outcomes.id', 'project_org_outcome_links.org_outcome_id')
      .select(['org_outcomes.id', 'org_outcomes.code', 'org_outcomes.title', 'project_org_outcome_links.share'])
      .where('project_id', '=', id)
      .execute(),
    db
      .selectFrom('project_cf_outcome_links')
      .innerJoin('cf_outcomes', 'cf_outcomes.id', 'project_cf_outcome_links.cf_outcome_id')
      .select(['cf_outcomes.id', 'cf_outcomes.code', 'cf_outcomes.text'])
      .where('project_id', '=', id)
      .execute(),
    db.selectFrom('project_sdg_targets').select('target_code').where('project_id', '=', id).orderBy('target_code').execute(),
    db.selectFrom('project_status_history').selectAll().where('project_id', '=', id).orderBy('id').execute(),
    db.selectFrom('project_related_activities').select(['activity_ref', 'relation']).where('project_id', '=', id).orderBy('relation').orderBy('activity_ref').execute(),
  ]);
  return { row, links: { partners, agreements, cpoLinks, orgOutcomeLinks, cfOutcomes, sdgTargets, history, relatedActivities } };
}
