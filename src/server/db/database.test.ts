import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from './connect.ts';
import { listMigrations, migrate, migrationMismatch, pendingMigrations } from './migrate.ts';

// As the owner role: these tests create a table and edit the migration record, which the server's role may not.
let database: Database;
before(async () => {
  database = await openTestDatabase({ as: 'owner' });
  await sql`create table probe (id serial primary key, label text not null)`.execute(database.db);
});
after(() => database.close());

describe(`database (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'})`, () => {
  test('the same JS values on both drivers: date as YYYY-MM-DD, count as number, money as decimal string, timestamp as ISO', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      select '2024-02-29'::date as d, count(*) as n, 1234567.891::numeric(14,3) as money,
             '2024-02-29 23:30:00+00'::timestamptz as ts, 9007199254740::bigint as big
      from (values (1), (2)) v`.execute(database.db);
    assert.deepEqual(rows[0], { d: '2024-02-29', n: 2, money: '1234567.891', ts: '2024-02-29T23:30:00.000Z', big: 9007199254740 });
  });

  test("one request's transaction never swallows another request's write", async () => {
    let releaseA!: () => void;
    const holdA = new Promise<void>((r) => {
      releaseA = r;
    });
    const a = database.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('probe' as never)
          .values({ label: 'from A' } as never)
          .execute();
        await holdA;
        throw new Error('A fails and rolls back');
      })
      .catch((e: Error) => e.message);
    // B writes while A's transaction is open, then A rolls back.
    const b = database.db
      .insertInto('probe' as never)
      .values({ label: 'from B' } as never)
      .execute();
    await new Promise((r) => setTimeout(r, 20));
    releaseA();
    assert.equal(await a, 'A fails and rolls back');
    await b;
    const labels = (await sql<{ label: string }>`select label from probe order by id`.execute(database.db)).rows.map((r) => r.label);
    assert.deepEqual(labels, ['from B'], "B's write survives A's rollback; A's write is gone");
  });

  test('many concurrent transactions each commit or roll back alone', async () => {
    await sql`delete from probe`.execute(database.db);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('probe' as never)
            .values({ label: `t${i}` } as never)
            .execute();
          await new Promise((r) => setTimeout(r, Math.random() * 5));
          if (i % 2) throw new Error('odd ones fail');
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
    const labels = (await sql<{ label: string }>`select label from probe order by label`.execute(database.db)).rows.map((r) => r.label);
    assert.deepEqual(labels, ['t0', 't10', 't12', 't14', 't16', 't18', 't2', 't4', 't6', 't8']);
  });

  test('update counts agree across drivers', async () => {
    const r = await database.db
      .updateTable('probe' as never)
      .set({ label: 'x' } as never)
      .execute();
    assert.equal(r[0]?.numUpdatedRows, 10n);
  });

  test('migrations are applied once, in order, and re-running applies nothing', async () => {
    assert.deepEqual(await pendingMigrations(database.db), []);
    assert.deepEqual(await migrate(database.db), []);
    const applied = await database.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
    assert.deepEqual(
      applied.map((r) => r.version),
      listMigrations().map((m) => m.version),
    );
  });

  test('the audit trail is append-only in the database itself', async () => {
    await database.db
      .insertInto('audit_log')
      .values({ actor_label: 't', via: 'system', action: 'probe', entity_type: 'probe', entity_id: null, before: null, after: null })
      .execute();
    await assert.rejects(sql`update audit_log set action = 'changed'`.execute(database.db), /append-only/);
    await assert.rejects(sql`delete from audit_log`.execute(database.db), /append-only/);
    const n = await database.db.selectFrom('audit_log').select('action').where('action', '=', 'probe').execute();
    assert.equal(n.length, 1);
  });

  test('a database whose migration record does not fit the code is refused, naming the mismatch', async () => {
    const other = await openTestDatabase({ as: 'owner' });
    try {
      await other.db.insertInto('schema_migrations').values({ version: 9999, name: 'from_the_future' }).execute();
      await assert.rejects(migrate(other.db), /applied migration 9999_from_the_future, which this version of devcoop does not have/);
      await other.db.deleteFrom('schema_migrations').where('version', '=', 9999).execute();
      await other.db.deleteFrom('schema_migrations').where('version', '=', 5).execute();
      await assert.rejects(migrate(other.db), /records later migrations as applied but not 0005_portfolio/);
      await other.db.updateTable('schema_migrations').set({ name: 'renamed' }).where('version', '=', 3).execute();
      await assert.rejects(migrate(other.db), /0003_renamed/);
    } finally {
      await other.close();
    }
    assert.equal(migrationMismatch([{ version: 1, name: 'reference' }]), null, 'a database behind the code is simply migrated');
  });
});
