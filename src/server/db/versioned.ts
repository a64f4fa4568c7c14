import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { AppError, notFound } from '../errors.ts';
import { writeAudit } from './audit-log.ts';
import type { DB } from './schema.ts';
import { inTransaction } from './transaction.ts';

type Row = { version: number } & Record<string, unknown>;

export interface VersionedChange<R extends Row> {
  table: keyof DB;
  /** The key column (default 'id'). */
  key?: string;
  id: string;
  /** The version the client read. */
  version: number;
  /** Audit entity type and the noun for messages ("office", "DWCP", …). */
  entityType: string;
  label: string;
  /**
   * @deprecated What the client tried to write. No longer recorded: a stale attempt changes nothing, so it is not
   * in the audit trail (it is logged with the 409). Accepted so that callers need not change.
   */
  attempted?: unknown;
  /** Throws (NOT_FOUND, FORBIDDEN) when the actor may not change this row. */
  authorize: (trx: Transaction<DB>, current: R) => Promise<void>;
  present: (row: R) => unknown;
  /** What else the change may touch (a project's links, an agreement's amounts), read inside the transaction so the audit row shows it before and after. */
  related?: (trx: Transaction<DB>, id: string) => Promise<Record<string, unknown>>;
}

export const conflictError = (label: string, current: Row, present: (r: never) => unknown) =>
  new AppError('CONFLICT', `This ${label} was changed by someone else since you read it; reload it and apply your change again`, {
    currentVersion: current.version,
    current: present(current as never),
  });

/**
 * Optimistic concurrency, the one way for every versioned record: lock the row, check the actor may
 * change it, compare versions (a stale attempt is answered 409 and changes nothing, so it writes no audit
 * row: the trail is a record of changes; the error handler logs it), apply, audit before and after.
 * `apply` returns the new row, or null for a deletion.
 */
export async function changeVersioned<R extends Row>(
  db: Kysely<DB>,
  actor: Actor,
  c: VersionedChange<R>,
  /** The audit action: 'update', 'delete', or a named change ('set_role'). */
  action: string,
  apply: (trx: Transaction<DB>, current: R) => Promise<R | null>,
): Promise<R | null> {
  const result = await inTransaction(db, async (trx) => {
    const current = (await (trx as any)
      .selectFrom(c.table)
      .selectAll()
      .where(c.key ?? 'id', '=', c.id)
      .forUpdate()
      .executeTakeFirst()) as R | undefined;
    if (!current) throw notFound(c.label, c.id);
    await c.authorize(trx, current);
    if (current.version !== c.version) return { stale: true as const, row: current };
    const snapshot = async (row: R) => ({ ...(c.present(row) as object), ...(await c.related?.(trx, c.id)) });
    const before = await snapshot(current);
    const next = await apply(trx, current);
    await writeAudit(trx, actor, { action, entityType: c.entityType, entityId: c.id, before, after: next ? await snapshot(next) : undefined });
    return { stale: false as const, row: next };
  });
  if (result.stale) throw conflictError(c.label, result.row, c.present as (r: never) => unknown);
  return result.row;
}

/** The columns every versioned update sets besides the change itself. */
export const bump = (current: Row) => ({ version: current.version + 1, updated_at: new Date().toISOString() });
