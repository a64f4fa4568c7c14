import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/server/db/connect.ts';

/**
 * A fresh, migrated database with reference data for one test file, cloned from the template that
 * test/run-tests.ts built once per run: a copied PGlite folder, or (with DATABASE_URL) a PostgreSQL
 * database created from a template database. On PostgreSQL the test connects as the role the server runs
 * as (DATABASE_URL, which run-tests.ts set to the app role: it owns nothing), or with `as: 'owner'` as the
 * role that owns the tables, for a test that changes the schema itself. `close()` removes it.
 */
export async function openTestDatabase(opts: { as?: 'app' | 'owner' } = {}): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const template = process.env.DEVCOOP_TEST_PG_TEMPLATE;
    if (!template) throw new Error('DATABASE_URL is set but no template: run the tests through test/run-tests.ts');
    const name = `${template.replace('_tpl_', '_t_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    // Databases are created and dropped by the run's own (administrator) connection; they belong to the owner role.
    const adminUrl = process.env.DEVCOOP_TEST_PG_ADMIN_URL ?? serverUrl;
    const ownerUrl = process.env.DEVCOOP_TEST_PG_OWNER_URL;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}" template "${template}"${ownerUrl ? ` owner "${new URL(ownerUrl).username}"` : ''}`);
    await admin.end();
    const url = new URL(opts.as === 'owner' && ownerUrl ? ownerUrl : serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', onConnectionError: () => {} });
    return {
      ...database,
      close: async () => {
        await database.close();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      },
    };
  }
  const template = process.env.DEVCOOP_TEST_PGLITE_TEMPLATE;
  if (!template) throw new Error('No PGlite template: run the tests through test/run-tests.ts');
  const dir = mkdtempSync(join(tmpdir(), 'devcoop-test-'));
  cpSync(template, join(dir, 'pgdata'), { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  return {
    ...database,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
