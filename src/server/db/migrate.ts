import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files of `migrations/`, in order. Forward-only: a file once applied is never edited. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(join(dir, f), 'utf8') }));
}

const label = (m: { version: number; name: string }) => `${String(m.version).padStart(4, '0')}_${m.name}`;

/**
 * Why the database's record of applied migrations does not fit this code, or null when it does: the applied
 * ones must be the code's first N, by number and name. A migration the code does not know means a newer
 * devcoop (or someone else) changed the database; a gap means the record was edited by hand. Either way
 * applying more would act on a schema nobody can name, so the server refuses to start.
 */
export function migrationMismatch(applied: { version: number; name: string }[], code: Migration[] = listMigrations()): string | null {
  const known = new Map(code.map((m) => [m.version, m]));
  const unknown = applied.filter((a) => known.get(a.version)?.name !== a.name).sort((a, b) => a.version - b.version);
  if (unknown.length) {
    return `The database has applied migration${unknown.length > 1 ? 's' : ''} ${unknown.map(label).join(', ')}, which this version of devcoop does not have (the database was migrated by a newer or another version). Run the version that migrated it, or restore a backup made for this one.`;
  }
  const have = new Set(applied.map((a) => a.version));
  const last = Math.max(0, ...have);
  const missing = code.filter((m) => m.version < last && !have.has(m.version));
  if (missing.length) {
    return `The database records later migrations as applied but not ${missing.map(label).join(', ')}: its schema_migrations table was changed by hand. Put the missing row${missing.length > 1 ? 's' : ''} back if the change is in the schema, or restore a backup.`;
  }
  return null;
}

/**
 * A migration refused for want of rights (SQLSTATE 42501) names the way out: on a PostgreSQL server the
 * server's own role owns nothing, and migrations run as the owner role (DATABASE_MIGRATION_URL).
 */
function ownerNeeded(err: unknown, what: string): unknown {
  if ((err as { code?: string } | null)?.code !== '42501') return err;
  return new Error(
    `${what} needs the role that owns the database's tables (${(err as Error).message}): set DATABASE_MIGRATION_URL to that role's connection, or run devcoop migrate with it (README, "On a PostgreSQL server").`,
    { cause: err },
  );
}

/** Applies every migration not yet applied, each in its own transaction; returns the names applied. Refuses a database whose record does not fit the code. */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  // Looked up first: the server's own role may read the record but not create tables, even "if not exists".
  const { rows } = await sql<{ present: boolean }>`select to_regclass('schema_migrations') is not null as present`.execute(db);
  if (!rows[0]?.present) {
    await sql`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`
      .execute(db)
      .catch((err) => {
        throw ownerNeeded(err, 'Creating the schema');
      });
  }
  const problem = migrationMismatch(await db.selectFrom('schema_migrations').select(['version', 'name']).execute());
  if (problem) throw new Error(problem);
  const applied: string[] = [];
  for (const m of listMigrations()) {
    const done = await db
      .transaction()
      .execute(async (trx) => {
        // Two servers starting at once on PostgreSQL: the second waits, then sees the migration applied.
        await sql`select pg_advisory_xact_lock(4242)`.execute(trx);
        const row = await trx.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst();
        if (row) return false;
        await sql.raw(m.sql).execute(trx);
        await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name }).execute();
        return true;
      })
      .catch((err) => {
        throw ownerNeeded(err, `Migration ${label(m)}`);
      });
    if (done) applied.push(label(m));
  }
  return applied;
}

/** Migrations in the code that the database has not applied (empty when up to date). */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('schema_migrations')
    .select('version')
    .execute()
    .catch(() => []);
  const have = new Set(rows.map((r) => r.version));
  return listMigrations()
    .filter((m) => !have.has(m.version))
    .map(label);
}
