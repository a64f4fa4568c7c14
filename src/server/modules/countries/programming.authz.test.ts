import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildPartner, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Role } from '../../../shared/rights.ts';
import type { Database } from '../../db/connect.ts';

/**
 * The authorisation matrix of country programming, from one table: every endpoint × role × a country
 * inside / outside the role's scope. Office roles sit in RO-A, which covers Kenya (inside); Peru is
 * covered by RO-B (outside). The constituent viewer's own country is Kenya.
 */
type Who = Role | 'anonymous';
type Op = 'list' | 'read' | 'constituents' | 'cycles' | 'update' | 'addCycle' | 'addConstituent';
const OPS: Op[] = ['read', 'constituents', 'cycles', 'update', 'addCycle', 'addConstituent'];
type Pair = [number, number];

//                             list   read        constituents cycles      update      addCycle    addConstituent
const MATRIX: Record<Who, [number, Pair, Pair, Pair, Pair, Pair, Pair]> = {
  anonymous: [401, [401, 401], [401, 401], [401, 401], [401, 401], [401, 401], [401, 401]],
  admin: [200, [200, 200], [200, 200], [200, 200], [200, 200], [201, 201], [201, 201]],
  hq_officer: [200, [200, 200], [200, 200], [200, 200], [200, 200], [201, 201], [201, 201]],
  office_manager: [200, [200, 404], [200, 404], [200, 404], [200, 404], [201, 404], [201, 404]],
  programme_officer: [200, [200, 404], [200, 404], [200, 404], [200, 404], [201, 404], [201, 404]],
  evaluation_officer: [200, [200, 404], [200, 404], [200, 404], [403, 403], [403, 403], [403, 403]],
  viewer: [200, [200, 404], [200, 404], [200, 404], [403, 403], [403, 403], [403, 403]],
  donor_viewer: [403, [403, 403], [403, 403], [403, 403], [403, 403], [403, 403], [403, 403]],
  constituent_viewer: [200, [200, 404], [200, 404], [200, 404], [403, 403], [403, 403], [403, 403]],
};

let database: Database;
let app: TestApp;
const clients = new Map<Who, Client>();
let cycleYear = 2000;

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const db = database.db;
  const hq = await buildOffice(db, { code: 'HQ' });
  const roA = await buildOffice(db, { code: 'RO-A', officeType: 'regional_office', parentId: hq.id });
  const roB = await buildOffice(db, { code: 'RO-B', officeType: 'regional_office', parentId: hq.id });
  for (const [code, office] of [
    ['KE', roA.id],
    ['PE', roB.id],
  ] as const) {
    await db.insertInto('country_profiles').values({ country_code: code, presence: 'resident', covering_office_id: office }).execute();
  }
  const partner = await buildPartner(db);
  for (const who of Object.keys(MATRIX) as Who[]) {
    const client = new Client(app);
    if (who !== 'anonymous') {
      const scope =
        who === 'donor_viewer'
          ? { partnerId: partner.id }
          : who === 'constituent_viewer'
            ? { countryCode: 'KE' }
            : ['admin', 'hq_officer'].includes(who)
              ? {}
              : { officeId: roA.id };
      const user = await buildUser(db, who, scope);
      assert.equal((await client.signIn(user.email, TEST_PASSWORD)).status, 200);
    }
    clients.set(who, client);
  }
});
after(() => database.close());

async function call(who: Who, op: Op, code: 'KE' | 'PE') {
  const c = clients.get(who) as Client;
  switch (op) {
    case 'list':
      return c.get('/api/countries');
    case 'read':
      return c.get(`/api/countries/${code}`);
    case 'constituents':
      return c.get(`/api/countries/${code}/constituents`);
    case 'cycles':
      return c.get(`/api/countries/${code}/cf-cycles`);
    case 'update': {
      const { version } = await database.db.selectFrom('country_profiles').select('version').where('country_code', '=', code).executeTakeFirstOrThrow();
      return c.request('PATCH', `/api/countries/${code}`, { notes: `by ${who}`, version });
    }
    case 'addCycle':
      cycleYear += 2;
      return c.post(`/api/countries/${code}/cf-cycles`, {
        kind: 'undaf',
        title: `UNDAF ${cycleYear}`,
        periodStart: `${cycleYear}-01-01`,
        periodEnd: `${cycleYear + 1}-12-31`,
        stage: 'signed',
      });
    case 'addConstituent':
      return c.post(`/api/countries/${code}/constituents`, { kind: 'employers', name: `Federation (${who})` });
  }
}

describe('country programming × roles × scope', () => {
  for (const [who, [list, ...rest]] of Object.entries(MATRIX) as [Who, (typeof MATRIX)[Who]][]) {
    test(`${who}: list → ${list}`, async () => {
      const r = await call(who, 'list', 'KE');
      assert.equal(r.status, list, JSON.stringify(r.body));
      if (r.status === 200) {
        const codes = r.body.items.map((p: { countryCode: string }) => p.countryCode);
        const global = who === 'admin' || who === 'hq_officer';
        assert.deepEqual(codes.sort(), global ? ['KE', 'PE'] : ['KE'], 'sees exactly the countries in scope');
      }
    });
    OPS.forEach((op, i) => {
      const [inside, outside] = rest[i] as Pair;
      for (const [where, code, expected] of [
        ['inside', 'KE', inside],
        ['outside', 'PE', outside],
      ] as const) {
        test(`${who}: ${op} ${where} → ${expected}`, async () => {
          const r = await call(who, op, code);
          assert.equal(r.status, expected, JSON.stringify(r.body));
        });
      }
    });
  }

  test('the calendar of a constituent viewer holds only its own country', async () => {
    const admin = clients.get('admin') as Client;
    for (const code of ['KE', 'PE']) {
      assert.equal((await admin.post(`/api/countries/${code}/milestones`, { kind: 'cca', title: `CCA ${code}`, dueDate: '2099-01-01' })).status, 201);
    }
    const r = await (clients.get('constituent_viewer') as Client).get('/api/calendar?asOf=2098-06-01');
    assert.deepEqual(
      r.body.items.map((m: { countryCode: string }) => m.countryCode),
      ['KE'],
    );
  });
});
