import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildAllocation, buildFinancialLines, buildOffice, buildPartner, buildProject, buildRates, signedInAs } from '../../../test/factories.ts';
import { buildApp, Client, ok, type Reply } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';

/*
 * A project's money on its page, its ERP lines and the exchange-rate tables, on a hand-checked portfolio (US dollars):
 *   K1 active   CO-KE  donor A  allocation 2023 100,000  2024 200,000  expenditure 2023-06 25,000, 2024-03 50,000, 2024-04 30,000; commitment 2024-05 10,000
 *   K2 pipeline CO-KE           allocation 2024 50,000
 *   U1 active   CO-UG  donor B  allocation 2024 80,000   expenditure 2024-02 20,000
 * K1 as at 2024-06-15: 2023 25% (forecast = spent, 25,000); 2024 80,000 ÷ 200,000 = 40%, forecast 80,000 ÷ 6 × 12 = 160,000 (80%);
 * all years 105,000 ÷ 300,000 = 35%.
 */
let database: Database;
let hq: Client;
let manager: Client;
let officer: Client;
let viewer: Client;
let donor: Client;
let donorB: Client;
let constituent: Client;
const ids: Record<string, string> = {};

const fieldsOf = (r: Reply) => {
  assert.equal(r.status, 400, JSON.stringify(r.body));
  const d = r.body.error.details;
  return d.field ? [d.field] : d.issues.map((i: { field: string }) => i.field);
};

before(async () => {
  database = await openTestDatabase();
  const app = buildApp(database);
  const db = database.db;
  const root = await buildOffice(db, { code: 'HQ' });
  const ke = await buildOffice(db, { code: 'CO-KE', name: 'Country Office for Kenya', officeType: 'country_office', parentId: root.id, countryCode: 'KE' });
  const ug = await buildOffice(db, { code: 'CO-UG', name: 'Country Office for Uganda', officeType: 'country_office', parentId: root.id, countryCode: 'UG' });
  const a = await buildPartner(db, 'Donor A');
  const b = await buildPartner(db, 'Donor B');
  const k1 = await buildProject(db, {
    code: 'K1',
    officeId: ke.id,
    plannedStart: '2023-01-01',
    partners: [{ partnerId: a.id, role: 'funding' }],
    status: 'active',
    activeOn: '2023-01-15',
  });
  const k2 = await buildProject(db, { code: 'K2', officeId: ke.id, fundingSource: 'RBSA', probability: 40 });
  const u1 = await buildProject(db, { code: 'U1', officeId: ug.id, countryCode: 'UG', partners: [{ partnerId: b.id, role: 'funding' }], status: 'active', activeOn: '2024-01-15' });
  await buildAllocation(db, k1.id, 2023, '100000.00');
  await buildAllocation(db, k1.id, 2024, '200000.00');
  await buildAllocation(db, k2.id, 2024, '50000.00');
  await buildAllocation(db, u1.id, 2024, '80000.00');
  await buildFinancialLines(
    db,
    [
      { projectCode: 'K1', period: '2024-04', amount: '30000.00' },
      { projectCode: 'K1', period: '2023-06', amount: '25000.00' },
      { projectCode: 'K1', period: '2024-05', amount: '10000.00', kind: 'commitment' },
      { projectCode: 'K1', period: '2024-03', amount: '50000.00' },
      { projectCode: 'U1', period: '2024-02', amount: '20000.00' },
    ],
    { fileName: 'erp-2024.csv' },
  );
  await buildRates(db, [
    { currency: 'EUR', month: '2024-01-01', perUsd: '0.91' },
    { currency: 'EUR', month: '2024-02-01', perUsd: '0.92' },
    { currency: 'CHF', month: '2024-02-01', perUsd: '0.88' },
  ]);
  Object.assign(ids, { ke: ke.id, k1: k1.id, k2: k2.id, u1: u1.id });
  hq = await signedInAs(app, db, 'hq_officer');
  manager = await signedInAs(app, db, 'office_manager', { officeId: ke.id });
  officer = await signedInAs(app, db, 'programme_officer', { officeId: ke.id });
  viewer = await signedInAs(app, db, 'viewer', { officeId: ke.id });
  donor = await signedInAs(app, db, 'donor_viewer', { partnerId: a.id });
  donorB = await signedInAs(app, db, 'donor_viewer', { partnerId: b.id });
  constituent = await signedInAs(app, db, 'constituent_viewer', { countryCode: 'KE' });
});
after(() => database.close());

const yearsOf = (m: { items: Record<string, unknown>[] }) =>
  m.items.map((r) => [r.year, r.allocation, r.expenditure, r.commitment, r.deliveryRate, r.forecast, r.forecastRate, r.problems]);

describe('GET /api/projects/{id}/finance', () => {
  test('year by year on known data: allocation, expenditure, commitments, the delivery rate, the run-rate forecast of the year of asOf; the totals; the allocations as set', async () => {
    const m = ok(await hq.get(`/api/projects/${ids.k1}/finance?asOf=2024-06-15`));
    assert.equal(m.currency, 'USD');
    assert.equal(m.through, 6);
    assert.deepEqual(yearsOf(m), [
      [2023, '100000.00', '25000.00', '0.00', '0.2500', '25000.00', '0.2500', []],
      [2024, '200000.00', '80000.00', '10000.00', '0.4000', '160000.00', '0.8000', []],
    ]);
    assert.deepEqual(m.totals, { allocation: '300000.00', expenditure: '105000.00', commitment: '10000.00', deliveryRate: '0.3500' });
    assert.deepEqual(
      m.allocations.map((x: Record<string, unknown>) => [x.year, x.amount, x.currency]),
      [
        [2023, '100000.0000', 'USD'],
        [2024, '200000.0000', 'USD'],
      ],
    );
    // A year to come has no forecast; the same figures as the delivery view of the year, whole (one definition of the rate).
    const earlier = ok(await hq.get(`/api/projects/${ids.k1}/finance?asOf=2023-12-31`));
    assert.deepEqual(
      earlier.items.map((r: Record<string, unknown>) => [r.year, r.forecast, r.forecastRate]),
      [
        [2023, '25000.00', '0.2500'],
        [2024, null, null],
      ],
    );
    const row = ok(await hq.get('/api/delivery?year=2024&office=' + ids.ke)).items.find((r: { code: string }) => r.code === 'K1');
    assert.deepEqual([row.allocation, row.expenditure, row.commitment, row.deliveryRate], ['200000.00', '80000.00', '10000.00', '0.4000']);
  });

  test("a project's flags are the watch list's for it, as at the same day", async () => {
    for (const asOf of ['2024-06-15', '2024-11-30']) {
      const m = ok(await hq.get(`/api/projects/${ids.k1}/finance?asOf=${asOf}`));
      const watch = ok(await hq.get(`/api/early-warnings?asOf=${asOf}`));
      assert.deepEqual(
        m.warnings,
        watch.items.filter((w: { code: string }) => w.code === 'K1'),
        asOf,
      );
    }
    const late = ok(await hq.get(`/api/projects/${ids.k1}/finance?asOf=2024-11-30`));
    assert.ok(late.warnings.length > 0, 'no expenditure since April: flagged by November');
    assert.ok(late.warnings.every((w: { ruleName: string }) => w.ruleName.length > 0));
  });

  test('a pipeline project shows its money too (stored with a warning), with no flags', async () => {
    const m = ok(await hq.get(`/api/projects/${ids.k2}/finance?asOf=2024-06-15`));
    assert.deepEqual(
      m.items.map((r: Record<string, unknown>) => [r.year, r.allocation, r.expenditure]),
      [[2024, '50000.00', '0.00']],
    );
    assert.deepEqual(m.warnings, []);
  });

  test('bad input: 400 naming the field; an unknown project 404', async () => {
    assert.deepEqual(fieldsOf(await hq.get(`/api/projects/${ids.k1}/finance?asOf=tomorrow`)), ['asOf']);
    assert.deepEqual(fieldsOf(await hq.get(`/api/projects/${ids.k1}/finance?year=2024`)), ['year']);
    assert.equal((await hq.get('/api/projects/00000000-0000-4000-8000-000000000000/finance')).status, 404);
  });
});

describe('GET /api/projects/{id}/erp-lines', () => {
  test('a page at a time, by month, with the total count, the number of pages and the file each line came from', async () => {
    const first = ok(await officer.get(`/api/projects/${ids.k1}/erp-lines?page=1&pageSize=3`));
    assert.deepEqual([first.total, first.page, first.pageSize, first.pages], [4, 1, 3, 2]);
    assert.deepEqual(
      first.items.map((l: Record<string, unknown>) => [l.period, l.kind, l.amount, l.currency]),
      [
        ['2023-06-01', 'expenditure', '25000.0000', 'USD'],
        ['2024-03-01', 'expenditure', '50000.0000', 'USD'],
        ['2024-04-01', 'expenditure', '30000.0000', 'USD'],
      ],
    );
    assert.ok(first.items.every((l: { importFile: string; importedAt: string }) => l.importFile === 'erp-2024.csv' && l.importedAt));
    const second = ok(await officer.get(`/api/projects/${ids.k1}/erp-lines?page=2&pageSize=3`));
    assert.deepEqual(
      second.items.map((l: Record<string, unknown>) => [l.period, l.kind, l.amount]),
      [['2024-05-01', 'commitment', '10000.0000']],
    );
    const beyond = ok(await officer.get(`/api/projects/${ids.k1}/erp-lines?page=3&pageSize=3`));
    assert.deepEqual([beyond.items.length, beyond.total], [0, 4]);
    const none = ok(await officer.get(`/api/projects/${ids.k2}/erp-lines`));
    assert.deepEqual([none.items.length, none.total, none.pages, none.pageSize], [0, 0, 1, 20]);
  });

  test('bad paging is 400 naming the field', async () => {
    assert.deepEqual(fieldsOf(await officer.get(`/api/projects/${ids.k1}/erp-lines?pageSize=500`)), ['pageSize']);
    assert.deepEqual(fieldsOf(await officer.get(`/api/projects/${ids.k1}/erp-lines?page=0`)), ['page']);
  });
});

describe('GET /api/exchange-rates', () => {
  test('the monthly rates, newest month first, by currency, a page at a time, with the currencies held', async () => {
    const all = ok(await hq.get('/api/exchange-rates'));
    assert.deepEqual(all.currencies, ['CHF', 'EUR']);
    assert.deepEqual(
      all.items.map((r: Record<string, unknown>) => [r.month, r.currency, r.perUsd, r.source]),
      [
        ['2024-02-01', 'CHF', '0.88000000', 'Test rates'],
        ['2024-02-01', 'EUR', '0.92000000', 'Test rates'],
        ['2024-01-01', 'EUR', '0.91000000', 'Test rates'],
      ],
    );
    const eur = ok(await donor.get('/api/exchange-rates?currency=EUR&limit=1'));
    assert.deepEqual([eur.total, eur.items.length, eur.items[0].month], [2, 1, '2024-02-01']);
    assert.equal(ok(await hq.get('/api/exchange-rates?year=2023')).total, 0);
    assert.deepEqual(fieldsOf(await hq.get('/api/exchange-rates?currency=euro')), ['currency']);
  });

  test('loaded through POST, they show in the table', async () => {
    ok(await hq.post('/api/exchange-rates', { source: 'Central bank', rates: [{ currency: 'EUR', month: '2024-03-01', perUsd: '0.93' }] }));
    const eur = ok(await hq.get('/api/exchange-rates?currency=EUR'));
    assert.deepEqual(eur.items[0], { currency: 'EUR', month: '2024-03-01', perUsd: '0.93000000', source: 'Central bank' });
  });
});

describe('PUT /api/projects/{id}/allocations/{year} from the page: a stale or invalid change is refused and changes nothing', () => {
  test('with the amount read: taken when unchanged; refused 409 naming who changed it and when, when it changed since', async () => {
    const put = (expected: string | null, amount: string) => officer.put(`/api/projects/${ids.k2}/allocations/2025`, { amount, currency: 'USD', expected });
    ok(await put(null, '10000.00'));
    ok(await put('10000.00', '12000.00'));
    const stale = await put('10000.00', '15000.00');
    assert.equal(stale.status, 409, JSON.stringify(stale.body));
    assert.equal(stale.body.error.code, 'CONFLICT');
    assert.equal(stale.body.error.details.current.amount, '12000.0000');
    assert.match(stale.body.error.details.changedBy, /programme_officer|@/);
    assert.ok(Date.parse(stale.body.error.details.changedAt) > 0);
    assert.match(stale.body.error.message, /changed by .* at /);
    // A year read as empty that someone set meanwhile is stale too.
    assert.equal((await put(null, '1.00')).status, 409);
    const m = ok(await officer.get(`/api/projects/${ids.k2}/finance?asOf=2024-06-15`));
    assert.equal(m.allocations.find((x: { year: number }) => x.year === 2025).amount, '12000.0000', 'nothing written');
  });

  test('invalid input: 400 naming the field, nothing written', async () => {
    assert.deepEqual(fieldsOf(await officer.put(`/api/projects/${ids.k2}/allocations/2024`, { amount: '-5', currency: 'USD' })), ['amount']);
    assert.deepEqual(fieldsOf(await officer.put(`/api/projects/${ids.k2}/allocations/2024`, { amount: '1.234', currency: 'USD' })), ['amount']);
    assert.deepEqual(fieldsOf(await officer.put(`/api/projects/${ids.k2}/allocations/2031`, { amount: '5', currency: 'USD' })), ['year']);
    const m = ok(await officer.get(`/api/projects/${ids.k2}/finance?asOf=2024-06-15`));
    assert.equal(m.allocations.find((x: { year: number }) => x.year === 2024).amount, '50000.0000');
  });
});

describe('rights matrix: money needs finance.read, and the project within its reach', () => {
  test("the project's offices, donor A (its funder) and HQ read K1's money and lines; none reads U1's but HQ (404)", async () => {
    for (const [who, client] of [
      ['HQ officer', hq],
      ['office manager of CO-KE', manager],
      ['programme officer of CO-KE', officer],
      ['viewer of CO-KE', viewer],
      ['donor A', donor],
    ] as const) {
      const m = await client.get(`/api/projects/${ids.k1}/finance?asOf=2024-06-15`);
      assert.equal(m.status, 200, who);
      assert.equal(m.body.totals.expenditure, '105000.00', who);
      assert.ok(Array.isArray(m.body.warnings), `${who} reads the flags`);
      assert.equal((await client.get(`/api/projects/${ids.k1}/erp-lines`)).status, 200, who);
      if (client !== hq) {
        assert.equal((await client.get(`/api/projects/${ids.u1}/finance`)).status, 404, `${who}: another office's or partner's project`);
        assert.equal((await client.get(`/api/projects/${ids.u1}/erp-lines`)).status, 404, who);
      }
      assert.equal((await client.get('/api/exchange-rates')).status, 200, who);
    }
    assert.equal((await hq.get(`/api/projects/${ids.u1}/finance`)).status, 200);
  });

  test('a donor viewer of another partner: 404 for a project it does not fund, its own project readable', async () => {
    assert.equal((await donorB.get(`/api/projects/${ids.k1}/finance`)).status, 404);
    assert.equal((await donorB.get(`/api/projects/${ids.k1}/erp-lines`)).status, 404);
    assert.equal(ok(await donorB.get(`/api/projects/${ids.u1}/finance?asOf=2024-06-15`)).totals.expenditure, '20000.00');
  });

  test('a constituent viewer reads no money: 403 on a project of its country, its lines and the rates; signed out 401', async () => {
    assert.equal((await constituent.get(`/api/projects/${ids.k1}/finance`)).status, 403);
    assert.equal((await constituent.get(`/api/projects/${ids.k1}/erp-lines`)).status, 403);
    assert.equal((await constituent.get('/api/exchange-rates')).status, 403);
    const out = new Client(hq.app);
    for (const path of [`/api/projects/${ids.k1}/finance`, `/api/projects/${ids.k1}/erp-lines`, '/api/exchange-rates']) assert.equal((await out.get(path)).status, 401, path);
  });

  test('setting an allocation needs projects.write within reach: a viewer 403, a donor 403, another office 404; loading rates needs partners.write', async () => {
    assert.equal((await viewer.put(`/api/projects/${ids.k1}/allocations/2024`, { amount: '1', currency: 'USD' })).status, 403);
    assert.equal((await donor.put(`/api/projects/${ids.k1}/allocations/2024`, { amount: '1', currency: 'USD' })).status, 403);
    assert.equal((await officer.put(`/api/projects/${ids.u1}/allocations/2024`, { amount: '1', currency: 'USD' })).status, 404);
    assert.equal((await officer.post('/api/exchange-rates', { source: 'x', rates: [] })).status, 403);
  });
});
