import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import { userCommand } from '../../../cli/user.command.ts';
import { systemActor } from '../../access/actor.ts';
import type { Database } from '../../db/connect.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import type { AppError } from '../../errors.ts';
import { resetPassword } from '../users/users.service.ts';
import { passwordProblem } from './password-strength.ts';

/** Password rules wherever a password is set, a user's own password change, and signing out everywhere. */
let database: Database;
let app: TestApp;
let admin: Client;
let hqId: string;

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  hqId = (await buildOffice(database.db, { code: 'HQ' })).id;
  admin = new Client(app);
  await admin.signIn((await buildUser(database.db, 'admin')).email, TEST_PASSWORD);
});
after(() => database.close());

const WEAK = ['            ', 'aaaaaaaaaaaa', 'password1234', 'azertyuiop12', 'contraseña12', 'motdepasse12'];

/** Runs a CLI command in-process, returning what it printed. */
async function cli(sub: string, flags: Record<string, string>): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    await userCommand(database.db, sub, flags);
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

describe('password rules', () => {
  test('common and guessable passwords are refused when a user is created, saying why with keys and in English', async () => {
    for (const [i, password] of WEAK.entries()) {
      const r = await admin.post('/api/users', { email: `weak-${i}@example.org`, name: 'Weak', password, role: 'hq_officer' });
      assert.equal(r.status, 400, `${JSON.stringify(password)} was accepted`);
      assert.equal(r.body.error.code, 'INVALID_INPUT');
      assert.equal(r.body.error.details.field, 'password');
      assert.equal(r.body.error.details.reason, 'weak_password');
      assert.ok(r.body.error.details.score < 3);
      assert.match(r.body.error.message, /^This password is too easy to guess\./);
    }
    const repeat = await admin.post('/api/users', { email: 'weak-x@example.org', name: 'Weak', password: 'aaaaaaaaaaaa', role: 'hq_officer' });
    assert.equal(repeat.body.error.details.warning, 'simpleRepeat');
    assert.match(repeat.body.error.message, /Repeated characters like "aaa" are easy to guess/);
    const common = await admin.post('/api/users', { email: 'weak-y@example.org', name: 'Weak', password: 'password1234', role: 'hq_officer' });
    assert.ok(['common', 'similarToCommon', 'topHundred', 'topTen'].includes(common.body.error.details.warning), common.body.error.details.warning);
    // The user's own e-mail address and name do not make a password.
    const own = await admin.post('/api/users', { email: 'maria.gonzalez@example.org', name: 'María González', password: 'mariagonzalez', role: 'hq_officer' });
    assert.equal(own.status, 400);
    const none = await database.db.selectFrom('users').select('id').where('email', 'like', 'weak-%').execute();
    assert.equal(none.length, 0);
    const ok = await admin.post('/api/users', { email: 'strong@example.org', name: 'Strong', password: 'violet kettle under the stairs', role: 'hq_officer' });
    assert.equal(ok.status, 201);
  });

  test("the test factory's password and generated passwords pass", async () => {
    assert.equal(await passwordProblem(TEST_PASSWORD, ['admin-1@example.org', 'Test admin']), null);
    const out = await cli('create', { email: 'generated@example.org', role: 'hq_officer' });
    const generated = out.match(/Password \(shown only now\): (\S+)/)?.[1] as string;
    assert.equal(await passwordProblem(generated, ['generated@example.org']), null);
    assert.equal((await new Client(app).signIn('generated@example.org', generated)).status, 200);
  });

  test('a reset (API service and CLI), a CLI-created user and the demo administrator get the same rules', async () => {
    const user = await buildUser(database.db, 'viewer', { officeId: hqId });
    await assert.rejects(
      resetPassword(database.db, user.id, 'password1234', systemActor('cli')),
      (e: AppError) => e.code === 'INVALID_INPUT' && (e.details as { reason: string }).reason === 'weak_password',
    );
    await assert.rejects(cli('reset-password', { email: user.email, password: 'aaaaaaaaaaaa' }), /too easy to guess/);
    await assert.rejects(cli('create', { email: 'cli-weak@example.org', role: 'hq_officer', password: 'password1234' }), /too easy to guess/);
    assert.match(await cli('reset-password', { email: user.email }), /shown only now/);
    // The demo refuses a weak DEVCOOP_ADMIN_PASSWORD before loading anything (this database has offices, so use a fresh one).
    const fresh = await openTestDatabase();
    try {
      await assert.rejects(loadDemo(fresh.db, { email: 'ops@example.org', password: 'password1234' }), /too easy to guess/);
      assert.equal((await fresh.db.selectFrom('offices').select('id').execute()).length, 0);
    } finally {
      await fresh.close();
    }
  });
});

describe('a user’s own account', () => {
  test('changing one’s password needs the current one and a strong new one, and ends the other sessions', async () => {
    const user = await buildUser(database.db, 'viewer', { officeId: hqId });
    const here = new Client(app);
    const elsewhere = new Client(app);
    await here.signIn(user.email, TEST_PASSWORD);
    await elsewhere.signIn(user.email, TEST_PASSWORD);

    const wrong = await here.put('/api/session/password', { currentPassword: 'not my password', newPassword: 'violet kettle under the stairs' });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.details.reason, 'wrong_password');
    const weak = await here.put('/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.details.field, 'newPassword');
    assert.equal(weak.body.error.details.reason, 'weak_password');
    const noCsrf = await here.request('PUT', '/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'violet kettle under the stairs' }, { 'X-CSRF-Token': 'x' });
    assert.equal(noCsrf.status, 403);

    assert.equal((await here.put('/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'violet kettle under the stairs' })).status, 204);
    assert.equal((await here.get('/api/session')).status, 200, 'this session goes on');
    assert.equal((await elsewhere.get('/api/session')).status, 401, 'the other session ended');
    assert.equal((await new Client(app).signIn(user.email, TEST_PASSWORD)).status, 401);
    assert.equal((await new Client(app).signIn(user.email, 'violet kettle under the stairs')).status, 200);
    const audit = await database.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).where('action', '=', 'change_password').execute();
    assert.equal(audit.length, 1);
  });

  test('guessing the current password through a session is throttled like a sign-in', async () => {
    const user = await buildUser(database.db, 'viewer', { officeId: hqId });
    const c = new Client(app);
    await c.signIn(user.email, TEST_PASSWORD);
    for (let i = 0; i < 5; i++) assert.equal((await c.put('/api/session/password', { currentPassword: `guess ${i}`, newPassword: 'violet kettle under the stairs' })).status, 400);
    const r = await c.put('/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'violet kettle under the stairs' });
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
  });

  test('signing out everywhere ends every session of the user, and only theirs', async () => {
    const user = await buildUser(database.db, 'viewer', { officeId: hqId });
    const a = new Client(app);
    const b = new Client(app);
    await a.signIn(user.email, TEST_PASSWORD);
    await b.signIn(user.email, TEST_PASSWORD);
    const r = await a.delete('/api/session/all');
    assert.equal(r.status, 204);
    assert.match(r.headers.get('set-cookie') ?? '', /devcoop_session=;/);
    assert.equal((await a.get('/api/session')).status, 401);
    assert.equal((await b.get('/api/session')).status, 401);
    assert.equal((await admin.get('/api/session')).status, 200, "another user's session goes on");
    assert.equal((await new Client(app).delete('/api/session/all')).status, 401);
  });
});
