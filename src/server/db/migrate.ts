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

/** Applies every migration not yet applied, each in its own transaction; returns the names applied. */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  await sql`create table if not exists schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(db);
  const applied: string[] = [];
  for (const m of listMigrations()) {
    const done = await db.transaction().execute(async (trx) => {
      // Two servers starting at once on PostgreSQL: the second waits, then sees the migration applied.
      await sql`select pg_advisory_xact_lock(4242)`.execute(trx);
      const row = await trx.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst();
      if (row) return false;
      await sql.raw(m.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name }).execute();
      return true;
    });
    if (done) applied.push(`${String(m.version).padStart(4, '0')}_${m.name}`);
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
    .map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`);
}
