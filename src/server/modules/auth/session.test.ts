import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';

let database: Database;
let app: TestApp;
let hqId: string;

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database, { DEVCOOP_LOGIN_MAX_FAILURES: '3' });
  hqId = (await buildOffice(database.db, { code: 'HQ' })).id;
});
after(() => database.close());

describe('sessions', () => {
  test('sign in sets an HTTP-only SameSite cookie; the password is stored as argon2id; sign out ends the session', async () => {
    const user = await buildUser(database.db, 'admin');
    const row = await database.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash ?? '', /^\$argon2id\$/);

    const c = new Client(app);
    const r = await c.signIn(user.email.toUpperCase(), TEST_PASSWORD);
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.equal(r.body.user.email, user.email);
    assert.ok(r.body.csrfToken.length >= 20);

    const stored = await database.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    assert.equal(stored.length, 1);
    assert.ok(!cookie.includes(stored[0]?.id as string), 'the database holds a hash of the token, not the token');

    assert.equal((await c.get('/api/session')).status, 200);
    assert.equal((await c.delete('/api/session')).status, 204);
    const afterOut = await c.get('/api/offices');
    assert.equal(afterOut.status, 401);
    const audit = await database.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).orderBy('id').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create', 'sign_in', 'sign_out'],
    );
  });

  test('a wrong password and an unknown address get the same 401', async () => {
    const user = await buildUser(database.db, 'viewer', { officeId: hqId });
    const wrong = await new Client(app).signIn(user.email, 'not the password');
    const unknown = await new Client(app).signIn('nobody@example.org', 'not the password');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(wrong.body.error.message, unknown.body.error.message);
  });

  test('sign-ins are throttled after repeated failures, even with the right password', async () => {
    const user = await buildUser(database.db, 'viewer', { officeId: hqId });
    for (let i = 0; i < 3; i++) assert.equal((await new Client(app).signIn(user.email, 'wrong')).status, 401);
    const blocked = await new Client(app).signIn(user.email, TEST_PASSWORD);
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'RATE_LIMITED');
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  });

  test('an expired session gets 401 with the reason', async () => {
    const user = await buildUser(database.db, 'admin');
    const c = new Client(app);
    await c.signIn(user.email, TEST_PASSWORD);
    await database.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00Z' }).where('user_id', '=', user.id).execute();
    const r = await c.get('/api/offices');
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'UNAUTHENTICATED');
    assert.equal(r.body.error.details.reason, 'expired');
  });

  test('a state-changing request without the CSRF header is refused and changes nothing', async () => {
    const user = await buildUser(database.db, 'admin');
    const c = new Client(app);
    await c.signIn(user.email, TEST_PASSWORD);
    const body = JSON.stringify({ code: 'CSRF-1', name: 'x', officeType: 'country_office', parentId: hqId });
    const r = await c.request('POST', '/api/offices', body, { 'Content-Type': 'application/json', 'X-CSRF-Token': 'forged' });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.details.reason, 'csrf');
    const form = await c.request('POST', '/api/offices', 'code=CSRF-2', { 'Content-Type': 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 400, `a form post (what another site can send) is refused: ${JSON.stringify(form.body)}`);
    const n = await database.db.selectFrom('offices').select('id').where('code', 'in', ['CSRF-1', 'CSRF-2']).execute();
    assert.equal(n.length, 0);
  });

  test('a disabled account cannot sign in', async () => {
    const user = await buildUser(database.db, 'admin');
    await database.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute();
    assert.equal((await new Client(app).signIn(user.email, TEST_PASSWORD)).status, 401);
  });
});
