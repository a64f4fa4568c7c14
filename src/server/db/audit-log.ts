import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from './schema.ts';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one append-only audit row, inside the caller's transaction so the row and the change stand or fall together. */
export async function writeAudit(db: Kysely<DB>, actor: Actor, rec: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor.userId,
      actor_label: actor.label,
      via: actor.via,
      action: rec.action,
      entity_type: rec.entityType,
      entity_id: rec.entityId,
      before: rec.before === undefined ? null : JSON.stringify(rec.before),
      after: rec.after === undefined ? null : JSON.stringify(rec.after),
      request_id: actor.requestId ?? null,
    })
    .execute();
}
