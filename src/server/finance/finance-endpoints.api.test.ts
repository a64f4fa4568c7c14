import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildAgreement, buildAllocation, buildFinancialLines, buildOffice, buildPartner, buildProject, signedInAs } from '../../../test/factories.ts';
import { buildApp, Client, ok, type Reply } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';

/*
 * The dashboards' and the ERP import's endpoints on a hand-checked portfolio (US dollars, the reporting currency):
 *   K1 XBDC active   CO-KE  Kenya   donor A  allocation 2023 100,000  2024 200,000  expenditure 2023 25,000, 2024 50,000 + 30,000; commitment 2024 10,000
 *   K2 RBSA pipeline CO-KE  Kenya   (40%)    allocation 2024 50,000
 *   U1 XBDC active   CO-UG  Uganda  donor B  allocation 2024 80,000   expenditure 2024 20,000
 * 2023: 25,000 ÷ 100,000 = 25%; 2024: (80,000 + 20,000) ÷ (200,000 + 80,000) = 35.71% (the pipeline never counts).
 */
let database: Database;
let hq: Client;
let manager: Client;
let officer: Client;
let viewer: Client;
let donor: Client;
let constituent: Client;
const ids: Record<string, string> = {};

/** The fields a 400 names: the route's validation lists issues, a service names one field. */
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
  const donorA = await buildPartner(db, 'Donor A');
  const donorB = await buildPartner(db, 'Donor B');
  const agreement = await buildAgreement(db, { partnerId: donorA.id, periodStart: '2023-01-01', amounts: [{ year: 2024, amount: '300000.00' }] });
  const k1 = await buildProject(db, {
    code: 'K1',
    officeId: ke.id,
    plannedStart: '2023-01-01',
    partners: [{ partnerId: donorA.id, role: 'funding' }],
    agreementIds: [agreement.id],
    status: 'active',
    activeOn: '2023-01-15',
  });
  const k2 = await buildProject(db, { code: 'K2', officeId: ke.id, fundingSource: 'RBSA', probability: 40 });
  const u1 = await buildProject(db, {
    code: 'U1',
    officeId: ug.id,
    countryCode: 'UG',
    partners: [{ partnerId: donorB.id, role: 'funding' }],
    status: 'active',
    activeOn: '2024-01-15',
  });
  await buildAllocation(db, k1.id, 2023, '100000.00');
  await buildAllocation(db, k1.id, 2024, '200000.00');
  await buildAllocation(db, k2.id, 2024, '50000.00');
  await buildAllocation(db, u1.id, 2024, '80000.00');
  await buildFinancialLines(db, [
    { projectCode: 'K1', period: '2023-06', amount: '25000.00' },
    { projectCode: 'K1', period: '2024-03', amount: '50000.00' },
    { projectCode: 'K1', period: '2024-04', amount: '30000.00' },
    { projectCode: 'K1', period: '2024-05', amount: '10000.00', kind: 'commitment' },
    { projectCode: 'U1', period: '2024-02', amount: '20000.00' },
  ]);
  Object.assign(ids, { ke: ke.id, ug: ug.id, k1: k1.id, k2: k2.id, u1: u1.id });
  hq = await signedInAs(app, db, 'hq_officer');
  manager = await signedInAs(app, db, 'office_manager', { officeId: ke.id });
  officer = await signedInAs(app, db, 'programme_officer', { officeId: ke.id });
  viewer = await signedInAs(app, db, 'viewer', { officeId: ke.id });
  donor = await signedInAs(app, db, 'donor_viewer', { partnerId: donorA.id });
  constituent = await signedInAs(app, db, 'constituent_viewer', { countryCode: 'KE' });
});
after(() => database.close());

describe('GET /api/delivery/trend', () => {
  test('year by year on known data: projects, allocation, expenditure, commitments and the rate; the pipeline never counts', async () => {
    const trend = ok(await hq.get('/api/delivery/trend?from=2023&to=2024'));
    assert.equal(trend.currency, 'USD');
    assert.equal(trend.total, 2, 'one item a year');
    assert.deepEqual(
      trend.items.map((r: Record<string, unknown>) => [r.year, r.projects, r.allocation, r.expenditure, r.commitment, r.deliveryRate, r.unconverted]),
      [
        [2023, 1, '100000.00', '25000.00', '0.00', '0.2500', 0],
        [2024, 2, '280000.00', '100000.00', '10000.00', '0.3571', 0],
      ],
    );
    // A filter narrows it: Uganda alone, by country code.
    const uganda = ok(await hq.get('/api/delivery/trend?from=2024&to=2024&country=UG'));
    assert.deepEqual(
      uganda.items.map((r: Record<string, unknown>) => [r.year, r.projects, r.allocation, r.expenditure, r.deliveryRate]),
      [[2024, 1, '80000.00', '20000.00', '0.2500']],
    );
  });

  test('each reader sums only its own projects: the Kenya office and donor A see K1; a constituent viewer no money (403); signed out 401', async () => {
    for (const [who, client] of [
      ['office manager of CO-KE', manager],
      ['donor A', donor],
    ] as const) {
      const trend = ok(await client.get('/api/delivery/trend?from=2024&to=2024'));
      assert.deepEqual(
        trend.items.map((r: Record<string, unknown>) => [r.projects, r.allocation, r.expenditure, r.deliveryRate]),
        [[1, '200000.00', '80000.00', '0.4000']],
        who,
      );
    }
    // The Kenya office asking for Uganda's office gets nothing of it, not an error.
    const other = ok(await manager.get(`/api/delivery/trend?from=2024&to=2024&office=${ids.ug}`));
    assert.deepEqual([other.items[0].projects, other.items[0].allocation], [0, '0.00']);
    assert.equal((await constituent.get('/api/delivery/trend?from=2023&to=2024')).status, 403);
    assert.equal((await new Client(hq.app).get('/api/delivery/trend?from=2023&to=2024')).status, 401);
  });

  test('bad input is 400 naming the field: years the wrong way round or over 20, a year that is no year, an unknown filter', async () => {
    assert.deepEqual(fieldsOf(await hq.get('/api/delivery/trend?from=2024&to=2023')), ['to']);
    assert.deepEqual(fieldsOf(await hq.get('/api/delivery/trend?from=2000&to=2024')), ['to']);
    assert.deepEqual(fieldsOf(await hq.get('/api/delivery/trend?from=twenty&to=2024')), ['from']);
    assert.deepEqual(fieldsOf(await hq.get('/api/delivery/trend?from=2023')), ['to']);
    assert.deepEqual(fieldsOf(await hq.get('/api/delivery/trend?from=2023&to=2024&country=Kenya')), ['country']);
    assert.deepEqual(fieldsOf(await hq.get('/api/delivery/trend?from=2023&to=2024&colour=red')), ['colour']);
  });
});

describe('GET /api/portfolio/summary', () => {
  test('by status (the pipeline weighed by its probability), by country with its map code, by funding source', async () => {
    const s = ok(await hq.get('/api/portfolio/summary?year=2024'));
    assert.deepEqual([s.currency, s.year], ['USD', 2024]);
    assert.deepEqual(s.byStatus, [
      { status: 'pipeline', projects: 1, allocation: '50000.00', weighted: '20000.00' },
      { status: 'active', projects: 2, allocation: '280000.00', weighted: '280000.00' },
    ]);
    assert.deepEqual(s.byCountry, [
      { code: 'KE', name: 'Kenya', projects: 1, allocation: '200000.00', expenditure: '80000.00', deliveryRate: '0.4000', numeric: '404' },
      { code: 'UG', name: 'Uganda', projects: 1, allocation: '80000.00', expenditure: '20000.00', deliveryRate: '0.2500', numeric: '800' },
    ]);
    assert.deepEqual(
      s.bySource.map((r: Record<string, unknown>) => [r.code, r.projects, r.allocation]),
      [['XBDC', 2, '280000.00']],
    );
    const empty = ok(await hq.get('/api/portfolio/summary?year=2030'));
    assert.deepEqual([empty.byStatus, empty.byCountry, empty.bySource], [[], [], []]);
  });

  test("an office's staff see its projects only; donor A its funded project; a constituent viewer no money (403)", async () => {
    const mine = ok(await viewer.get('/api/portfolio/summary?year=2024'));
    assert.deepEqual(
      mine.byStatus.map((r: Record<string, unknown>) => [r.status, r.projects, r.allocation]),
      [
        ['pipeline', 1, '50000.00'],
        ['active', 1, '200000.00'],
      ],
    );
    assert.deepEqual(
      mine.byCountry.map((r: Record<string, unknown>) => r.code),
      ['KE'],
    );
    const funded = ok(await donor.get('/api/portfolio/summary?year=2024'));
    assert.deepEqual(
      funded.byStatus.map((r: Record<string, unknown>) => [r.status, r.projects, r.allocation]),
      [['active', 1, '200000.00']],
    );
    assert.equal((await constituent.get('/api/portfolio/summary?year=2024')).status, 403);
  });

  test('bad input is 400 naming the field', async () => {
    assert.deepEqual(fieldsOf(await hq.get('/api/portfolio/summary')), ['year']);
    assert.deepEqual(fieldsOf(await hq.get('/api/portfolio/summary?year=1800')), ['year']);
    assert.deepEqual(fieldsOf(await hq.get('/api/portfolio/summary?year=2024&partner=donor-a')), ['partner']);
  });
});

describe('GET /api/projects/{id}/warning-actions', () => {
  test('what was done about a flag, newest first, with who and the comment; its readers, and 404 outside their reach', async () => {
    assert.deepEqual(ok(await manager.get(`/api/projects/${ids.k1}/warning-actions`)).items, []);
    ok(await manager.post('/api/early-warnings/actions', { projectId: ids.k1, rule: 'behind_time_curve', status: 'acknowledged', comment: 'Recruitment delayed' }), 201);
    ok(await manager.post('/api/early-warnings/actions', { projectId: ids.k1, rule: 'behind_time_curve', status: 'action_taken', comment: '  Work plan revised  ' }), 201);
    const history = ok(await manager.get(`/api/projects/${ids.k1}/warning-actions`)).items;
    assert.deepEqual(
      history.map((a: Record<string, unknown>) => [a.projectId, a.ruleCode, a.status, a.comment]),
      [
        [ids.k1, 'behind_time_curve', 'action_taken', 'Work plan revised'],
        [ids.k1, 'behind_time_curve', 'acknowledged', 'Recruitment delayed'],
      ],
    );
    assert.match(history[0].actorLabel, /office_manager/);
    assert.equal(ok(await manager.get(`/api/projects/${ids.k1}/warning-actions`)).total, 2);
    // Readers of the watch list read it: the office's viewer and the funding donor; HQ everything.
    for (const client of [viewer, donor, hq]) assert.equal(ok(await client.get(`/api/projects/${ids.k1}/warning-actions`)).items.length, 2);
    // Outside the reader's reach the project is not found: Uganda's for the Kenya office, donor B's for donor A.
    assert.equal((await manager.get(`/api/projects/${ids.u1}/warning-actions`)).status, 404);
    assert.equal((await donor.get(`/api/projects/${ids.u1}/warning-actions`)).status, 404);
    assert.equal((await donor.get(`/api/projects/${ids.k2}/warning-actions`)).status, 404);
    assert.equal((await hq.get('/api/projects/00000000-0000-4000-8000-000000000000/warning-actions')).status, 404);
    // A constituent viewer reads no flags at all.
    assert.equal((await constituent.get(`/api/projects/${ids.k1}/warning-actions`)).status, 403);
  });

  test('bad input is 400 naming the field: the id, and (acting) an unknown rule or an empty comment', async () => {
    assert.deepEqual(fieldsOf(await hq.get('/api/projects/not-a-uuid/warning-actions')), ['id']);
    assert.deepEqual(fieldsOf(await manager.post('/api/early-warnings/actions', { projectId: ids.k1, rule: 'no_such_rule', status: 'dismissed', comment: 'x' })), ['rule']);
    assert.deepEqual(fieldsOf(await manager.post('/api/early-warnings/actions', { projectId: ids.k1, rule: 'behind_time_curve', status: 'dismissed', comment: '   ' })), [
      'comment',
    ]);
    assert.equal(ok(await manager.get(`/api/projects/${ids.k1}/warning-actions`)).items.length, 2, 'nothing stored');
  });
});

const previewOf = (client: Client, name: string, body: string) =>
  client.request('POST', `/api/finance/imports/preview?fileName=${encodeURIComponent(name)}`, body, { 'Content-Type': 'application/octet-stream' });

describe('POST /api/finance/imports/preview and GET /api/finance/mappings', () => {
  const ERP = ['Project code,Month,Amount,Curr.,Voucher,Type', ...Array.from({ length: 7 }, (_, i) => `K1,2024-0${i + 1},${(i + 1) * 100}.00,USD,V-${i + 1},expenditure`)].join(
    '\n',
  );

  test("the preview: the file's columns, its row count, the first five rows and a guessed mapping; nothing stored", async () => {
    const p = ok(await previewOf(officer, 'erp.csv', ERP), 200);
    assert.deepEqual(p.columns, ['Project code', 'Month', 'Amount', 'Curr.', 'Voucher', 'Type']);
    assert.equal(p.rows, 7);
    assert.equal(p.sample.length, 5);
    assert.deepEqual(p.sample[0], { 'Project code': 'K1', Month: '2024-01', Amount: '100.00', 'Curr.': 'USD', Voucher: 'V-1', Type: 'expenditure' });
    assert.deepEqual(p.sample[4], { 'Project code': 'K1', Month: '2024-05', Amount: '500.00', 'Curr.': 'USD', Voucher: 'V-5', Type: 'expenditure' });
    assert.equal(p.guess.projectCode, 'Project code');
    assert.equal(p.guess.period, 'Month');
    assert.equal(p.guess.amount, 'Amount');
    assert.equal(p.guess.currency, 'Curr.');
    assert.equal(p.guess.sourceRef, 'Voucher');
    assert.equal(p.guess.kind, 'Type');
    const stored = await database.db.selectFrom('financial_lines').select('source_ref').where('source_ref', 'like', 'V-%').execute();
    assert.deepEqual(stored, []);
  });

  test('the preview refuses what it cannot read naming the file, a missing file name naming fileName, and roles without the import right', async () => {
    assert.deepEqual(fieldsOf(await previewOf(officer, 'erp.csv', '')), ['file']);
    assert.deepEqual(fieldsOf(await officer.request('POST', '/api/finance/imports/preview', ERP, { 'Content-Type': 'application/octet-stream' })), ['fileName']);
    for (const client of [viewer, donor, constituent]) assert.equal((await previewOf(client, 'erp.csv', ERP)).status, 403);
  });

  test('a mapping saved from the preview is listed with its office, and an import by its name stores the lines', async () => {
    const mapping = { projectCode: 'Project code', period: 'Month', amount: 'Amount', currency: 'Curr.', sourceRef: 'Voucher', kind: 'Type' };
    const saved = ok(await officer.post('/api/finance/mappings', { name: 'Kenya ERP', mapping }), 201);
    const listed = ok(await officer.get('/api/finance/mappings')).items;
    assert.deepEqual(
      listed.map((m: Record<string, unknown>) => [m.id, m.name, m.officeId, m.officeName, m.mapping]),
      [[saved.id, 'Kenya ERP', ids.ke, 'Country Office for Kenya', mapping]],
    );
    assert.match(listed[0].createdAt, /^\d{4}-\d{2}-\d{2}/);
    const report = ok(
      await officer.request('POST', `/api/finance/imports?fileName=erp.csv&mappingName=${encodeURIComponent('Kenya ERP')}`, ERP, { 'Content-Type': 'application/octet-stream' }),
      200,
    );
    assert.deepEqual([report.ok, report.rows, report.inserted], [true, 7, 7], JSON.stringify(report.issues));
    const lines = await database.db.selectFrom('financial_lines').select(['source_ref', 'amount']).where('source_ref', 'like', 'V-%').orderBy('source_ref').execute();
    assert.deepEqual(
      lines.map((l) => `${l.source_ref} ${Number(l.amount)}`),
      ['V-1 100', 'V-2 200', 'V-3 300', 'V-4 400', 'V-5 500', 'V-6 600', 'V-7 700'],
    );
    // Another office's staff neither list it nor import by its name.
    const uganda = await signedInAs(hq.app, database.db, 'programme_officer', { officeId: ids.ug });
    assert.deepEqual(ok(await uganda.get('/api/finance/mappings')).items, []);
    const refused = await uganda.request('POST', `/api/finance/imports?fileName=erp.csv&mappingName=${encodeURIComponent('Kenya ERP')}`, ERP, {
      'Content-Type': 'application/octet-stream',
    });
    assert.deepEqual(fieldsOf(refused), ['mappingName'], 'no saved mapping of that name within its reach');
  });

  test('a mapping that leaves out a column is 400 naming it; a blank name names name', async () => {
    const partial = { projectCode: 'Project code', period: 'Month', amount: 'Amount', currency: 'Curr.', sourceRef: 'Voucher' };
    assert.deepEqual(fieldsOf(await officer.post('/api/finance/mappings', { name: 'Partial', mapping: partial })), ['mapping.kind']);
    assert.deepEqual(fieldsOf(await officer.post('/api/finance/mappings', { name: '  ', mapping: { ...partial, kind: 'Type' } })), ['name']);
  });
});
