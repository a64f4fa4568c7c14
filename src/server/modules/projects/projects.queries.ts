import { type Kysely, sql, type Transaction } from 'kysely';
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
  q?: string;
  limit: number;
  offset: number;
}

/** A page of the projects within a scope, with filters and their office's name; `total` counts all that match. */
export async function selectProjects(db: Kysely<DB>, scope: Scope, f: ProjectListFilter) {
  let q = scopedProjects(db, scope);
  if (f.status) q = q.where('projects.status', '=', f.status);
  if (f.country) q = q.where('projects.country_code', '=', f.country);
  if (f.q) q = q.where((eb) => eb.or([eb('projects.title', 'ilike', `%${f.q}%`), eb('projects.code', 'ilike', `%${f.q}%`)]));
  const [rows, count] = await Promise.all([
    q.selectAll('projects').select('offices.name as office_name').orderBy('projects.code').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
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
