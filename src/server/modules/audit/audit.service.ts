import type { Kysely } from 'kysely';
import type { AuditPage } from '../../../shared/contracts/audit.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { presentAuditEntry } from './audit.presenter.ts';

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

/** A page of the audit trail, newest first, and how many entries match the filter (on every page alike). */
export async function findAuditEntries(db: Kysely<DB>, filter: AuditFilter, actor: Actor): Promise<AuditPage> {
  requireRight(actor, 'audit.read');
  let q = db.selectFrom('audit_log');
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  const page = filter.before ? q.where('id', '<', filter.before) : q;
  const [rows, count] = await Promise.all([
    page
      .selectAll()
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const more = rows.length > filter.limit;
  const items = more ? rows.slice(0, filter.limit) : rows;
  return { items: items.map(presentAuditEntry), total: Number(count.n), next: more ? (items.at(-1)?.id ?? null) : null };
}
