import { z } from 'zod';
import { listOf } from './list.ts';

/**
 * One entry of the audit trail. `before` and `after` are the record as it was presented when it changed: their
 * content is the changed record's own (an office, a project with its links, …), so it truly varies.
 */
export const AuditEntry = z.object({
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
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A page of the trail, newest first: `total` entries match the filter; `next` is the `before` of the next page, null on the last. */
export const AuditPage = listOf(AuditEntry).extend({ next: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
