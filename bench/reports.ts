/**
 * Reports on the demonstration data (the seeds' strategy and plans, the demo portfolio): each report in
 * HTML and DOCX (target: within 3 s), XLSX, and PDF where Chromium is installed, timed through the API.
 *   npx tsx bench/reports.ts [rounds]        (DATABASE_URL=… for the PostgreSQL server)
 */
import { migrate } from '../src/server/db/migrate.ts';
import { loadDemo } from '../src/server/demo/load-demo.ts';
import { chromiumPath } from '../src/server/reports/render-pdf.ts';
import { loadReferenceData } from '../src/server/standards/load-reference.ts';
import { benchApp, kind, openBenchDatabase, serverUrl, spread } from './bench-kit.ts';
import { type Figure, recordFigures } from './record.ts';

const ROUNDS = Number(process.argv[2] ?? 20);
const { database, cleanup } = await openBenchDatabase();
try {
  const started = performance.now();
  await migrate(database.db);
  await loadReferenceData(database.db);
  await loadDemo(database.db, { email: 'admin@example.org', password: 'a benchmark password' });
  console.log(`demonstration data loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const { measure } = await benchApp(database);
  const db = database.db;
  const project = await db.selectFrom('projects').select('id').where('status', '=', 'active').orderBy('code').executeTakeFirstOrThrow();
  const country = await db.selectFrom('dwcps').select('country_code').orderBy('country_code').executeTakeFirstOrThrow();
  const reports = [
    ['Governing Body report on the 2019–20 plan (12 items)', '/api/reports/plan-progress/UNDS-POA-2019-20?asOf=2020-03-02'],
    ['Governing Body report on the 1999 plan (as at 31 August 2000)', '/api/reports/plan-progress/TC-IMPL-1999?asOf=2000-08-31'],
    ['strategy measurement 2010–15 (7 indicators, 5 computed)', '/api/reports/strategy-measurement/TC-STRATEGY-2010-15?asOf=2015-12-31'],
    ['donor progress report (one project)', `/api/reports/donor-progress/${project.id}?asOf=${new Date().toISOString().slice(0, 10)}`],
    ['country brief for the Resident Coordinator', `/api/reports/country-brief/${country.country_code}?asOf=${new Date().toISOString().slice(0, 10)}`],
  ] as const;
  const formats = chromiumPath() ? (['html', 'docx', 'xlsx', 'pdf'] as const) : (['html', 'docx', 'xlsx'] as const);
  const figures: Figure[] = [];
  for (const [what, path] of reports) {
    for (const format of formats) {
      const rounds = format === 'pdf' ? Math.min(5, ROUNDS) : ROUNDS;
      await measure(() => `${path}&format=${format}`, 1); // warm-up, not counted
      const times = await measure(() => `${path}&format=${format}`, rounds);
      figures.push({ what: `${what}, ${format.toUpperCase()} (${rounds} requests)`, values: spread(times) });
    }
  }
  recordFigures(`Reports on the demonstration data (${kind})`, `${serverUrl ? 'DATABASE_URL=… ' : ''}npx tsx bench/reports.ts ${ROUNDS}`, figures, ROUNDS, [
    'p50 ms',
    'p95 ms',
    'max ms',
  ]);
  const slow = figures.filter((f) => /HTML|DOCX/.test(f.what) && (f.values[2] ?? 0) > 3000);
  console.log(slow.length ? `over the 3 s target: ${slow.map((f) => f.what).join('; ')}` : 'every HTML and DOCX report within 3 s (max)');
} finally {
  await database.close();
  await cleanup();
}
