import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';

/** The session and device cookies are Secure when the browser's connection is https, and only then. */
let database: Database;
let email: string;

before(async () => {
  database = await openTestDatabase();
  email = (await buildUser(database.db, 'admin')).email;
});
after(() => database.close());

async function signInCookies(app: TestApp, url: string, headers: Record<string, string> = {}): Promise<string[]> {
  const res = await app.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
  assert.equal(res.status, 200);
  return res.headers.getSetCookie();
}
const secure = (cookies: string[], name: string) => /;\s*Secure/i.test(cookies.find((c) => c.startsWith(`${name}=`)) ?? assert.fail(`no ${name} cookie`));

describe('Secure cookies', () => {
  test('https served by the server itself: Secure', async () => {
    const cookies = await signInCookies(buildApp(database), 'https://devcoop.example.org/api/session');
    assert.ok(secure(cookies, 'devcoop_session'));
    assert.ok(secure(cookies, 'devcoop_device'));
  });

  test('plain http, and X-Forwarded-Proto without a trusted proxy (anyone can send it): not Secure', async () => {
    const app = buildApp(database);
    assert.ok(!secure(await signInCookies(app, 'http://localhost/api/session'), 'devcoop_session'));
    assert.ok(!secure(await signInCookies(app, 'http://localhost/api/session', { 'X-Forwarded-Proto': 'https' }), 'devcoop_session'));
  });

  test('behind a trusted TLS proxy (DEVCOOP_TRUSTED_PROXIES) saying X-Forwarded-Proto: https: Secure', async () => {
    const app = buildApp(database, { DEVCOOP_TRUSTED_PROXIES: '1' });
    const cookies = await signInCookies(app, 'http://localhost/api/session', { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' });
    assert.ok(secure(cookies, 'devcoop_session'));
    assert.ok(secure(cookies, 'devcoop_device'));
    assert.ok(!secure(await signInCookies(app, 'http://localhost/api/session', { 'X-Forwarded-Proto': 'http' }), 'devcoop_session'));
  });

  test('DEVCOOP_TRUSTED_PROXIES is a number of hops or a list of addresses and ranges; anything else stops the server', async () => {
    const { loadConfig } = await import('../../config.ts');
    assert.equal(loadConfig({}).trustedProxies, null);
    assert.deepEqual(loadConfig({ DEVCOOP_TRUSTED_PROXIES: '2' }).trustedProxies, { hops: 2 });
    assert.deepEqual(loadConfig({ DEVCOOP_TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).trustedProxies, { addresses: ['10.0.0.0/8', '::1'] });
    assert.throws(() => loadConfig({ DEVCOOP_TRUSTED_PROXIES: 'yes' }), /DEVCOOP_TRUSTED_PROXIES/);
  });
});
