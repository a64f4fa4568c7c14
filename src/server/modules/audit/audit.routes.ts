import { createRoute, z } from '@hono/zod-openapi';
import { AuditEntry, AuditPage } from '../../../shared/contracts/audit.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { errors, json, named, router } from '../../http/openapi.ts';
import { findAuditEntries } from './audit.service.ts';

const AuditPageSchema = AuditPage.extend({ items: z.array(named(AuditEntry, 'AuditEntry')) }).openapi('AuditPage');

const Query = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(50).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function auditRoutes({ db }: Deps) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Audit'],
      summary: 'The audit trail, newest first; `total` entries match the filter; page with `before` = the `next` of the previous page',
      request: { query: Query },
      responses: { 200: json(AuditPageSchema), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN') },
    }),
    async (c) => c.json(await findAuditEntries(db, c.req.valid('query'), actorOf(c)), 200),
  );
}
