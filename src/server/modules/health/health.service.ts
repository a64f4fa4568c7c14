import { sql } from 'kysely';
import type { Health } from '../../../shared/contracts/health.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import type { Deps } from '../../deps.ts';

/** The service's health: `ok` when the database answers and no migration is pending, else `degraded`. No sign-in. */
export async function checkHealth({ db, dbKind, config }: Deps): Promise<Health> {
  const reachable = await sql`select 1`
    .execute(db)
    .then(() => true)
    .catch(() => false);
  const pending = reachable ? await pendingMigrations(db) : [];
  const ok = reachable && pending.length === 0;
  return { status: ok ? 'ok' : 'degraded', version: config.version, database: { kind: dbKind, reachable, pendingMigrations: pending } };
}
