import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Role } from '../../../shared/rights.ts';
import type { Database } from '../../db/connect.ts';

let database: Database;
let app: TestApp;
let hqId: string;
const as = async (role: Role) => {
  const c = new Client(app);
  const user = await buildUser(database.db, role, ['admin', 'hq_officer'].includes(role) ? {} : { officeId: hqId });
  await c.signIn(user.email, TEST_PASSWORD);
  return c;
};

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  hqId = (await buildOffice(database.db, { code: 'HQ' })).id;
});
after(() => database.close());

describe('audit browser', () => {
  test('administrators and HQ officers browse the trail, newest first, filtered and paged', async () => {
    const admin = await as('admin');
    const created = await admin.post('/api/offices', { code: 'CO-AUD', name: 'Audited', officeType: 'country_office', parentId: hqId });
    await admin.patch(`/api/offices/${created.body.id}`, { name: 'Audited twice', version: 1 });

    const hq = await as('hq_officer');
    const page = await hq.get(`/api/audit?entityType=office&entityId=${created.body.id}`);
    assert.equal(page.status, 200);
    assert.deepEqual(
      page.body.items.map((e: { action: string }) => e.action),
      ['update', 'create'],
    );
    assert.equal(page.body.total, 2);
    assert.equal(page.body.next, null, 'one page holds them all');
    assert.equal(page.body.items[0].before.name, 'Audited');
    assert.equal(page.body.items[0].after.name, 'Audited twice');
    assert.equal(page.body.items[0].via, 'api');

    const first = await hq.get('/api/audit?limit=2');
    assert.equal(first.body.items.length, 2);
    assert.ok(first.body.next);
    assert.ok(first.body.total > 2, 'total counts every matching entry, not the page');
    const second = await hq.get(`/api/audit?limit=2&before=${first.body.next}`);
    assert.ok(second.body.items.every((e: { id: number }) => e.id < first.body.next));
    assert.equal(second.body.total, first.body.total, 'the same filter, the same total on every page');
  });

  test('other roles may not read it', async () => {
    for (const role of ['office_manager', 'programme_officer', 'viewer'] as Role[]) {
      const r = await (await as(role)).get('/api/audit');
      assert.equal(r.status, 403, role);
    }
    assert.equal((await new Client(app).get('/api/audit')).status, 401);
  });
});
