import { createRoute } from '@hono/zod-openapi';
import { listOf } from '../../../shared/contracts/list.ts';
import { DocumentCreate, DocumentUpdate, ProjectDocument } from '../../../shared/contracts/portfolio.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { IdParam, readErrors, VersionQuery, writeErrors } from '../../http/route-kit.ts';
import { createDocument, deleteDocument, listDocuments, updateDocument } from './project-documents.service.ts';

const tags = ['Projects'];
const DocumentSchema = named(ProjectDocument, 'ProjectDocument');
const DocumentList = listOf(DocumentSchema).openapi('ProjectDocumentList');

/** A project's documents (published as IATI document-links unless confidential). */
export function projectDocumentRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/documents',
        tags,
        summary: "A project's documents, newest first (confidential ones only to those who may see them)",
        request: { params: IdParam },
        responses: { 200: json(DocumentList), ...readErrors },
      }),
      async (c) => c.json(await listDocuments(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/documents',
        tags,
        summary: 'Add a document to a project by its web address',
        request: { params: IdParam, body: jsonBody(DocumentCreate) },
        responses: { 201: json(DocumentSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await createDocument(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/project-documents/{id}',
        tags,
        summary: 'Change a document; send the version you read (a stale version gets 409)',
        request: { params: IdParam, body: jsonBody(DocumentUpdate) },
        responses: { 200: json(DocumentSchema), ...writeErrors },
      }),
      async (c) => c.json(await updateDocument(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/project-documents/{id}',
        tags,
        summary: 'Remove a document; send the version you read',
        request: { params: IdParam, query: VersionQuery },
        responses: { 204: { description: 'Removed' }, ...writeErrors },
      }),
      async (c) => {
        await deleteDocument(db, c.req.valid('param').id, c.req.valid('query').version, actorOf(c));
        return c.body(null, 204);
      },
    );
}
