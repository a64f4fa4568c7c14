import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { errors, json, router } from '../../http/openapi.ts';
import { findAuditEntries } from './audit.service.ts';

const Entry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    via: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

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
      summary: 'The audit trail, newest first; page with `before` = the `next` of the previous page',
      request: { query: Query },
      responses: {
        200: json(z.object({ items: z.array(Entry), next: z.number().int().nullable() }).openapi('AuditPage')),
        ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN'),
      },
    }),
    async (c) => {
      const page = await findAuditEntries(db, c.req.valid('query'), actorOf(c));
      return c.json(
        {
          items: page.items.map((e) => ({
            id: e.id,
            at: e.at,
            actorId: e.actor_id,
            actorLabel: e.actor_label,
            via: e.via,
            action: e.action,
            entityType: e.entity_type,
            entityId: e.entity_id,
            before: e.before,
            after: e.after,
            requestId: e.request_id,
          })),
          next: page.next,
        },
        200,
      );
    },
  );
}
