import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import type { AuditEntry } from '../../db/schema.ts';

let database: Database;
let app: TestApp;
let admin: Client;
let hqId: string;

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const user = await buildUser(database.db, 'admin');
  admin = new Client(app);
  assert.equal((await admin.signIn(user.email, TEST_PASSWORD)).status, 200);
  hqId = (await buildOffice(database.db, { code: 'HQ-T', name: 'Headquarters' })).id;
});
after(() => database.close());

const auditOf = (id: string) => database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'office').where('entity_id', '=', id).orderBy('id').execute();

describe('offices', () => {
  test('create, read, list, update, delete — each change audited with before and after', async () => {
    const created = await admin.post('/api/offices', {
      code: 'RO-X',
      name: 'Regional Office X',
      officeType: 'regional_office',
      parentId: hqId,
      countryCode: 'KE',
      city: 'Nairobi',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.version, 1);
    assert.equal(created.body.countryCode, 'KE');
    const id = created.body.id;

    const read = await admin.get(`/api/offices/${id}`);
    assert.deepEqual(read.body, created.body);

    const list = await admin.get('/api/offices?q=regional');
    assert.ok(list.body.items.some((o: { id: string }) => o.id === id));

    const updated = await admin.patch(`/api/offices/${id}`, { name: 'Regional Office for X', version: 1 });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.name, 'Regional Office for X');
    assert.equal(updated.body.version, 2);

    const deleted = await admin.delete(`/api/offices/${id}?version=2`);
    assert.equal(deleted.status, 204);
    assert.equal((await admin.get(`/api/offices/${id}`)).status, 404);

    const trail = await auditOf(id);
    assert.deepEqual(
      trail.map((e) => e.action),
      ['create', 'update', 'delete'],
    );
    const [, update, deletion] = trail as [unknown, AuditEntry, AuditEntry];
    assert.equal((update.before as { name: string }).name, 'Regional Office X');
    assert.equal((update.after as { name: string }).name, 'Regional Office for X');
    assert.equal((deletion.before as { version: number }).version, 2);
    assert.ok(trail.every((e) => e.via === 'api' && e.actor_id && e.request_id));
  });

  test('two clients update from the same version: one wins, the other gets 409, nothing is lost, the change is audited', async () => {
    const office = await buildOffice(database.db, { code: 'CO-RACE', name: 'Race office', officeType: 'country_office', parentId: hqId });
    const [a, b] = await Promise.all([
      admin.patch(`/api/offices/${office.id}`, { city: 'Dakar', version: 1 }),
      admin.patch(`/api/offices/${office.id}`, { name: 'Renamed office', version: 1 }),
    ]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    assert.equal(loser.body.error.code, 'CONFLICT');
    assert.equal(loser.body.error.details.currentVersion, 2);

    const now = (await admin.get(`/api/offices/${office.id}`)).body;
    assert.equal(now.version, 2);
    assert.deepEqual(now, winner.body, 'the stored office is exactly what the winner was told');

    const trail = await auditOf(office.id);
    assert.deepEqual(
      trail.map((e) => e.action),
      ['create', 'update'],
      'the refused attempt changed nothing, so the trail has no row for it',
    );

    // The loser reloads and applies its change on the current version: both changes survive.
    const retry = await admin.patch(`/api/offices/${office.id}`, { ...(loser === a ? { city: 'Dakar' } : { name: 'Renamed office' }), version: 2 });
    assert.equal(retry.status, 200);
    assert.equal(retry.body.city, 'Dakar');
    assert.equal(retry.body.name, 'Renamed office');
  });

  test('a stale delete gets 409 and leaves the office', async () => {
    const office = await buildOffice(database.db, { code: 'CO-STALE', name: 'Stale', officeType: 'country_office', parentId: hqId });
    await admin.patch(`/api/offices/${office.id}`, { name: 'Fresh', version: 1 });
    const r = await admin.delete(`/api/offices/${office.id}?version=1`);
    assert.equal(r.status, 409);
    assert.equal((await admin.get(`/api/offices/${office.id}`)).body.name, 'Fresh');
  });

  test('moving an office carries its subtree; it cannot move under itself', async () => {
    const ro1 = await buildOffice(database.db, { code: 'RO-1', officeType: 'regional_office', parentId: hqId });
    const ro2 = await buildOffice(database.db, { code: 'RO-2', officeType: 'regional_office', parentId: hqId });
    const dwt = await buildOffice(database.db, { code: 'DWT-1', officeType: 'technical_support_team', parentId: ro1.id });
    const co = await buildOffice(database.db, { code: 'CO-1', officeType: 'country_office', parentId: dwt.id });

    const moved = await admin.patch(`/api/offices/${dwt.id}`, { parentId: ro2.id, version: 1 });
    assert.equal(moved.status, 200);
    const paths = await database.db.selectFrom('offices').select(['code', 'path']).where('id', 'in', [ro2.id, dwt.id, co.id]).execute();
    const p = Object.fromEntries(paths.map((r) => [r.code, r.path]));
    assert.ok(p['DWT-1']?.startsWith(p['RO-2'] as string));
    assert.ok(p['CO-1']?.startsWith(p['DWT-1'] as string));

    const cycle = await admin.patch(`/api/offices/${dwt.id}`, { parentId: co.id, version: 2 });
    assert.equal(cycle.status, 400);
    assert.equal(cycle.body.error.details.field, 'parentId');
  });

  test('bad input is refused with the field named, and nothing is stored', async () => {
    const before = await database.db
      .selectFrom('offices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [unknown, string][] = [
      [{ code: 'X', name: 'No parent', officeType: 'country_office', parentId: null }, 'parentId'],
      [{ code: 'X', name: 'Bad country', officeType: 'country_office', parentId: hqId, countryCode: 'ZZ' }, 'countryCode'],
      [{ code: 'X', name: 'Unknown parent', officeType: 'country_office', parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId'],
      [{ code: 'X', name: 'A second root', officeType: 'headquarters', parentId: hqId }, 'parentId'],
    ];
    for (const [body, field] of cases) {
      const r = await admin.post('/api/offices', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.details.field, field);
    }
    const dup = await admin.post('/api/offices', { code: 'HQ-T', name: 'Duplicate code', officeType: 'country_office', parentId: hqId });
    assert.equal(dup.status, 409);
    const after = await database.db
      .selectFrom('offices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  test('an office with offices below it cannot be deleted', async () => {
    const parent = await buildOffice(database.db, { code: 'RO-P', officeType: 'regional_office', parentId: hqId });
    await buildOffice(database.db, { code: 'CO-C', officeType: 'country_office', parentId: parent.id });
    const r = await admin.delete(`/api/offices/${parent.id}?version=1`);
    assert.equal(r.status, 409);
    assert.equal(r.body.error.details.children, 1);
  });
});
