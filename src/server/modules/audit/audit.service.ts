import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireRight } from '../../access/rights.ts';
import type { AuditEntry, DB } from '../../db/schema.ts';

// The writer lives with the database layer (db/versioned.ts writes through it too); services keep importing it from here.

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Keyset pagination: entries older than this id. */
  before?: number;
  limit: number;
}

/** A page of the audit trail, newest first. */
export async function findAuditEntries(db: Kysely<DB>, filter: AuditFilter, actor: Actor): Promise<{ items: AuditEntry[]; next: number | null }> {
  requireRight(actor, 'audit.read');
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.before) q = q.where('id', '<', filter.before);
  const rows = await q.execute();
  const more = rows.length > filter.limit;
  const items = more ? rows.slice(0, filter.limit) : rows;
  return { items, next: more ? (items.at(-1)?.id ?? null) : null };
}
