/**
 * Spreadsheet import benchmark (hardening issue, item 11): an ERP export of ROWS rows (default 200,000) generated
 * as XLSX (ExcelJS's streaming writer) and as CSV, then imported through the importer, dry run and for real, while
 * /api/health is asked every 20 ms through the same app: its p50, p99 and max say whether the import stalls other
 * requests. Also the time to refuse a full sheet (1,048,576 rows) at the row limit with --full-sheet (slow to make).
 * Figures go to docs/benchmarks.md.
 *
 *   npx tsx bench/spreadsheet-import.ts [ROWS] [--full-sheet]                              PGlite
 *   DATABASE_URL=postgres://… npx tsx bench/spreadsheet-import.ts [ROWS] [--full-sheet]    PostgreSQL server
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { systemActor } from '../src/server/access/actor.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { importFinancialLines } from '../src/server/finance/financial-lines.apply.ts';
import { createOffice } from '../src/server/modules/offices/offices.service.ts';
import { loadReferenceData } from '../src/server/standards/load-reference.ts';
import { benchApp, kind, openBenchDatabase, serverUrl } from './bench-kit.ts';
import { type Figure, percentile, recordFigures } from './record.ts';

const ROWS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 200_000);
const FULL = process.argv.includes('--full-sheet');
const PROJECTS = 50;
const { database, cleanup } = await openBenchDatabase();
const db = database.db;
await migrate(db);
await loadReferenceData(db);
const actor = systemActor('import', 'bench');

// Active projects (started in 2020) for the rows to land on.
const office = await createOffice(db, { code: 'HQ', name: 'Headquarters', officeType: 'headquarters', parentId: null, countryCode: null, city: null }, actor);
await db
  .insertInto('projects')
  .values(
    Array.from({ length: PROJECTS }, (_, i) => ({
      code: `BENCH/${String(i).padStart(3, '0')}`,
      title: `Bench project ${i}`,
      place: 'global',
      office_id: office.id,
      funding_source: 'XBDC',
      status: 'active',
      planned_start: '2020-01-01',
      planned_end: '2030-12-31',
      actual_start: '2020-01-01',
    })) as never,
  )
  .execute();

const row = (i: number) => [
  `BENCH/${String(i % PROJECTS).padStart(3, '0')}`,
  `2024-${String(1 + (i % 12)).padStart(2, '0')}`,
  (100 + (i % 9000) / 100).toFixed(2),
  'USD',
  `ERP-${i}`,
  'expenditure',
];
const HEAD = ['Project', 'Period', 'Amount', 'Currency', 'Line', 'Type'];
const MAPPING = { projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'Type' };

/** An XLSX export of `rows` rows, written by ExcelJS's streaming writer (as an ERP's export library would). */
async function xlsx(rows: number): Promise<Uint8Array> {
  const file = join(tmpdir(), `devcoop-bench-${process.pid}-${rows}.xlsx`);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = book.addWorksheet('ERP export');
  sheet.addRow(HEAD).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row(i)).commit();
  await book.commit();
  const bytes = new Uint8Array(readFileSync(file));
  rmSync(file);
  return bytes;
}

const { app } = await benchApp(database);
/** Runs `work` while /api/health is asked every 20 ms; the work's seconds and the health timings. */
async function whileHealth<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; health: number[]; peakMb: number }> {
  const health: number[] = [];
  let done = false;
  let peak = process.memoryUsage().rss;
  // Timed from when each request is due (20 ms after the last answer), not from when the timer fires: a request
  // arriving while the event loop is blocked waits for it, and that wait is what is measured.
  const poll = (async () => {
    while (!done) {
      const due = performance.now() + 20;
      await new Promise((r) => setTimeout(r, 20));
      const res = await app.request('/api/health');
      await res.arrayBuffer();
      health.push(performance.now() - due);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  })();
  const t = performance.now();
  const result = await work();
  const seconds = (performance.now() - t) / 1000;
  done = true;
  await poll;
  return { result, seconds, health, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
}

const figures: Figure[] = [];
const idle = await whileHealth(() => new Promise((r) => setTimeout(r, 2000)));
figures.push({ what: 'nothing else running (2 s)', values: [idle.seconds, percentile(idle.health, 50), percentile(idle.health, 99), Math.max(...idle.health), idle.peakMb] });

let t = performance.now();
const book = await xlsx(ROWS);
console.log(`${ROWS}-row XLSX, ${(book.length / 1e6).toFixed(1)} MB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const csv = new TextEncoder().encode([HEAD, ...Array.from({ length: ROWS }, (_, i) => row(i))].map((r) => r.join(',')).join('\n'));

const steps: [string, Uint8Array, boolean, string][] = [
  ['XLSX dry run', book, true, 'erp.xlsx'],
  ['CSV dry run', csv, true, 'erp.csv'],
  ['XLSX import, one transaction', book, false, 'erp.xlsx'],
];
for (const [what, bytes, dryRun, name] of steps) {
  const m = await whileHealth(() => importFinancialLines(db, { name, bytes }, MAPPING, { dryRun }, actor));
  if (!m.result.ok || m.result.inserted !== ROWS) throw new Error(`${what}: ${JSON.stringify({ ...m.result, issues: m.result.issues.slice(0, 3) })}`);
  const label = `${what}: ${ROWS.toLocaleString('en')} rows, ${(bytes.length / 1e6).toFixed(1)} MB`;
  figures.push({ what: label, values: [m.seconds, percentile(m.health, 50), percentile(m.health, 99), Math.max(...m.health), m.peakMb] });
  console.log(
    label,
    figures
      .at(-1)
      ?.values.map((v) => v.toFixed(1))
      .join(' '),
  );
}

if (FULL) {
  t = performance.now();
  const full = await xlsx(1_048_575);
  console.log(`full sheet, ${(full.length / 1e6).toFixed(1)} MB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const m = await whileHealth(() => importFinancialLines(db, { name: 'full.xlsx', bytes: full }, MAPPING, { dryRun: true }, actor));
  if (!/DEVCOOP_IMPORT_MAX_ROWS/.test(m.result.issues[0]?.message ?? '')) throw new Error(`full sheet: ${JSON.stringify(m.result.issues.slice(0, 2))}`);
  figures.push({
    what: `XLSX of 1,048,576 rows (${(full.length / 1e6).toFixed(1)} MB) refused at the row limit`,
    values: [m.seconds, percentile(m.health, 50), percentile(m.health, 99), Math.max(...m.health), m.peakMb],
  });
}

await database.close();
await cleanup();
recordFigures(
  `Spreadsheet import, ${ROWS.toLocaleString('en')} rows, with /api/health asked every 20 ms (${kind})`,
  `${serverUrl ? 'DATABASE_URL=… ' : ''}npx tsx bench/spreadsheet-import.ts ${ROWS}${FULL ? ' --full-sheet' : ''}`,
  figures,
  1,
  ['seconds', 'health p50 ms', 'health p99 ms', 'health max ms', 'peak RSS MB'],
);
