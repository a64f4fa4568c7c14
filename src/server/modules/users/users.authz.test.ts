import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildPartner, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import { ROLES, type Role } from '../../../shared/rights.ts';
import type { Database } from '../../db/connect.ts';

/**
 * The rights matrix of the users endpoints and of one's own account: every endpoint × every role → the expected
 * status. Accounts are the administrators' (users.read, users.write: 403 to every other role, with nothing
 * changed); one's own language is everyone's; no session is 401.
 */
type Who = Role | 'anonymous';
type Op = 'list' | 'get' | 'create' | 'update' | 'setRole' | 'resetPassword' | 'ownLanguage';
const OPS: Op[] = ['list', 'get', 'create', 'update', 'setRole', 'resetPassword', 'ownLanguage'];
const ADMIN: number[] = [200, 200, 201, 200, 200, 204, 200];
const OTHER: number[] = [403, 403, 403, 403, 403, 403, 200];
const MATRIX: Record<Who, number[]> = {
  anonymous: OPS.map(() => 401),
  ...(Object.fromEntries(ROLES.map((r) => [r, r === 'admin' ? ADMIN : OTHER])) as Record<Role, number[]>),
};

let database: Database;
let app: TestApp;
let officeId: string;
let targetId: string;
const clients = new Map<Who, Client>();

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const db = database.db;
  officeId = (await buildOffice(db, { code: 'HQ' })).id;
  const partner = await buildPartner(db);
  targetId = (await buildUser(db, 'viewer', { officeId })).id;
  for (const who of Object.keys(MATRIX) as Who[]) {
    const client = new Client(app);
    if (who !== 'anonymous') {
      const scope = who === 'donor_viewer' ? { partnerId: partner.id } : who === 'constituent_viewer' ? { countryCode: 'KE' } : { officeId };
      const user = await buildUser(db, who, ['admin', 'hq_officer'].includes(who) ? {} : scope);
      assert.equal((await client.signIn(user.email, TEST_PASSWORD)).status, 200);
    }
    clients.set(who, client);
  }
});
after(() => database.close());

const target = () => database.db.selectFrom('users').selectAll().where('id', '=', targetId).executeTakeFirstOrThrow();

async function call(who: Who, op: Op) {
  const c = clients.get(who) as Client;
  const version = (await target()).version;
  switch (op) {
    case 'list':
      return c.get('/api/users?role=viewer');
    case 'get':
      return c.get(`/api/users/${targetId}`);
    case 'create':
      return c.post('/api/users', { email: `made-by-${who}@example.org`, name: 'New', password: TEST_PASSWORD, role: 'viewer', officeId });
    case 'update':
      return c.patch(`/api/users/${targetId}`, { name: `Renamed by ${who}`, version });
    case 'setRole':
      return c.put(`/api/users/${targetId}/role`, { role: 'viewer', officeId, version });
    case 'resetPassword':
      return c.put(`/api/users/${targetId}/password`, { password: TEST_PASSWORD });
    case 'ownLanguage':
      return c.patch('/api/session/account', { locale: 'fr' });
  }
}

describe('users endpoints × roles', () => {
  for (const [who, expected] of Object.entries(MATRIX) as [Who, number[]][]) {
    OPS.forEach((op, i) => {
      test(`${who}: ${op} → ${expected[i]}`, async () => {
        const before = await target();
        const r = await call(who, op);
        assert.equal(r.status, expected[i], JSON.stringify(r.body));
        if (r.status >= 400) {
          assert.ok(r.body.error.code, 'errors have the JSON error shape');
          assert.deepEqual(await target(), before, 'a refusal changes nothing');
          if (op === 'create') assert.equal((await database.db.selectFrom('users').select('id').where('email', '=', `made-by-${who}@example.org`).execute()).length, 0);
        }
      });
    });
  }
});
