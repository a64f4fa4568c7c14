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
