/**
 * Runs the test suites with node:test. Node 20 neither expands globs nor finds .ts files, so this lists
 * them itself (every *.test.ts under src/, or those whose path contains one of the arguments), builds one migrated
 * database template for the whole run, and hands it to the test files through the environment.
 *
 *   tsx test/run-tests.ts                  all API/database/unit suites, on PGlite (or DATABASE_URL: a server
 *                                          role that may create roles and databases; the suites run as a
 *                                          role owning nothing, see helpers/pg-roles.ts)
 *   tsx test/run-tests.ts --browser        the browser suites (test/browser/)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/connect.ts';
import { listMigrations, migrate } from '../src/server/db/migrate.ts';
import { grantAppRole } from '../src/server/db/roles.ts';
import { loadReferenceData, REFERENCE_DIR } from '../src/server/standards/load-reference.ts';
import { ensureTestRoles, TEST_APP_ROLE, TEST_OWNER_ROLE, urlAs } from './helpers/pg-roles.ts';

const root = join(import.meta.dirname, '..');
const browser = process.argv.includes('--browser');

function findTests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out.sort();
}

function templateKey(): string {
  const h = createHash('sha256');
  for (const m of listMigrations()) h.update(m.sql);
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(f).update(readFileSync(p));
    }
  };
  walk(REFERENCE_DIR);
  walk(join(root, 'src', 'server', 'standards')); // the loader's code shapes the template too
  return h.digest('hex').slice(0, 16);
}

async function pgliteTemplate(): Promise<string> {
  const dir = join(root, '.cache', `test-template-${templateKey()}`);
  if (existsSync(join(dir, 'pgdata', 'PG_VERSION'))) return join(dir, 'pgdata');
  const building = `${dir}.building-${process.pid}`;
  const database = await openDatabase({ dataDir: building, unlocked: true });
  await migrate(database.db);
  await loadReferenceData(database.db);
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(root, '.cache'), { recursive: true });
  renameSync(building, dir);
  return join(dir, 'pgdata');
}

/**
 * The template on a server, built as a deployment starts: with two roles, the owner role owns the database,
 * migrates it and loads the reference data, then gives the app role (which runs the suites) its rights.
 */
async function pgTemplate(adminUrl: string, twoRoles: boolean): Promise<string> {
  const name = `devcoop_tpl_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"${twoRoles ? ` owner "${TEST_OWNER_ROLE}"` : ''}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: urlAs(adminUrl, twoRoles ? TEST_OWNER_ROLE : undefined, name), dataDir: '' });
  try {
    await migrate(database.db);
    await loadReferenceData(database.db);
    if (twoRoles) await grantAppRole(database.db, TEST_APP_ROLE);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === '28000' || code === '28P01') {
      throw new Error(
        `${(err as Error).message}: the test roles log in without a password (trust, as on CI's server); allow them in pg_hba.conf, or set DEVCOOP_TEST_PG_ROLES=one`,
      );
    }
    throw err;
  } finally {
    await database.close();
  }
  return name;
}

async function dropDatabases(serverUrl: string, template: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const prefix = template.replace('_tpl_', '_t_');
  const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname = $1 or datname like $2', [template, `${prefix}%`]);
  for (const r of rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
  await admin.end();
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = (browser ? findTests(join(root, 'test', 'browser')) : findTests(join(root, 'src'))).filter((f) => !only.length || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('No test files found: that is a failure, not a pass.');
  process.exit(1);
}
// On a server, DATABASE_URL is the run's administrator: it creates the roles and the databases. The suites get
// DATABASE_URL as the app role (the server's role, owning nothing) and DEVCOOP_TEST_PG_OWNER_URL for the owner.
const serverUrl = process.env.DATABASE_URL;
const roles = process.env.DEVCOOP_TEST_PG_ROLES || 'two';
if (roles !== 'one' && roles !== 'two') {
  console.error(`DEVCOOP_TEST_PG_ROLES is "two" (the default: migrate as an owner role, test as a role owning nothing) or "one", not "${roles}".`);
  process.exit(1);
}
const twoRoles = Boolean(serverUrl) && roles === 'two';
const env: NodeJS.ProcessEnv = { ...process.env };
delete env.DEVCOOP_TEST_PG_OWNER_URL;
let pgTemplateName: string | undefined;
if (serverUrl) {
  if (twoRoles) await ensureTestRoles(serverUrl);
  env.DEVCOOP_TEST_PG_TEMPLATE = pgTemplateName = await pgTemplate(serverUrl, twoRoles);
  env.DEVCOOP_TEST_PG_ADMIN_URL = serverUrl;
  if (twoRoles) {
    env.DATABASE_URL = urlAs(serverUrl, TEST_APP_ROLE);
    env.DEVCOOP_TEST_PG_OWNER_URL = urlAs(serverUrl, TEST_OWNER_ROLE);
  }
} else env.DEVCOOP_TEST_PGLITE_TEMPLATE = await pgliteTemplate();
const on = serverUrl
  ? `PostgreSQL (${new URL(serverUrl).host}, ${twoRoles ? `as ${TEST_APP_ROLE}, migrated by ${TEST_OWNER_ROLE}` : `as ${new URL(serverUrl).username || 'one role'}: DEVCOOP_TEST_PG_ROLES=one`})`
  : 'PGlite';
console.log(`Running ${files.length} test files on ${on}`);

// Spec output for people; TAP into a file, whose closing counts are repeated last for CI to read.
mkdirSync(join(root, 'artifacts'), { recursive: true });
const tapFile = join(root, 'artifacts', `tests-${browser ? 'browser' : serverUrl ? 'postgres' : 'pglite'}.tap`);
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${browser ? 1 : 2}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { cwd: root, env, stdio: 'inherit' },
);
if (serverUrl && pgTemplateName) await dropDatabases(serverUrl, pgTemplateName);
const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const count = (what: string) => Number(tap.match(new RegExp(`^# ${what} (\\d+)$`, 'm'))?.[1] ?? 0);
// A cancelled test (its file crashed or timed out) did not pass: it counts as failed.
console.log(`# tests ${count('tests')}\n# pass ${count('pass')}\n# fail ${count('fail') + count('cancelled')}`);
process.exit(result.status ?? 1);
