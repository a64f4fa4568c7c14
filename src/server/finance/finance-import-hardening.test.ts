import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { buildProject } from '../../../test/factories/projects.ts';
import { buildOffice, buildUser, ERP_HEAD, ERP_MAPPING, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildApp, Client } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { sheetXml, xlsxParts, zipOf } from '../../../test/helpers/zip.ts';
import type { Database } from '../db/connect.ts';
import { FINANCIAL_LINE_LIMITS } from './financial-lines.parse.ts';

// The hardening issue of the ERP expenditure import (items 2, 3, 4, 9, 11, 12).
let database: Database;
let api: Client;
const MAPPING = JSON.stringify(ERP_MAPPING);
const HEAD = ERP_HEAD;

before(async () => {
  database = await openTestDatabase();
  api = new Client(buildApp(database));
  const hq = await buildOffice(database.db, { code: 'HQ' });
  const co = await buildOffice(database.db, { code: 'CO', officeType: 'country_office', parentId: hq.id });
  await api.signIn((await buildUser(database.db, 'hq_officer')).email, TEST_PASSWORD);
  const project = (code: string, status: 'pipeline' | 'active') => buildProject(database.db, { code, title: `Project ${code}`, officeId: co.id, status, activeOn: '2024-01-15' });
  const active = await project('KEN/24/01', 'active');
  assert.equal((await api.put(`/api/projects/${active.id}/allocations/2024`, { amount: '100000.00', currency: 'USD' })).status, 200);
  assert.equal((await project('KEN/24/09', 'pipeline')).status, 'pipeline', 'a project left in the pipeline, with no allocation');
});
after(() => database.close());

const importUrl = (name: string, dryRun: boolean) => `/api/finance/imports?fileName=${encodeURIComponent(name)}&dryRun=${dryRun}&mapping=${encodeURIComponent(MAPPING)}`;
const upload = (name: string, body: string | Uint8Array, dryRun = false, client = api) =>
  client.request('POST', importUrl(name, dryRun), body as string, { 'Content-Type': 'application/octet-stream' });
const preview = (name: string, body: string | Uint8Array, client = api) =>
  client.request('POST', `/api/finance/imports/preview?fileName=${encodeURIComponent(name)}`, body as string, { 'Content-Type': 'application/octet-stream' });
const linesLike = async (prefix: string) =>
  (await database.db.selectFrom('financial_lines').select(['source_ref', 'amount']).where('source_ref', 'like', `${prefix}%`).orderBy('source_ref').execute()).map(
    (r) => `${r.source_ref} ${Number(r.amount)}`,
  );
type Issue = { severity: string; sheet: string; row: number | null; column: string | null; message: string };

/** The app again with other settings, signed in as the same user. */
function clientWith(settings: Record<string, string>) {
  const other = new Client(buildApp(database, settings));
  other.cookie = api.cookie;
  other.csrf = api.csrf;
  return other;
}

describe('ERP import hardening', () => {
  test('five identical imports at once: one stores, four answer "already imported", on either database', async () => {
    const csv = [HEAD, 'KEN/24/01,2024-02,10.00,USD,RACE-1,expenditure', 'KEN/24/01,2024-02,20.00,USD,RACE-2,expenditure', 'KEN/24/01,2024-03,30.00,USD,RACE-3,commitment'].join(
      '\n',
    );
    const replies = await Promise.all(Array.from({ length: 5 }, () => upload('race.csv', csv)));
    assert.deepEqual(
      replies.map((r) => r.status),
      [200, 200, 200, 200, 200],
      JSON.stringify(replies.map((r) => r.body)),
    );
    const answers = replies
      .map((r) => ({ ok: r.body.ok, inserted: r.body.inserted, unchanged: r.body.unchanged, alreadyImported: r.body.alreadyImported }))
      .sort((a, b) => b.inserted - a.inserted);
    assert.deepEqual(answers, [
      { ok: true, inserted: 3, unchanged: 0, alreadyImported: false },
      ...Array.from({ length: 4 }, () => ({ ok: true, inserted: 0, unchanged: 3, alreadyImported: true })),
    ]);
    // The same answer as when they come one after the other.
    const sixth = await upload('race.csv', csv);
    assert.deepEqual({ ok: sixth.body.ok, inserted: sixth.body.inserted, unchanged: sixth.body.unchanged, alreadyImported: sixth.body.alreadyImported }, answers[4]);
    assert.deepEqual(await linesLike('RACE-'), ['RACE-1 10', 'RACE-2 20', 'RACE-3 30']);
    const imports = await database.db.selectFrom('imports').select('id').where('file_name', '=', 'race.csv').execute();
    assert.equal(imports.length, 1, 'one import recorded');
  });

  test('the dry run refuses what the import refuses, row and column named (a 150-character line reference, a NUL)', async () => {
    const long = 'R'.repeat(150);
    const cases: [string, string, Issue[]][] = [
      [
        'long-ref.csv',
        [HEAD, 'KEN/24/01,2024-02,1.00,USD,LONG-OK,expenditure', `KEN/24/01,2024-02,1.00,USD,${long},expenditure`].join('\n'),
        [
          {
            severity: 'error',
            sheet: 'long-ref.csv',
            row: 3,
            column: 'Line',
            message: `The line reference has 150 characters; at most ${FINANCIAL_LINE_LIMITS.sourceRefMaxChars} are stored`,
          },
        ],
      ],
      [
        'nul-ref.csv',
        [HEAD, 'KEN/24/01,2024-02,1.00,USD,NUL\u0000REF,expenditure'].join('\n'),
        [
          {
            severity: 'error',
            sheet: 'nul-ref.csv',
            row: 2,
            column: 'Line',
            message: 'The cell holds a NUL character (U+0000), which cannot be stored: is the file a text export saved as UTF-8?',
          },
        ],
      ],
      [
        'nul-project.csv',
        [HEAD, 'KEN/24/01,2024-02,1.00,USD,NUL-OK,expenditure', 'KEN/24/01\u0000,2024-02,1.00,USD,NUL-PROJECT,expenditure'].join('\n'),
        [
          {
            severity: 'error',
            sheet: 'nul-project.csv',
            row: 3,
            column: 'Project',
            message: 'The cell holds a NUL character (U+0000), which cannot be stored: is the file a text export saved as UTF-8?',
          },
        ],
      ],
    ];
    for (const [name, csv, issues] of cases) {
      const dry = await upload(name, csv, true);
      const real = await upload(name, csv);
      assert.equal(dry.status, 200, `${name}: ${JSON.stringify(dry.body)}`);
      assert.equal(real.status, 200, `${name}: the import answers its report, not an error without a row: ${JSON.stringify(real.body)}`);
      assert.deepEqual(dry.body.issues, issues, name);
      assert.deepEqual({ ...real.body, dryRun: true }, dry.body, `${name}: the import refuses exactly what the dry run did`);
      assert.equal(real.body.ok, false);
    }
    assert.deepEqual(await linesLike('LONG-'), [], 'nothing stored');
    assert.deepEqual(await linesLike('NUL'), []);
    const atLimit = await upload('ref-100.csv', [HEAD, `KEN/24/01,2024-02,1.00,USD,${'é'.repeat(100)},expenditure`].join('\n'));
    assert.equal(atLimit.body.ok, true, '100 characters (not bytes) are stored');
  });

  test("the parser's limits are the target table's: every length and rule of financial_lines", async () => {
    const amount = await sql<{ p: number; s: number }>`select numeric_precision as p, numeric_scale as s from information_schema.columns
      where table_name = 'financial_lines' and column_name = 'amount'`.execute(database.db);
    assert.deepEqual(amount.rows[0], { p: FINANCIAL_LINE_LIMITS.amountDigits, s: FINANCIAL_LINE_LIMITS.amountDecimals });
    const checks = await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = 'financial_lines'::regclass and contype = 'c' order by conname`.execute(database.db);
    // Each check the table makes, and what the parser does for it (financial-lines.parse.ts).
    assert.deepEqual(
      checks.rows.map((r) => r.def),
      [
        "CHECK ((kind = ANY (ARRAY['expenditure'::text, 'commitment'::text, 'disbursement'::text])))", // KINDS
        'CHECK ((EXTRACT(day FROM period) = (1)::numeric))', // toMonth: the first of the month
        `CHECK (((char_length(source_ref) >= 1) AND (char_length(source_ref) <= ${FINANCIAL_LINE_LIMITS.sourceRefMaxChars})))`,
      ],
    );
  });

  test('expenditure of a project in the pipeline is stored with a warning naming the row: no delivery view shows it', async () => {
    const csv = [HEAD, 'KEN/24/01,2024-02,5.00,USD,PIPE-1,expenditure', 'KEN/24/09,2024-02,7.00,USD,PIPE-2,expenditure', 'KEN/24/09,2024-03,8.00,USD,PIPE-3,expenditure'].join(
      '\n',
    );
    const warning: Issue = {
      severity: 'warning',
      sheet: 'pipeline.csv',
      row: 3,
      column: 'Project',
      message:
        'Project KEN/24/09 is in the pipeline (2 lines: rows 3, 4): its money is stored, but delivery views count approved, active and closed projects only, so it shows in none until the project is approved',
    };
    const dry = await upload('pipeline.csv', csv, true);
    assert.deepEqual([dry.body.ok, dry.body.issues], [true, [warning]]);
    const real = await upload('pipeline.csv', csv);
    assert.deepEqual([real.body.ok, real.body.inserted, real.body.issues], [true, 3, [warning]]);
    assert.deepEqual(await linesLike('PIPE-'), ['PIPE-1 5', 'PIPE-2 7', 'PIPE-3 8'], 'stored, not lost');
  });

  test('a NUL in any cell of a CSV: a located refusal, never a 500', async () => {
    const row = ['KEN/24/01', '2024-02', '1.00', 'USD', 'NULCELL-1', 'expenditure'];
    const columns = HEAD.split(',');
    for (let i = 0; i < row.length; i++) {
      const cells = [...row];
      cells[i] = `${cells[i]}\u0000`;
      const r = await upload('nul.csv', [HEAD, cells.join(',')].join('\n'));
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.ok, false);
      assert.deepEqual(
        r.body.issues.map((x: Issue) => [x.row, x.column]),
        [[2, columns[i]]],
        JSON.stringify(r.body.issues),
      );
    }
    assert.deepEqual(await linesLike('NULCELL'), []);
  });

  test('a Latin-1 CSV is refused naming its line and column, in the preview and the import; nothing stored as caf\uFFFD', async () => {
    const text = [HEAD, 'KEN/24/01,2024-02,1.00,USD,ENC-1,expenditure', 'KEN/24/01,2024-02,1.00,USD,ENC-café,expenditure'].join('\n');
    const latin1 = new Uint8Array(Buffer.from(text, 'latin1'));
    const p = await preview('latin1.csv', latin1);
    assert.equal(p.status, 400, JSON.stringify(p.body));
    const message = 'Line 3 is not UTF-8 text (byte 0xE9 in column Line): the file seems saved as Latin-1 or Windows-1252; save it again as "CSV UTF-8" and import it';
    assert.equal(p.body.error.message, `latin1.csv: ${message}`);
    assert.deepEqual(p.body.error.details, { field: 'file', row: 3, column: 'Line' });
    const r = await upload('latin1.csv', latin1);
    assert.deepEqual(r.body.issues, [{ severity: 'critical', sheet: 'latin1.csv', row: 3, column: 'Line', message: `latin1.csv: ${message}` }]);
    assert.deepEqual(await linesLike('ENC-'), []);
    assert.equal((await upload('utf8.csv', new TextEncoder().encode(text))).body.ok, true, 'the same file in UTF-8 is stored');
    assert.deepEqual(await linesLike('ENC-'), ['ENC-1 1', 'ENC-café 1']);
  });

  test('an XLSX zip bomb is refused from its declared sizes, before anything is inflated, naming the limit', async () => {
    // Declares 3 GB, and its bytes are not even deflate data: inflating would fail with another message.
    const declared = zipOf(xlsxParts({ data: '', deflated: new Uint8Array(4096).fill(7), declaredSize: 3_000_000_000 }));
    const r = await upload('declared.xlsx', declared, true);
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.issues.map((i: Issue) => [i.severity, i.message]),
      [
        [
          'critical',
          'declared.xlsx would inflate to 2,861 MB, over the limit of 500 MB for a spreadsheet (setting DEVCOOP_IMPORT_MAX_UNCOMPRESSED_MB): it is not an ordinary ERP export; split it or raise the setting',
        ],
      ],
    );
    // A real bomb: 64 MB of spaces in the sheet, deflated to about 64 KB.
    const sheet = Buffer.concat([
      Buffer.from(sheetXml([HEAD.split(',')]).replace('</sheetData></worksheet>', '')),
      Buffer.alloc(64 * 2 ** 20, 0x20),
      Buffer.from('</sheetData></worksheet>'),
    ]);
    const bomb = zipOf(xlsxParts({ data: sheet, deflated: deflateRawSync(sheet, { level: 9 }) }));
    const b = await upload('bomb.xlsx', bomb, true);
    assert.equal(b.body.issues.length, 1);
    assert.match(
      b.body.issues[0].message,
      /^bomb\.xlsx: the part xl\/worksheets\/sheet1\.xml is compressed [\d,]+ times \([\d,]+ KB inflating to 64 MB\), over the limit of 100 \(setting DEVCOOP_IMPORT_MAX_COMPRESSION_RATIO\)/,
    );
    const pb = await preview('bomb.xlsx', bomb);
    assert.equal(pb.status, 400);
    assert.match(pb.body.error.message, /DEVCOOP_IMPORT_MAX_COMPRESSION_RATIO/);
    // An archive that lies (declares 1 MB, inflates to 64 MB) is stopped as soon as it passes what it declared.
    const liar = zipOf(xlsxParts({ data: sheet, deflated: deflateRawSync(sheet, { level: 9 }), declaredSize: 2 ** 20 }));
    const l = await upload('liar.xlsx', liar, true);
    assert.deepEqual(
      l.body.issues.map((i: Issue) => i.message),
      ['liar.xlsx: the part xl/worksheets/sheet1.xml inflates beyond the 1 MB its archive declares: the file is damaged or made to harm; export it again'],
    );
  });

  test('a file over the row limit is refused naming the limit and its setting (CSV and XLSX); at the limit it is read', async () => {
    const limited = clientWith({ DEVCOOP_IMPORT_MAX_ROWS: '50' });
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ['KEN/24/01', '2024-02', '1.00', 'USD', `ROWS-${i}`, 'expenditure']);
    const over: Issue = {
      severity: 'critical',
      sheet: 'rows.csv',
      row: 52,
      column: null,
      message: 'rows.csv has more than 50 data rows, the limit of one import (setting DEVCOOP_IMPORT_MAX_ROWS): split the export into smaller files',
    };
    const csv = (n: number) => [HEAD, ...rows(n).map((r) => r.join(','))].join('\n');
    assert.deepEqual((await upload('rows.csv', csv(51), true, limited)).body.issues, [over]);
    assert.equal((await upload('rows.csv', csv(50), true, limited)).body.ok, true);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('ERP');
    sheet.addRow(HEAD.split(','));
    for (const r of rows(51)) sheet.addRow(r);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    assert.deepEqual((await upload('rows.xlsx', xlsx, true, limited)).body.issues, [{ ...over, sheet: 'rows.xlsx', message: over.message.replace('rows.csv', 'rows.xlsx') }]);
    assert.equal((await preview('rows.xlsx', xlsx, limited)).status, 400);
    const small = zipOf(xlsxParts({ data: sheetXml([HEAD.split(','), ...rows(50)]) }));
    assert.deepEqual((await upload('rows-50.xlsx', small, true, limited)).body.inserted, 50);
  });
});
