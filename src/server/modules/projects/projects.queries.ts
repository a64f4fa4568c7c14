import { type Kysely, sql } from 'kysely';
import type { Scope } from '../../access/rights.ts';
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
