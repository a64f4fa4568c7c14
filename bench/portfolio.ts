/**
 * Portfolio-and-money benchmark: 20,000 projects and 2,000,000 expenditure and commitment lines in 3
 * currencies (bench/portfolio-data.sql, on top of the 190 countries of programming-data.sql), the delivery
 * facts computed once, then every API call of the dashboards requested many times; then a 50,000-row
 * XLSX ERP export imported through the importer. Figures go to docs/benchmarks.md.
 *
 *   npx tsx bench/portfolio.ts [ROUNDS]                              PGlite
 *   DATABASE_URL=postgres://… npx tsx bench/portfolio.ts [ROUNDS]    PostgreSQL server (a bench database is created and dropped)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { systemActor } from '../src/server/access/actor.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { importFinancialLines } from '../src/server/finance/financial-lines.apply.ts';
import { refreshProjectFinance } from '../src/server/finance/project-finance.refresh.ts';
import { loadReferenceData } from '../src/server/standards/load-reference.ts';
import { benchApp, kind, openBenchDatabase, serverUrl, spread } from './bench-kit.ts';
import { type Figure, recordFigures } from './record.ts';

const ROUNDS = Number(process.argv[2] ?? 100);
const YEAR = 2025;
const { database, cleanup } = await openBenchDatabase();
const db = database.db;
const seconds = (t: number) => (performance.now() - t) / 1000;

let t = performance.now();
await migrate(db);
await loadReferenceData(db);
for (const file of ['programming-data.sql', 'portfolio-data.sql']) await sql.raw(readFileSync(join(import.meta.dirname, file), 'utf8')).execute(db);
const counts = await sql<Record<string, number>>`select (select count(*) from projects) as projects, (select count(*) from financial_lines) as lines,
  (select count(distinct currency) from financial_lines) as currencies`.execute(db);
const generated = seconds(t);
console.log(`${kind}: generated in ${generated.toFixed(1)} s`, counts.rows[0]);
t = performance.now();
const facts = await refreshProjectFinance(db);
const refresh = seconds(t);
console.log(`delivery facts: ${facts} project-years in ${refresh.toFixed(1)} s`);
// Steady state, as autovacuum leaves a loaded database: statistics, visibility map and hint bits set, so
// the measured requests do not race a vacuum of the 2,000,000 fresh rows.
await sql`vacuum analyze`.execute(db);

const { measure } = await benchApp(database);
const regions = (await db.selectFrom('offices').select('id').where('office_type', '=', 'regional_office').execute()).map((r) => r.id);
const region = (i: number) => regions[i % regions.length] as string;
const calls: [string, (i: number) => string][] = [
  ['delivery totals (through June)', () => `/api/delivery?year=${YEAR}&through=6&limit=1`],
  ['delivery, a page of 100 projects', (i) => `/api/delivery?year=${YEAR}&limit=100&offset=${(i % 50) * 100}`],
  ['delivery, a page sorted by delivery rate', () => `/api/delivery?year=${YEAR}&limit=100&sort=deliveryRate`],
  ['delivery by region', () => `/api/delivery/groups?year=${YEAR}&by=region`],
  ['delivery by office', () => `/api/delivery/groups?year=${YEAR}&by=office`],
  ['delivery by country', () => `/api/delivery/groups?year=${YEAR}&by=country`],
  ['delivery by funding partner', () => `/api/delivery/groups?year=${YEAR}&by=partner`],
  ['delivery by earmarking', () => `/api/delivery/groups?year=${YEAR}&by=earmarking`],
  ['delivery by funding source, one region', (i) => `/api/delivery/groups?year=${YEAR}&by=funding_source&region=${region(i)}`],
  ['monthly curve', () => `/api/delivery/curve?year=${YEAR}`],
  ['trend over 3 years', () => `/api/delivery/trend?from=${YEAR - 2}&to=${YEAR}`],
  ['portfolio summary (status, map, sources)', () => `/api/portfolio/summary?year=${YEAR}`],
  ['aligned share, total', () => `/api/funding-alignment?year=${YEAR}`],
  ['aligned share by partner', () => `/api/funding-alignment?year=${YEAR}&by=partner`],
  ['resource gaps', () => `/api/resource-gaps?year=${YEAR}`],
  ['watch list (all projects, 4 rules)', () => `/api/early-warnings?asOf=${YEAR}-09-30`],
  ['watch list, one region', (i) => `/api/early-warnings?asOf=${YEAR}-09-30&region=${region(i)}`],
];
for (const [, path] of calls) await measure(path, 3); // warm-up
const figures: Figure[] = [];
for (const [what, path] of calls) {
  const values = spread(await measure(path, ROUNDS));
  console.log(`${what}: p50 ${values[0]?.toFixed(1)} ms, p95 ${values[1]?.toFixed(1)} ms`);
  figures.push({ what: `${what} (${ROUNDS} requests)`, values });
}

// A 50,000-row XLSX export of the ERP, for 2,000 projects, imported for real (one transaction).
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('ERP export');
sheet.addRow(['Project', 'Period', 'Amount', 'Currency', 'Line', 'Type']);
for (let i = 0; i < 50_000; i++) {
  const n = 2 + 10 * (i % 2000); // i % 10 = 2: an active project, so its lines are accepted
  sheet.addRow([`B/${String(n).padStart(5, '0')}`, `${YEAR}-${String(1 + (i % 12)).padStart(2, '0')}`, 100 + (i % 900), ['USD', 'EUR', 'CHF'][n % 3], `X-${i}`, 'expenditure']);
}
const bytes = new Uint8Array(await book.xlsx.writeBuffer());
t = performance.now();
const report = await importFinancialLines(
  db,
  { name: 'erp-50000.xlsx', bytes },
  { projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'Type' },
  { dryRun: false },
  systemActor('import', 'bench'),
);
const imported = seconds(t);
if (!report.ok || report.inserted !== 50_000) throw new Error(`import: ${JSON.stringify({ ...report, issues: report.issues.slice(0, 3) })}`);
console.log(`50,000-row XLSX (${(bytes.length / 1e6).toFixed(1)} MB) imported in ${imported.toFixed(1)} s`);

await database.close();
await cleanup();
const command = `${serverUrl ? 'DATABASE_URL=… ' : ''}npx tsx bench/portfolio.ts ${ROUNDS}`;
recordFigures(`Portfolio and money API, 20,000 projects and 2,000,000 lines (${kind})`, command, figures, ROUNDS, ['p50 ms', 'p95 ms', 'max ms']);
recordFigures(
  `Portfolio and money loading (${kind})`,
  command,
  [
    { what: 'generate 20,000 projects and 2,000,000 lines in SQL (s)', values: [generated] },
    { what: `compute the delivery facts, ${facts} project-years (s)`, values: [refresh] },
    { what: `import a 50,000-row XLSX ERP export, ${(bytes.length / 1e6).toFixed(1)} MB, one transaction (s)`, values: [imported] },
  ],
  1,
  ['seconds'],
);
