import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildProject } from '../../../test/factories/projects.ts';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildApp, Client } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';

let database: Database;
let api: Client;
let app: ReturnType<typeof buildApp>;
const ids: Record<string, string> = {};
const MAPPING = JSON.stringify({ projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'Type' });

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  api = new Client(app);
  const hq = await buildOffice(database.db, { code: 'HQ' });
  const co = await buildOffice(database.db, { code: 'CO', officeType: 'country_office', parentId: hq.id });
  await api.signIn((await buildUser(database.db, 'hq_officer')).email, TEST_PASSWORD);
  const p = await buildProject(database.db, { code: 'KEN/24/01', title: 'Youth jobs', officeId: co.id, status: 'active', activeOn: '2024-01-15' });
  ids.project = p.id;
  const rates = ['01', '02', '03', '04'].map((m) => ({ currency: 'EUR', month: `2024-${m}-01`, perUsd: '0.92' }));
  assert.equal((await api.post('/api/exchange-rates', { source: 'UN operational rates', rates })).status, 200);
  assert.equal((await api.put(`/api/projects/${ids.project}/allocations/2024`, { amount: '100000.00', currency: 'USD', source: 'IRIS allocation 2024' })).status, 200);
});
after(() => database.close());

const upload = (name: string, body: string | Uint8Array, dryRun = false) =>
  api.request('POST', `/api/finance/imports?fileName=${encodeURIComponent(name)}&dryRun=${dryRun}&mapping=${encodeURIComponent(MAPPING)}`, body as string, {
    'Content-Type': 'application/octet-stream',
  });

const CSV = [
  'Project,Period,Amount,Currency,Line,Type',
  'KEN/24/01,2024-01,9200.00,EUR,IRIS-1,expenditure',
  'KEN/24/01,02/2024,15000.00,USD,IRIS-2,expenditure',
  'KEN/24/01,2024-03-31,4600,EUR,IRIS-3,expenditure',
  'KEN/24/01,2024-03,50000,USD,IRIS-4,commitment',
].join('\n');
const snapshot = async () =>
  (await database.db.selectFrom('financial_lines').select(['kind', 'source_ref', 'amount', 'period', 'currency']).orderBy('source_ref').execute()).map((r) => JSON.stringify(r));

describe('expenditure import and delivery', () => {
  test('a dry run reports and stores nothing; the import stores; the same file again changes nothing', async () => {
    const dry = await upload('iris-2024q1.csv', CSV, true);
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual({ ok: dry.body.ok, inserted: dry.body.inserted, dryRun: dry.body.dryRun }, { ok: true, inserted: 4, dryRun: true });
    assert.deepEqual(await snapshot(), []);

    const first = await upload('iris-2024q1.csv', CSV);
    assert.deepEqual({ ok: first.body.ok, rows: first.body.rows, inserted: first.body.inserted }, { ok: true, rows: 4, inserted: 4 });
    const stored = await snapshot();
    const audits = await database.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'financial_import').execute();

    const again = await upload('iris-2024q1.csv', CSV);
    assert.deepEqual(
      { inserted: again.body.inserted, updated: again.body.updated, unchanged: again.body.unchanged, alreadyImported: again.body.alreadyImported },
      { inserted: 0, updated: 0, unchanged: 4, alreadyImported: true },
    );
    assert.deepEqual(await snapshot(), stored, 'the same database');
    assert.equal((await database.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'financial_import').execute()).length, audits.length, 'and nothing to audit');

    const corrected = await upload('iris-2024q1-v2.csv', CSV.replace('4600,EUR', '4600.92,EUR'));
    assert.deepEqual({ inserted: corrected.body.inserted, updated: corrected.body.updated }, { inserted: 0, updated: 1 });
  });

  test('delivery for 2024, converted at each month’s rate (hand-checked)', async () => {
    // 9,200.00 EUR / 0.92 = 10,000.00 USD; 15,000.00 USD; 4,600.92 EUR / 0.92 = 5,001.00 USD → 30,001.00 of 100,000.00
    const r = await api.get('/api/delivery?year=2024');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const row = r.body.items.find((x: { code: string }) => x.code === 'KEN/24/01');
    assert.deepEqual({ allocation: row.allocation, expenditure: row.expenditure, rate: row.deliveryRate }, { allocation: '100000.00', expenditure: '30001.00', rate: '0.3000' });
    assert.deepEqual(row.basis, ['2024-01: 0.92 EUR/USD (UN operational rates)', '2024-03: 0.92 EUR/USD (UN operational rates)']);
    assert.equal(r.body.currency, 'USD');
    // One envelope: the projects as items, total counting them all, totals summing them.
    assert.deepEqual([r.body.total, r.body.year, r.body.through, r.body.totals.projects, r.body.totals.expenditure], [1, 2024, 12, 1, '30001.00']);
  });

  test('delivery summed by office, region, country, funding source, funding partner and earmarking', async () => {
    for (const [by, label] of [
      ['office', 'Test office'],
      ['region', 'Headquarters and global'],
      ['country', 'Kenya'],
      ['funding_source', 'Extra-budgetary development cooperation'],
      ['partner', 'No funding partner'],
      ['earmarking', 'none'],
    ]) {
      const r = await api.get(`/api/delivery/groups?year=2024&by=${by}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const whole = { projects: 1, allocation: '100000.00', expenditure: '30001.00', commitment: '50000.00', deliveryRate: '0.3000', forecast: '30001.00' };
      assert.deepEqual(r.body.items, [{ key: r.body.items[0].key, label, ...whole }]);
      assert.deepEqual([r.body.total, r.body.by, r.body.currency, r.body.year, r.body.through, r.body.unconverted], [1, by, 'USD', 2024, 12, 0]);
    }
    // Through March (the last month with expenditure): 30,001 in 3 months runs at 120,004 a year.
    const q1 = await api.get('/api/delivery/groups?year=2024&through=3&by=office');
    assert.deepEqual([q1.body.items[0].expenditure, q1.body.items[0].forecast], ['30001.00', '120004.00']);
    const feb = await api.get('/api/delivery?year=2024&through=2');
    // January 9,200 EUR at 0.92 = 10,000 USD, February 15,000 USD: 25,000 in 2 months, 150,000 a year: 150% of the allocation.
    assert.deepEqual([feb.body.totals.expenditure, feb.body.totals.forecast, feb.body.totals.forecastRate], ['25000.00', '150000.00', '1.5000']);
    const curve = await api.get('/api/delivery/curve?year=2024');
    assert.deepEqual(
      curve.body.points.slice(0, 4).map((p: { spent: string; cumulative: string }) => [p.spent, p.cumulative]),
      [
        ['10000.00', '10000.00'],
        ['15000.00', '25000.00'],
        ['5001.00', '30001.00'],
        ['0.00', '30001.00'],
      ],
    );
    // As at mid-February the last month with expenditure is February, though March has some since.
    const early = await api.get('/api/early-warnings?asOf=2024-02-15');
    assert.equal(
      early.body.items.some((w: { rule: string }) => w.rule === 'no_spending'),
      false,
    );
    assert.equal((await api.get('/api/delivery/groups?year=2024&by=planet')).status, 400);
    assert.equal((await api.get('/api/delivery/groups?year=2024')).status, 400, 'the groups need a dimension');
    // One shape per endpoint: the list of projects takes no dimension (its groups are /api/delivery/groups).
    assert.equal((await api.get('/api/delivery?year=2024&by=office')).status, 400);
  });

  test('the delivery table downloads as CSV and XLSX with readable labels', async () => {
    const csv = await api.get('/api/tables/delivery-projects?year=2024&format=csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition') ?? '', /delivery-projects-2024\.csv/);
    const [head, first] = String(csv.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    assert.equal(
      head,
      'Project code,Project,Office,Region,Country,Funding source,Allocation 2024 (USD),Expenditure 2024 (USD),Commitments 2024 (USD),Delivery rate,Forecast to year end (USD),Exchange rates used,Problems',
    );
    assert.match(first ?? '', /^KEN\/24\/01,Youth jobs,Test office,Headquarters and global,KE,XBDC,100000\.00,30001\.00,50000\.00,0\.3000,30001\.00,/);
    const xlsx = await app.request('/api/tables/delivery-groups?year=2024&format=xlsx&by=office', { headers: { Cookie: api.cookie as string } });
    assert.equal(xlsx.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    assert.equal(book.worksheets[0]?.getCell('A1').value, 'Office');
    assert.equal(book.worksheets[0]?.getCell('C2').value, 100000);
  });

  test('the watch list flags the project behind the time curve, with the numbers', async () => {
    // 1 Oct 2024: 74.9% of the year elapsed; delivery 30.0% → 44.9 points behind (rule: 20)
    const r = await api.get('/api/early-warnings?asOf=2024-10-01');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const behind = r.body.items.find((w: { rule: string }) => w.rule === 'behind_time_curve');
    assert.equal(behind.code, 'KEN/24/01');
    assert.equal(behind.reason, 'Delivery 30% while 74.9% of the year has elapsed: 44.9 points behind (threshold 20)');
    const silent = r.body.items.find((w: { rule: string }) => w.rule === 'no_spending');
    assert.equal(silent.reason, 'No expenditure since 2024-03: 7 months (threshold 3)');
  });

  test('one bad row among 10,000 refuses the whole file and names the row', async () => {
    const before = await snapshot();
    const lines = ['Project,Period,Amount,Currency,Line,Type'];
    for (let i = 0; i < 10_000; i++) lines.push(`KEN/24/01,2024-04,1.00,USD,BULK-${i},expenditure`);
    lines[7778] = 'KEN/24/01,2024-04,1.001,USD,BULK-7777,expenditure'; // the line of BULK-7777, on row 7779 (row 1 holds the names)
    const r = await upload('bulk.csv', lines.join('\n'));
    assert.equal(r.status, 200, 'a refusal is a report, row by row');
    // Refused: the report says so and where, with no counts of lines stored (there are none).
    assert.deepEqual([r.body.ok, r.body.dryRun, r.body.rows, Object.keys(r.body).sort()], [false, false, 10_000, ['dryRun', 'issues', 'ok', 'rows']]);
    assert.deepEqual(r.body.issues, [{ severity: 'error', sheet: 'bulk.csv', row: 7779, column: 'Amount', message: '"1.001": USD has 2 decimals; 1.001 has 3' }]);
    assert.deepEqual(await snapshot(), before, 'nothing was stored');
  });

  test('located errors: unknown project, money before the project starts, bad month, missing column', async () => {
    const bad = [
      'Project,Period,Amount,Currency,Line,Type',
      'NOPE,2024-01,1,USD,X-1,expenditure',
      'KEN/24/01,2023-12,1,USD,X-2,expenditure',
      'KEN/24/01,2024-13,1,USD,X-3,expenditure',
      'KEN/24/01,2024-05,1,ZZZ,X-4,expenditure',
    ].join('\n');
    const r = await upload('bad.csv', bad);
    assert.deepEqual(
      r.body.issues.map((i: { row: number; column: string }) => [i.row, i.column]),
      [
        [2, 'Project'],
        [3, 'Period'],
        [4, 'Period'],
        [5, 'Currency'],
      ],
    );
    const missing = await upload('nocol.csv', 'Project,Amount\nKEN/24/01,1');
    assert.equal(missing.body.issues[0].severity, 'critical');
    assert.match(missing.body.issues[0].message, /"Period" is not in the file/);
    const notAFile = await upload('junk.xlsx', new Uint8Array([0x50, 0x4b, 1, 2, 3]));
    assert.match(notAFile.body.issues[0].message, /not a readable XLSX workbook/);
  });

  test('an XLSX export imports the same way; formula cells count by their value', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('IRIS export');
    sheet.addRow(['Project', 'Period', 'Amount', 'Currency', 'Line', 'Type']);
    sheet.addRow(['KEN/24/01', '2024-04', 1000, 'USD', 'XL-1', 'expenditure']);
    sheet.addRow(['KEN/24/01', '2024-04', { formula: 'C2*2', result: 2000 }, 'USD', 'XL-2', 'expenditure']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const r = await upload('iris.xlsx', bytes);
    assert.deepEqual({ ok: r.body.ok, inserted: r.body.inserted }, { ok: true, inserted: 2 }, JSON.stringify(r.body.issues));
    const xl2 = await database.db.selectFrom('financial_lines').select('amount').where('source_ref', '=', 'XL-2').executeTakeFirstOrThrow();
    assert.equal(Number(xl2.amount), 2000);
  });

  test('a currency without a rate for the month is named on the project, not guessed', async () => {
    const file = ['Project,Period,Amount,Currency,Line,Type', 'KEN/24/01,2024-05,100,XOF,XOF-1,expenditure'].join('\n');
    assert.equal((await upload('xof.csv', file)).body.ok, true);
    const r = await api.get('/api/delivery?year=2024');
    const row = r.body.items.find((x: { code: string }) => x.code === 'KEN/24/01');
    assert.deepEqual(row.problems, ['There is no exchange rate for XOF in 2024-05']);
    assert.equal(row.deliveryRate, null);
  });
});
