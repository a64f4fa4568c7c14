import type { Selectable } from 'kysely';
import type { ProjectDocument } from '../../../shared/contracts/portfolio.ts';
import type { DB } from '../../db/schema.ts';

type DocumentRow = Selectable<DB['project_documents']>;

/** A document's own fields (what its audit rows record): explicit, camelCase. */
export function presentDocumentFields(d: DocumentRow): Omit<ProjectDocument, 'categoryName' | 'categoryNameFr' | 'categoryNameEs'> {
  return {
    id: d.id,
    projectId: d.project_id,
    title: d.title,
    url: d.url,
    format: d.format,
    category: d.category,
    language: d.language,
    documentDate: d.document_date,
    confidential: d.confidential,
    isSynthetic: d.is_synthetic,
    version: d.version,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

/** The API's shape of a project document: its fields and its category's names. */
export function presentDocument(d: DocumentRow & { category_name: string | null; category_name_fr: string | null; category_name_es: string | null }): ProjectDocument {
  return { ...presentDocumentFields(d), categoryName: d.category_name, categoryNameFr: d.category_name_fr, categoryNameEs: d.category_name_es };
}
