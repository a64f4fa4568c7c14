import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { AppError, notFound } from '../errors.ts';
import { writeAudit } from './audit-log.ts';
import type { DB } from './schema.ts';
import { inTransaction } from './transaction.ts';

/** The tables whose rows carry an integer version (optimistic concurrency). */
export type VersionedTable = { [T in keyof DB]: Selectable<DB[T]> extends { version: number; updated_at: string } ? T : never }[keyof DB];
/** A row of such a table as read. */
export type RowOf<T extends VersionedTable> = Selectable<DB[T]> & { version: number };

export interface VersionedChange<T extends VersionedTable> {
  table: T;
  /** The key column (default 'id'). */
  key?: string;
  id: string;
  /** The version the client read. */
  version: number;
  /** Audit entity type and the noun for messages ("office", "DWCP", …). */
  entityType: string;
  label: string;
  /** Throws (NOT_FOUND, FORBIDDEN) when the actor may not change this row. */
  authorize: (trx: Transaction<DB>, current: RowOf<T>) => Promise<void>;
  present: (row: RowOf<T>) => unknown;
  /** What else the change may touch (a project's links, an agreement's amounts), read inside the transaction so the audit row shows it before and after. */
  related?: (trx: Transaction<DB>, id: string) => Promise<Record<string, unknown>>;
}

export const conflictError = <R extends { version: number }>(label: string, current: R, present: (r: R) => unknown, last?: { by: string; at: string }) =>
  new AppError('CONFLICT', `This ${label} was changed by someone else since you read it; reload it and apply your change again`, {
    currentVersion: current.version,
    current: present(current),
    ...(last ? { changedBy: last.by, changedAt: last.at } : {}),
  });

/**
 * Kysely cannot follow a table name that is a type parameter, so the two statements below that take one go through
 * this untyped view; their callers' types (RowOf<T>, Updateable<DB[T]>) are what keep them honest.
 */
const untyped = (trx: Transaction<DB>) => trx as unknown as Kysely<any>;

/**
 * Optimistic concurrency, the one way for every versioned record: lock the row, check the actor may
 * change it, compare versions (a stale attempt is answered 409 and changes nothing, so it writes no audit
 * row: the trail is a record of changes; the error handler logs it), apply, audit before and after.
 * `apply` returns the new row (`updateVersioned`), or null for a deletion.
 */
export async function changeVersioned<T extends VersionedTable, N extends RowOf<T> | null>(
  db: Kysely<DB>,
  actor: Actor,
  c: VersionedChange<T>,
  /** The audit action: 'update', 'delete', or a named change ('set_role'). */
  action: string,
  apply: (trx: Transaction<DB>, current: RowOf<T>) => Promise<N>,
): Promise<N> {
  const result = await inTransaction(db, async (trx) => {
    const current = (await untyped(trx)
      .selectFrom(c.table as string)
      .selectAll()
      .where(c.key ?? 'id', '=', c.id)
      .forUpdate()
      .executeTakeFirst()) as RowOf<T> | undefined;
    if (!current) throw notFound(c.label, c.id);
    await c.authorize(trx, current);
    if (current.version !== c.version) {
      // Who changed it last, and when, for the screen's "changed by X at T — reload".
      const last = await trx
        .selectFrom('audit_log')
        .select(['actor_label as by', 'at'])
        .where('entity_type', '=', c.entityType)
        .where('entity_id', '=', c.id)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return { stale: true as const, row: current, last };
    }
    const snapshot = async (row: RowOf<T>) => ({ ...(c.present(row) as object), ...(await c.related?.(trx, c.id)) });
    const before = await snapshot(current);
    const next = await apply(trx, current);
    await writeAudit(trx, actor, { action, entityType: c.entityType, entityId: c.id, before, after: next ? await snapshot(next) : undefined });
    return { stale: false as const, row: next };
  });
  if (result.stale) throw conflictError(c.label, result.row, c.present, result.last);
  return result.row;
}

/**
 * The one way a versioned row is changed inside `changeVersioned`'s apply: the columns named (a column given
 * as undefined is left alone, so `{ name: input.name }` writes only a name that was sent), version + 1,
 * updated_at now; the new row returned.
 */
export async function updateVersioned<T extends VersionedTable>(trx: Transaction<DB>, table: T, current: RowOf<T>, set: Updateable<DB[T]>, key = 'id'): Promise<RowOf<T>> {
  const values: Record<string, unknown> = { ...set, version: current.version + 1, updated_at: new Date().toISOString() };
  return (await untyped(trx)
    .updateTable(table as string)
    .set(values)
    .where(key, '=', (current as Record<string, unknown>)[key])
    .returningAll()
    .executeTakeFirstOrThrow()) as RowOf<T>;
}
