import type { AuditEntry } from '../../../shared/contracts/audit.ts';
import type { AuditEntry as AuditRow } from '../../db/schema.ts';

/** The API's shape of an audit entry. */
export function presentAuditEntry(e: AuditRow): AuditEntry {
  return {
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
  };
}
