import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildApp, Client, type TestApp } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { type Database, openDatabase } from '../db/connect.ts';

let database: Database;
let app: TestApp;
let admin: Client;
let hqId: string;

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database, { DEVCOOP_BODY_LIMIT: '2048' });
  hqId = (await buildOffice(database.db, { code: 'HQ' })).id;
  const user = await buildUser(database.db, 'admin');
  admin = new Client(app);
  await admin.signIn(user.email, TEST_PASSWORD);
});
after(() => database.close());

const countOffices = async () =>
  (
    await database.db
      .selectFrom('offices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

function assertErrorShape(r: { body: any }, code: string) {
  assert.equal(r.body.error.code, code, JSON.stringify(r.body));
  assert.equal(typeof r.body.error.message, 'string');
  assert.ok(!JSON.stringify(r.body).includes('    at '), 'no stack trace');
}

describe('bad input gets the JSON error shape and changes nothing', () => {
  const valid = () => ({ code: 'CO-OK', name: 'Valid', officeType: 'country_office', parentId: hqId });
  const cases: [string, () => unknown, number, string, string?][] = [
    ['malformed JSON', () => '{"code": "X", ', 400, 'INVALID_INPUT'],
    ['wrong type', () => ({ ...valid(), name: 42 }), 400, 'INVALID_INPUT', 'name'],
    ['unknown field', () => ({ ...valid(), budget: 1 }), 400, 'INVALID_INPUT', 'budget'],
    ['too-long string', () => ({ ...valid(), name: 'x'.repeat(201) }), 400, 'INVALID_INPUT', 'name'],
    ['unknown enum value', () => ({ ...valid(), officeType: 'embassy' }), 400, 'INVALID_INPUT', 'officeType'],
    ['missing field', () => ({ name: 'No code', officeType: 'country_office', parentId: hqId }), 400, 'INVALID_INPUT', 'code'],
    ['oversized body', () => ({ ...valid(), name: 'x'.repeat(5000) }), 413, 'PAYLOAD_TOO_LARGE'],
  ];
  for (const [name, body, status, code, field] of cases) {
    test(name, async () => {
      const before = await countOffices();
      const raw = body();
      const r = await admin.request('POST', '/api/offices', typeof raw === 'string' ? raw : JSON.stringify(raw), { 'Content-Type': 'application/json' });
      assert.equal(r.status, status, JSON.stringify(r.body));
      assertErrorShape(r, code);
      if (field)
        assert.ok(
          r.body.error.details.issues.some((i: { field: string }) => i.field.includes(field)),
          JSON.stringify(r.body.error.details),
        );
      assert.equal(await countOffices(), before);
    });
  }

  test('a NUL in a JSON string → 400 naming the field; nothing stored', async () => {
    const before = await countOffices();
    const r = await admin.request('POST', '/api/offices', JSON.stringify({ ...valid(), name: 'a\u0000b' }), { 'Content-Type': 'application/json' });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assertErrorShape(r, 'INVALID_INPUT');
    assert.equal(r.body.error.details.issues[0].field, 'name');
    assert.equal(await countOffices(), before);
    const nested = await admin.post('/api/projects', { code: 'X', title: 'T', partners: [{ partnerId: 'a\u0000' }] });
    assert.equal(nested.status, 400);
    assert.equal(nested.body.error.details.issues[0].field, 'partners.0.partnerId');
  });

  test('a NUL in a query parameter → 400 naming the parameter', async () => {
    const r = await admin.get('/api/projects?q=a%00b');
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assertErrorShape(r, 'INVALID_INPUT');
    assert.match(r.body.error.message, /^q: /);
  });

  test('unknown API route → JSON 404', async () => {
    const r = await admin.get('/api/nothing-here');
    assert.equal(r.status, 404);
    assertErrorShape(r, 'NOT_FOUND');
  });

  test('a malformed id in the path → 400, not a database error', async () => {
    const r = await admin.get('/api/offices/not-a-uuid');
    assert.equal(r.status, 400);
    assertErrorShape(r, 'INVALID_INPUT');
  });

  test('an unexpected failure becomes INTERNAL with a request id, without the cause', async () => {
    const broken = buildApp({
      ...database,
      db: new Proxy(database.db, {
        get: () => () => {
          throw new Error('secret internal detail');
        },
      }),
    });
    const r = await new Client(broken).get('/api/reference/countries');
    assert.equal(r.status, 500);
    assertErrorShape(r, 'INTERNAL');
    assert.ok(r.body.error.requestId);
    assert.ok(!JSON.stringify(r.body).includes('secret internal detail'));
  });
});

describe('when the database cannot be reached', () => {
  test('the API answers 503 with Retry-After, not 500; health says so too', async () => {
    const unreachable = await openDatabase({ databaseUrl: 'postgres://devcoop@127.0.0.1:9/none', dataDir: '' });
    try {
      const c = new Client(buildApp(unreachable));
      for (const path of ['/api/reference/countries', '/api/health']) {
        const r = await c.get(path);
        assert.equal(r.status, 503, `${path}: ${JSON.stringify(r.body)}`);
        assert.ok(Number(r.headers.get('retry-after')) > 0, `${path} says when to try again`);
      }
      const r = await c.post('/api/session', { email: 'a@example.org', password: 'whatever it is' });
      assert.equal(r.status, 503);
      assertErrorShape(r, 'UNAVAILABLE');
    } finally {
      await unreachable.close();
    }
  });
});

describe('HTTP headers and files', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'devcoop-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>devcoop</title>');
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'assets', 'app.js'), 'export {};');
  after(() => rmSync(webDir, { recursive: true, force: true }));
  const web = () => buildApp(database, { DEVCOOP_WEB_DIR: webDir });

  test('the interface, the API reference and API answers carry a Content-Security-Policy that forbids framing', async () => {
    for (const path of ['/', '/projects', '/api/docs', '/api/health']) {
      const r = await web().request(path);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, `${path}: no inline or foreign script`);
      assert.match(csp, /object-src 'none'/, path);
      assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
    }
  });

  test('API answers are not stored by browsers or caches; the built assets are', async () => {
    const signedIn = await admin.get('/api/offices');
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.headers.get('cache-control'), 'no-store');
    assert.equal((await admin.get('/api/session')).headers.get('cache-control'), 'no-store');
    const asset = await web().request('/assets/app.js');
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
  });

  test('an unknown file is a 404; an app route is the app', async () => {
    for (const path of ['/nope.js', '/assets/old-1234.css', '/favicon.ico']) assert.equal((await web().request(path)).status, 404, path);
    const route = await web().request('/projects/123');
    assert.equal(route.status, 200);
    assert.match(await route.text(), /<title>devcoop<\/title>/);
  });
});

describe('health and API description', () => {
  test('/api/health reports the database and migrations', async () => {
    const r = await new Client(app).get('/api/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.database.reachable, true);
    assert.deepEqual(r.body.database.pendingMigrations, []);
    assert.equal(r.body.database.kind, database.kind);
  });

  test('/api/openapi.json is an OpenAPI 3.1 document of every API route', async () => {
    const r = await new Client(app).get('/api/openapi.json');
    assert.equal(r.status, 200);
    assert.equal(r.body.openapi, '3.1.0');
    for (const path of ['/api/offices', '/api/offices/{id}', '/api/session', '/api/health', '/api/audit', '/api/users', '/api/reference/countries']) {
      assert.ok(r.body.paths[path], `documents ${path}`);
    }
    assert.ok(r.body.components.schemas.Office);
    assert.ok(r.body.components.schemas.Error);
  });

  test('/api/docs serves the browsable reference from local assets', async () => {
    const c = new Client(app);
    const page = await c.get('/api/docs');
    assert.equal(page.status, 200);
    assert.match(String(page.body), /swagger-ui-bundle\.js/);
    const js = await app.request('/api/docs/swagger-ui-bundle.js');
    assert.equal(js.status, 200);
    assert.ok((await js.arrayBuffer()).byteLength > 100_000);
  });
});

describe('requests over a real socket', () => {
  test('a DELETE without a body (as the screens send it) signs out; the session is then gone', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise<void>((r) => server.once('listening', () => r()));
    const { port } = server.address() as { port: number };
    try {
      const user = await buildUser(database.db, 'viewer', { officeId: hqId });
      const signIn = await fetch(`http://127.0.0.1:${port}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
      });
      assert.equal(signIn.status, 200);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      // node:http sends a DELETE with neither Content-Length nor Transfer-Encoding, like a browser's fetch without a body.
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/session', method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      assert.ok(status === 204 || status === 200, `sign-out answered ${status}`);
      const after = await fetch(`http://127.0.0.1:${port}/api/session`, { headers: { Cookie: cookie } });
      assert.equal(after.status, 401);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
