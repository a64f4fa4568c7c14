import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import { resolveOrigin } from './trusted-proxies.ts';

/** Sign-in throttling (docs/ARCHITECTURE.md, "Sign-in throttling"): growing delays, device cookies, an atomic count. */
let database: Database;
let app: TestApp;
let hqId: string;

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database); // the defaults: 5 free attempts per account, 20 per client
  hqId = (await buildOffice(database.db, { code: 'HQ' })).id;
});
after(() => database.close());

const viewer = () => buildUser(database.db, 'viewer', { officeId: hqId });
const attempt = (a: TestApp, email: string, password: string, headers: Record<string, string> = {}) => new Client(a).request('POST', '/api/session', { email, password }, headers);

describe('sign-in throttling', () => {
  // Every request made in-process comes from the same (unknown) client address: each test starts it afresh.
  beforeEach(() => database.db.deleteFrom('login_throttle').execute());

  test('50 parallel wrong attempts on one account: exactly the 5 allowed are checked, the others are refused with 429 and Retry-After', async () => {
    const user = await viewer();
    const replies = await Promise.all(Array.from({ length: 50 }, () => new Client(app).signIn(user.email, 'a wrong password')));
    const statuses = replies.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 401).length, 5, `checked: ${statuses.join(' ')}`);
    assert.equal(statuses.filter((s) => s === 429).length, 45);
    for (const r of replies.filter((x) => x.status === 429)) {
      assert.equal(r.body.error.code, 'RATE_LIMITED');
      assert.ok(Number(r.headers.get('retry-after')) >= 1);
    }
    const row = await database.db.selectFrom('login_throttle').select('attempts').where('key', '=', `account:${user.email}`).executeTakeFirstOrThrow();
    assert.equal(row.attempts, 5, 'refused attempts are not counted');
  });

  test('delays grow: once the free attempts are spent, each further attempt waits twice as long as the one before', async () => {
    const user = await viewer();
    const key = `account:${user.email}`;
    for (let i = 0; i < 5; i++) assert.equal((await attempt(app, user.email, 'a wrong password')).status, 401);
    const first = await attempt(app, user.email, TEST_PASSWORD);
    assert.equal(first.status, 429, 'the right password from an unknown device waits too');
    const firstWait = Number(first.headers.get('retry-after'));
    assert.ok(firstWait >= 1 && firstWait <= 5, `first delay ${firstWait}`);
    // Time passes: the delay is over, one more attempt is checked, and the next delay is twice as long.
    await database.db
      .updateTable('login_throttle')
      .set({ blocked_until: new Date(Date.now() - 1000).toISOString() })
      .where('key', '=', key)
      .execute();
    assert.equal((await attempt(app, user.email, 'a wrong password')).status, 401);
    const second = await attempt(app, user.email, 'a wrong password');
    assert.equal(second.status, 429);
    const secondWait = Number(second.headers.get('retry-after'));
    assert.ok(secondWait > 5 && secondWait <= 10, `second delay ${secondWait}`);
    // After the delay the right password signs in (throttling, not a lockout) and the count is forgotten.
    await database.db
      .updateTable('login_throttle')
      .set({ blocked_until: new Date(Date.now() - 1000).toISOString() })
      .where('key', '=', key)
      .execute();
    assert.equal((await attempt(app, user.email, TEST_PASSWORD)).status, 200);
    assert.equal(await database.db.selectFrom('login_throttle').select('key').where('key', '=', key).executeTakeFirst(), undefined);
  });

  test('a correct password from a known device signs in while guesses from elsewhere keep the account throttled', async () => {
    const user = await viewer();
    const own = new Client(app);
    assert.equal((await own.signIn(user.email, TEST_PASSWORD)).status, 200);
    const set = (await own.signIn(user.email, TEST_PASSWORD)).headers.get('set-cookie') ?? '';
    assert.ok(own.device, 'the first sign-in set a device cookie');
    assert.doesNotMatch(set, /devcoop_device/, 'a known device keeps its cookie');
    assert.equal((await own.delete('/api/session')).status, 204);

    for (let i = 0; i < 5; i++) assert.equal((await attempt(app, user.email, 'a guess')).status, 401);
    assert.equal((await attempt(app, user.email, TEST_PASSWORD)).status, 429, 'an unknown device is throttled');
    const back = await own.signIn(user.email, TEST_PASSWORD);
    assert.equal(back.status, 200, `the user's own browser is not locked out: ${JSON.stringify(back.body)}`);

    // The device cookie counts for its own account only, and a forged one is just an unknown device.
    const other = await viewer();
    const borrowed = new Client(app);
    borrowed.device = own.device;
    for (let i = 0; i < 5; i++) await borrowed.signIn(other.email, 'a guess');
    assert.equal((await borrowed.signIn(other.email, TEST_PASSWORD)).status, 429);
    const forged = new Client(app);
    forged.device = 'devcoop_device=forged-token';
    assert.equal((await forged.signIn(user.email, TEST_PASSWORD)).status, 429);
  });

  test('a known device has its own limit: guesses from it are throttled too', async () => {
    const user = await viewer();
    const own = new Client(app);
    assert.equal((await own.signIn(user.email, TEST_PASSWORD)).status, 200);
    for (let i = 0; i < 5; i++) assert.equal((await own.signIn(user.email, 'a guess')).status, 401);
    assert.equal((await own.signIn(user.email, TEST_PASSWORD)).status, 429);
  });

  test("failures from one client address throttle unknown devices from it, never a known device (the administrator's, behind a proxy)", async () => {
    const strict = buildApp(database, { DEVCOOP_LOGIN_MAX_FAILURES: '2' }); // 8 per client
    const admin = await buildUser(database.db, 'admin');
    const adminBrowser = new Client(strict);
    assert.equal((await adminBrowser.signIn(admin.email, TEST_PASSWORD)).status, 200);
    await database.db.deleteFrom('login_throttle').execute();
    // Everyone arrives from the proxy's address; someone tries one password on many accounts.
    for (let i = 0; i < 8; i++) assert.equal((await attempt(strict, `someone-${i}@example.org`, 'a guess')).status, 401);
    const newcomer = await viewer();
    assert.equal((await attempt(strict, newcomer.email, TEST_PASSWORD)).status, 429, 'the client address is throttled for unknown devices');
    assert.equal((await adminBrowser.signIn(admin.email, TEST_PASSWORD)).status, 200, 'the administrator still signs in');
  });

  test('the client address is taken from X-Forwarded-For only when DEVCOOP_TRUSTED_PROXIES says so', async () => {
    const opts = { DEVCOOP_LOGIN_MAX_FAILURES: '1' }; // 4 per client
    const untrusting = buildApp(database, opts);
    await database.db.deleteFrom('login_throttle').execute();
    // Without trust, a made-up X-Forwarded-For changes nothing: every attempt is the socket's (here: unknown).
    for (let i = 0; i < 4; i++) await attempt(untrusting, `spoof-${i}@example.org`, 'a guess', { 'X-Forwarded-For': `198.51.100.${i}` });
    assert.equal((await attempt(untrusting, 'spoof-9@example.org', 'a guess', { 'X-Forwarded-For': '198.51.100.9' })).status, 429);
    const keys = (await database.db.selectFrom('login_throttle').select('key').where('key', 'like', 'client:%').execute()).map((r) => r.key);
    assert.deepEqual(keys, ['client:unknown']);

    // Behind one trusted proxy, the address it appended is the client: one client's failures leave another alone.
    const trusting = buildApp(database, { ...opts, DEVCOOP_TRUSTED_PROXIES: '1' });
    await database.db.deleteFrom('login_throttle').execute();
    for (let i = 0; i < 4; i++) await attempt(trusting, `guess-${i}@example.org`, 'a guess', { 'X-Forwarded-For': `1.2.3.4, 203.0.113.7` });
    assert.equal((await attempt(trusting, 'guess-9@example.org', 'a guess', { 'X-Forwarded-For': '203.0.113.7' })).status, 429);
    const user = await viewer();
    assert.equal((await attempt(trusting, user.email, TEST_PASSWORD, { 'X-Forwarded-For': '203.0.113.8' })).status, 200);
    const throttled = await database.db.selectFrom('login_throttle').select('key').where('key', 'like', 'client:%').execute();
    assert.deepEqual(
      throttled.map((r) => r.key),
      ['client:203.0.113.7'],
      'the leftmost, client-supplied entry is ignored',
    );
  });

  test('resolveOrigin: hops and addresses, read from the right; X-Forwarded-Proto only from a trusted proxy', () => {
    const raw = { socket: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.7', forwardedProto: 'https', protocol: 'http:' };
    assert.deepEqual(resolveOrigin(raw, null), { client: '10.0.0.2', https: false });
    assert.deepEqual(resolveOrigin(raw, { hops: 1 }), { client: '203.0.113.7', https: true });
    assert.deepEqual(resolveOrigin(raw, { hops: 2 }), { client: '6.6.6.6', https: true });
    assert.deepEqual(resolveOrigin(raw, { hops: 5 }), { client: '6.6.6.6', https: true });
    assert.deepEqual(resolveOrigin(raw, { addresses: ['10.0.0.0/8'] }), { client: '203.0.113.7', https: true });
    assert.deepEqual(resolveOrigin(raw, { addresses: ['10.0.0.0/8', '203.0.113.7'] }), { client: '6.6.6.6', https: true });
    assert.deepEqual(resolveOrigin({ ...raw, socket: '::ffff:192.0.2.1' }, { addresses: ['10.0.0.0/8'] }), { client: '192.0.2.1', https: false });
    // A client's own X-Forwarded-Proto before the proxy's is not believed.
    assert.deepEqual(resolveOrigin({ ...raw, forwardedProto: 'https, http' }, { hops: 1 }), { client: '203.0.113.7', https: false });
    assert.deepEqual(resolveOrigin({ ...raw, forwardedFor: 'not an address', forwardedProto: undefined, protocol: 'https:' }, { hops: 1 }), { client: '10.0.0.2', https: true });
  });
});
