import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildPartner, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Role } from '../../../shared/rights.ts';
import type { Database } from '../../db/connect.ts';

/**
 * The authorisation matrix of the office endpoints, generated from one table: every endpoint × every
 * role × a target inside / outside the role's scope → the expected status. Office-scoped roles are
 * anchored on RO-A; "inside" is CO-A1 below it, "outside" is RO-B. Outside records are invisible (404);
 * a right the role lacks is 403; no session is 401.
 */
type Who = Role | 'anonymous';
type Op = 'list' | 'get' | 'create' | 'update' | 'delete';
const OPS: Op[] = ['list', 'get', 'create', 'update', 'delete'];

//                        list  get in/out   create in/out  update in/out  delete in/out
const MATRIX: Record<Who, [number, [number, number], [number, number], [number, number], [number, number]]> = {
  anonymous: [401, [401, 401], [401, 401], [401, 401], [401, 401]],
  admin: [200, [200, 200], [201, 201], [200, 200], [204, 204]],
  hq_officer: [200, [200, 200], [403, 403], [403, 403], [403, 403]],
  office_manager: [200, [200, 404], [201, 400], [200, 404], [204, 404]],
  programme_officer: [200, [200, 404], [403, 403], [403, 403], [403, 403]],
  evaluation_officer: [200, [200, 404], [403, 403], [403, 403], [403, 403]],
  viewer: [200, [200, 404], [403, 403], [403, 403], [403, 403]],
  donor_viewer: [403, [403, 403], [403, 403], [403, 403], [403, 403]],
  constituent_viewer: [403, [403, 403], [403, 403], [403, 403], [403, 403]],
};

let database: Database;
let app: TestApp;
const ids: Record<string, string> = {};
const clients = new Map<Who, Client>();

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const db = database.db;
  ids.HQ = (await buildOffice(db, { code: 'HQ' })).id;
  ids.RO_A = (await buildOffice(db, { code: 'RO-A', officeType: 'regional_office', parentId: ids.HQ })).id;
  ids.CO_A1 = (await buildOffice(db, { code: 'CO-A1', officeType: 'country_office', parentId: ids.RO_A })).id;
  ids.RO_B = (await buildOffice(db, { code: 'RO-B', officeType: 'regional_office', parentId: ids.HQ })).id;
  const partner = await buildPartner(db);
  for (const who of Object.keys(MATRIX) as Who[]) {
    const client = new Client(app);
    if (who !== 'anonymous') {
      const scope = who === 'donor_viewer' ? { partnerId: partner.id } : who === 'constituent_viewer' ? { countryCode: 'KE' } : { officeId: ids.RO_A };
      const user = await buildUser(db, who, ['admin', 'hq_officer'].includes(who) ? {} : scope);
      assert.equal((await client.signIn(user.email, TEST_PASSWORD)).status, 200);
    }
    clients.set(who, client);
  }
});
after(() => database.close());

const versionOf = async (id: string) => (await database.db.selectFrom('offices').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

async function call(who: Who, op: Op, where: 'inside' | 'outside') {
  const c = clients.get(who) as Client;
  const target = where === 'inside' ? (ids.CO_A1 as string) : (ids.RO_B as string);
  switch (op) {
    case 'list':
      return c.get('/api/offices');
    case 'get':
      return c.get(`/api/offices/${target}`);
    case 'create':
      return c.post('/api/offices', { code: `N-${who}-${where}`, name: 'New', officeType: 'country_office', parentId: target });
    case 'update':
      return c.patch(`/api/offices/${target}`, { city: `Changed by ${who}`, version: await versionOf(target) });
    case 'delete': {
      const leaf = await buildOffice(database.db, { code: `L-${who}-${where}`, officeType: 'country_office', parentId: target });
      return c.delete(`/api/offices/${leaf.id}?version=1`);
    }
  }
}

describe('office endpoints × roles × scope', () => {
  for (const [who, [list, ...rest]] of Object.entries(MATRIX) as [Who, (typeof MATRIX)[Who]][]) {
    test(`${who}: list → ${list}`, async () => {
      const r = await call(who, 'list', 'inside');
      assert.equal(r.status, list, JSON.stringify(r.body));
      if (r.status === 200) {
        const seen = new Set(r.body.items.map((o: { id: string }) => o.id));
        assert.ok(seen.has(ids.CO_A1), 'sees the office inside its scope');
        const global = who === 'admin' || who === 'hq_officer';
        assert.equal(seen.has(ids.RO_B), global, global ? 'a global role sees every office' : 'an office role does not see offices outside its subtree');
      }
    });
    OPS.slice(1).forEach((op, i) => {
      const [inside, outside] = rest[i] as [number, number];
      for (const [where, expected] of [
        ['inside', inside],
        ['outside', outside],
      ] as const) {
        test(`${who}: ${op} ${where} → ${expected}`, async () => {
          const r = await call(who, op, where);
          assert.equal(r.status, expected, JSON.stringify(r.body));
          if (expected >= 400) assert.ok(r.body.error.code, 'errors have the JSON error shape');
        });
      }
    });
  }
});
