import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { urlAs } from '../../../test/helpers/pg-roles.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { loadConfig } from '../config.ts';
import { openAndMigrate } from '../main.ts';
import { type Database, openDatabase } from './connect.ts';
import { listMigrations } from './migrate.ts';
import { grantAppRole } from './roles.ts';

/**
 * On a PostgreSQL server the server works as a role that owns nothing (DATABASE_URL) and the owner role
 * migrates (DATABASE_MIGRATION_URL): only an owner can ALTER a table, so the server cannot switch off the
 * audit trail's triggers, and on audit_log it may only read and append. The other suites, run as that role,
 * show it has every right it needs.
 */
const ownerUrl = process.env.DEVCOOP_TEST_PG_OWNER_URL;
const skip = !process.env.DATABASE_URL
  ? 'PGlite is embedded in the process and has a single user: there are no roles to keep apart'
  : !ownerUrl
    ? 'this PostgreSQL run uses one role (DEVCOOP_TEST_PG_ROLES=one)'
    : false;

let app: Database;
let owner: Database;
before(async () => {
  if (skip) return;
  app = await openTestDatabase();
  owner = await openDatabase({ databaseUrl: urlAs(ownerUrl as string, undefined, app.location.split('/').pop()), dataDir: '', onConnectionError: () => {} });
});
after(async () => {
  await owner?.close();
  await app?.close();
});

const refused = async (statement: string) => {
  await assert.rejects(sql.raw(statement).execute(app.db), (err: { code?: string; message: string }) => {
    assert.equal(err.code, '42501', `${statement}: ${err.message}`);
    assert.match(err.message, /must be owner|permission denied/, statement);
    return true;
  });
};

const auditCount = async (db: Database) => Number((await sql<{ n: number }>`select count(*) as n from audit_log`.execute(db.db)).rows[0]?.n);

describe('database roles (PostgreSQL server)', { skip }, () => {
  test("the server's role is no superuser, owns nothing and has none of the owner's rights", async () => {
    const { rows } = await sql<{ me: string; superuser: boolean; owned: number; ownerRights: boolean; tableOwner: string }>`
      select current_user as me, r.rolsuper as superuser,
             (select count(*) from pg_class c where c.relowner = r.oid)::int as owned,
             pg_has_role(current_user, t.relowner, 'USAGE') as "ownerRights",
             pg_get_userbyid(t.relowner) as "tableOwner"
      from pg_roles r, pg_class t where r.rolname = current_user and t.oid = 'audit_log'::regclass`.execute(app.db);
    const me = rows[0];
    assert.ok(me);
    assert.equal(me.superuser, false);
    assert.equal(me.owned, 0, 'owns no table, index or sequence');
    assert.equal(me.ownerRights, false);
    assert.equal(me.tableOwner, new URL(ownerUrl as string).username);
    assert.notEqual(me.me, me.tableOwner);
  });

  test('as that role, the audit trail can be read and appended to, but not switched off, rewritten, emptied or dropped', async () => {
    await sql`insert into audit_log (actor_label, via, action, entity_type) values ('roles test', 'system', 'probe', 'probe')`.execute(app.db);
    const rows = await auditCount(app);
    assert.ok(rows >= 1);
    for (const statement of [
      'alter table audit_log disable trigger all',
      'alter table audit_log disable trigger audit_log_no_update',
      'drop trigger audit_log_no_update on audit_log',
      'delete from audit_log',
      "update audit_log set action = 'rewritten'",
      'truncate audit_log',
      'drop table audit_log',
      'alter table audit_log owner to current_user',
      'drop function audit_log_append_only() cascade',
      'create or replace function audit_log_append_only() returns trigger language plpgsql as $$ begin return null; end $$',
      'set session_replication_role = replica', // triggers do not fire in a replica session
      `set role "${new URL(ownerUrl as string).username}"`,
      'create table audit_log_copy (id int)',
      'drop table offices cascade',
      "insert into schema_migrations (version, name) values (9999, 'by_hand')",
      'delete from schema_migrations',
    ]) {
      await refused(statement);
    }
    assert.equal(await auditCount(app), rows, 'every row is still there');
    const triggers = await sql<{ tgname: string; tgenabled: string }>`
      select tgname, tgenabled from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal order by tgname`.execute(app.db);
    assert.deepEqual(triggers.rows, [
      { tgname: 'audit_log_no_truncate', tgenabled: 'O' },
      { tgname: 'audit_log_no_update', tgenabled: 'O' },
    ]);
  });

  test("a table a later migration adds is the server's to use at once; giving the rights again changes nothing else", async () => {
    await sql`create table later_probe (id serial primary key, label text not null)`.execute(owner.db);
    await sql`insert into later_probe (label) values ('one'), ('two')`.execute(app.db);
    await sql`update later_probe set label = 'uno' where label = 'one'`.execute(app.db);
    await sql`delete from later_probe where label = 'two'`.execute(app.db);
    assert.deepEqual((await sql<{ label: string }>`select label from later_probe`.execute(app.db)).rows, [{ label: 'uno' }]);
    await refused('truncate later_probe');
    await refused('drop table later_probe');

    const role = (await sql<{ me: string }>`select current_user as me`.execute(app.db)).rows[0]?.me as string;
    await grantAppRole(owner.db, role);
    await grantAppRole(owner.db, role);
    await refused('delete from audit_log');
    await refused("update audit_log set action = 'rewritten'");
    await refused('alter table audit_log disable trigger all');
    await sql`insert into later_probe (label) values ('three')`.execute(app.db);
  });

  test('a server role that could undo the trail anyway is refused, naming the fix: unknown, or owning a table', async () => {
    await assert.rejects(grantAppRole(owner.db, `${new URL(ownerUrl as string).username}_nobody`), /does not exist on the server/);
    const role = (await sql<{ me: string }>`select current_user as me`.execute(app.db)).rows[0]?.me as string;
    const admin = new pg.Client({ connectionString: urlAs(process.env.DEVCOOP_TEST_PG_ADMIN_URL as string, undefined, app.location.split('/').pop()) });
    await admin.connect();
    try {
      await admin.query(`alter table later_probe owner to "${role}"`);
      await assert.rejects(grantAppRole(owner.db, role), /owns later_probe.*REASSIGN OWNED BY/);
      await admin.query(`alter table later_probe owner to "${new URL(ownerUrl as string).username}"`);
    } finally {
      await admin.end();
    }
    await grantAppRole(owner.db, role);
    const me = (await sql<{ me: string }>`select current_user as me`.execute(owner.db)).rows[0]?.me as string;
    await grantAppRole(owner.db, me); // one role for both: nothing to give, nothing refused
  });

  test('devcoop starting on an empty database: the app role alone cannot migrate and says what to set; with DATABASE_MIGRATION_URL the owner migrates and the app role works', async () => {
    const adminUrl = process.env.DEVCOOP_TEST_PG_ADMIN_URL as string;
    const ownerRole = new URL(ownerUrl as string).username;
    const appRole = new URL(process.env.DATABASE_URL as string).username;
    const name = `${(process.env.DEVCOOP_TEST_PG_TEMPLATE as string).replace('_tpl_', '_t_')}_roles_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}" owner "${ownerRole}"`);
    try {
      const settings = { DATABASE_URL: urlAs(adminUrl, appRole, name), DEVCOOP_DATA: '/nonexistent', LOG_LEVEL: 'silent' };
      await assert.rejects(openAndMigrate(loadConfig(settings)), /Creating the schema needs the role that owns the database's tables .*DATABASE_MIGRATION_URL/);

      const opened = await openAndMigrate(loadConfig({ ...settings, DATABASE_MIGRATION_URL: urlAs(adminUrl, ownerRole, name) }));
      try {
        const db = opened.database.db;
        assert.equal((await db.selectFrom('schema_migrations').select('version').execute()).length, listMigrations().length);
        assert.ok((await db.selectFrom('countries').select('code').execute()).length > 200, 'reference data loaded by the owner, read by the app');
        const owners = await sql<{ owner: string }>`
          select distinct pg_get_userbyid(relowner) as owner from pg_class where relnamespace = 'public'::regnamespace`.execute(db);
        assert.deepEqual(owners.rows, [{ owner: ownerRole }], 'every table, index and sequence belongs to the owner role');
        await assert.rejects(sql`alter table audit_log disable trigger all`.execute(db), /must be owner/);
      } finally {
        await opened.database.close();
      }
      // A second start as both roles finds nothing to do.
      const again = await openAndMigrate(loadConfig({ ...settings, DATABASE_MIGRATION_URL: urlAs(adminUrl, ownerRole, name) }));
      await again.database.close();
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
