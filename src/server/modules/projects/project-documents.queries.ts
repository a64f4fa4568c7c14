import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { DB } from '../../db/schema.ts';
import { reachesProject } from './projects.queries.ts';

/** Documents with their DocumentCategory's names. */
export const withCategory = (db: Kysely<DB> | Transaction<DB>) =>
  db
    .selectFrom('project_documents as d')
    .leftJoin('codelist_codes as c', (j) => j.onRef('c.code', '=', 'd.category').on('c.codelist', '=', 'DocumentCategory'))
    .selectAll('d')
    .select(['c.name_en as category_name', 'c.name_fr as category_name_fr', 'c.name_es as category_name_es']);

/**
 * A project's documents, newest first: the confidential ones only when the actor's `documents.confidential`
 * reaches the project (staff of its offices). The caller has checked the actor may read the project.
 */
export async function selectDocuments(db: Kysely<DB>, actor: Actor, projectId: string) {
  const confidential = await reachesProject(db, actor, 'documents.confidential', projectId);
  let query = withCategory(db).where('d.project_id', '=', projectId);
  if (!confidential) query = query.where('d.confidential', '=', false);
  return query
    .orderBy('d.document_date', (o) => o.desc().nullsLast())
    .orderBy('d.title')
    .execute();
}
