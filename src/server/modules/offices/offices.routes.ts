import { createRoute, z } from '@hono/zod-openapi';
import { Office, OfficeCreate, OfficeUpdate } from '../../../shared/contracts/offices.ts';
import { OFFICE_TYPES } from '../../../shared/office-types.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { errors, json, jsonBody, named, router } from '../../http/openapi.ts';
import { createOffice, deleteOffice, findOffices, getOffice, updateOffice } from './offices.service.ts';

const OfficeSchema = named(Office, 'Office');
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const ListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  officeType: z.enum(OFFICE_TYPES).optional(),
  parentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
const OfficePage = z.object({ items: z.array(OfficeSchema), total: z.number().int() }).openapi('OfficePage');
const tags = ['Offices'];

/** Thin adapters: validate → call one service function → JSON. Rights are checked by the services. */
export function officeRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Offices within your scope, in tree order',
        request: { query: ListQuery },
        responses: { 200: json(OfficePage), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN') },
      }),
      async (c) => c.json(await findOffices(db, c.req.valid('query'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create an office under a parent within your scope',
        request: { body: jsonBody(named(OfficeCreate, 'OfficeCreate')) },
        responses: { 201: json(OfficeSchema, 'Created'), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT') },
      }),
      async (c) => c.json(await createOffice(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'One office',
        request: { params: IdParam },
        responses: { 200: json(OfficeSchema), ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') },
      }),
      async (c) => c.json(await getOffice(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Change an office; send the version you read (a stale version gets 409)',
        request: { params: IdParam, body: jsonBody(named(OfficeUpdate, 'OfficeUpdate')) },
        responses: { 200: json(OfficeSchema), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT') },
      }),
      async (c) => c.json(await updateOffice(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags,
        summary: 'Delete an office with nothing attached; send the version you read',
        request: { params: IdParam, query: z.strictObject({ version: z.coerce.number().int().positive() }) },
        responses: { 204: { description: 'Deleted' }, ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT') },
      }),
      async (c) => {
        await deleteOffice(db, c.req.valid('param').id, c.req.valid('query').version, actorOf(c));
        return c.body(null, 204);
      },
    );
}
