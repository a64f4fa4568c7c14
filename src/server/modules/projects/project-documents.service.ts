import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { scopeFor } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned, type VersionedChange } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCode } from '../reference/reference.check.ts';
import { presentDocument, presentDocumentFields } from './project-documents.presenter.ts';
import { selectDocuments, withCategory } from './project-documents.queries.ts';
import { scopedProjects } from './projects.queries.ts';

export interface DocumentInput {
  title: string;
  url: string;
  format: string;
  category: string;
  language?: string;
  documentDate?: string | null;
  confidential?: boolean;
}

/** The project, if the actor may see it (`projects.read`) or change it (`projects.write`); else 404. */
async function projectInScope(db: Kysely<DB> | Transaction<DB>, projectId: string, actor: Actor, right: 'projects.read' | 'projects.write') {
  const found = await scopedProjects(db as Kysely<DB>, scopeFor(actor, right))
    .select('projects.id')
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
  if (!found) throw notFound('Project', projectId);
}

/** The codes must be in the IATI DocumentCategory and FileFormat codelists. */
async function checkCodes(db: Kysely<DB> | Transaction<DB>, input: Partial<DocumentInput>) {
  if (input.category !== undefined) await assertCode(db, 'DocumentCategory', input.category, 'category');
  if (input.format !== undefined) await assertCode(db, 'FileFormat', input.format, 'format');
}

/** One document as the API answers it (after a change). */
const readDocument = async (db: Kysely<DB> | Transaction<DB>, id: string) => presentDocument(await withCategory(db).where('d.id', '=', id).executeTakeFirstOrThrow());

/**
 * A project's documents, newest first, to whoever may read the project; confidential ones only to those whose
 * `documents.confidential` reaches it (staff of its offices), so a donor or constituent viewer gets the published ones.
 */
export async function listDocuments(db: Kysely<DB>, projectId: string, actor: Actor) {
  await projectInScope(db, projectId, actor, 'projects.read');
  const rows = await selectDocuments(db, actor, projectId);
  return { items: rows.map(presentDocument), total: rows.length };
}

/** Adds a document to a project (by its web address). */
export async function createDocument(db: Kysely<DB>, projectId: string, input: DocumentInput, actor: Actor) {
  return inTransaction(db, async (trx) => {
    await projectInScope(trx, projectId, actor, 'projects.write');
    await checkCodes(trx, input);
    const same = await trx.selectFrom('project_documents').select('id').where('project_id', '=', projectId).where('url', '=', input.url).executeTakeFirst();
    if (same) throw new AppError('CONFLICT', 'This project already lists a document at that address; change that one', { field: 'url', id: same.id });
    const row = await trx
      .insertInto('project_documents')
      .values({
        project_id: projectId,
        title: input.title,
        url: input.url,
        format: input.format,
        category: input.category,
        language: input.language ?? 'en',
        document_date: input.documentDate ?? null,
        confidential: input.confidential ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'project_document', entityId: row.id, after: presentDocumentFields(row) });
    return readDocument(trx, row.id);
  });
}

const documentChange = (actor: Actor, id: string, version: number, input: Partial<DocumentInput> = {}): VersionedChange<'project_documents'> => ({
  table: 'project_documents',
  id,
  version,
  entityType: 'project_document',
  label: 'document',
  present: presentDocumentFields,
  authorize: async (trx, current) => {
    await projectInScope(trx, current.project_id, actor, 'projects.write');
    await checkCodes(trx, input);
  },
});

/** Changes a document (optimistic concurrency: a stale version is answered 409). */
export async function updateDocument(db: Kysely<DB>, id: string, input: Partial<DocumentInput> & { version: number }, actor: Actor) {
  const row = await changeVersioned(db, actor, documentChange(actor, id, input.version, input), 'update', async (trx, current) => {
    return updateVersioned(trx, 'project_documents', current, {
      title: input.title,
      url: input.url,
      format: input.format,
      category: input.category,
      language: input.language,
      document_date: input.documentDate,
      confidential: input.confidential,
    });
  });
  return readDocument(db, row.id);
}

/** Removes a document from a project (at the version the client read). */
export async function deleteDocument(db: Kysely<DB>, id: string, version: number, actor: Actor) {
  await changeVersioned(db, actor, documentChange(actor, id, version), 'delete', async (trx) => {
    await trx.deleteFrom('project_documents').where('id', '=', id).execute();
    return null;
  });
}
