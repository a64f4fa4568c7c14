/**
 * Country-programming benchmark: 190 countries × 3 cycles × 30 outcomes × 5 indicators × 10 periods
 * (bench/programming-data.sql), then the country page's API calls and the portfolio alignment view,
 * each requested many times through the app (in process, as app.request(), so HTTP parsing is not
 * measured). Reports p50/p95 per call on the embedded database, and on the PostgreSQL server when
 * DATABASE_URL is set.
 *
 *   npx tsx bench/programming.ts                       PGlite
 *   DATABASE_URL=postgres://… npx tsx bench/programming.ts   PostgreSQL server (a bench database is created and dropped)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrate } from '../src/server/db/migrate.ts';
import { loadReferenceData } from '../src/server/standards/load-reference.ts';
import { benchApp, kind, openBenchDatabase, serverUrl, spread } from './bench-kit.ts';
import { type Figure, recordFigures } from './record.ts';

const ROUNDS = Number(process.argv[2] ?? 200);

const { database, cleanup } = await openBenchDatabase();
const t0 = performance.now();
await migrate(database.db);
await loadReferenceData(database.db);
await sql.raw(readFileSync(join(import.meta.dirname, 'programming-data.sql'), 'utf8')).execute(database.db);
const counts = await sql<Record<string, number>>`select
  (select count(*) from country_profiles) as countries, (select count(*) from cf_cycles) as cycles,
  (select count(*) from cf_outcomes) as outcomes, (select count(*) from indicators) as indicators,
  (select count(*) from indicator_targets) as targets, (select count(*) from cpos) as cpos`.execute(database.db);
console.log(`${kind}: generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`, counts.rows[0]);

const { measure } = await benchApp(database);
const codes = (await database.db.selectFrom('country_profiles').select('country_code').execute()).map((r) => r.country_code);

const pick = (i: number) => codes[(i * 37) % codes.length] as string;
await measure((i) => `/api/countries/${pick(i)}/page`, 20); // warm-up
const calls: [string, (i: number) => string, number][] = [
  ['country page: GET /api/countries/{code}/page', (i) => `/api/countries/${pick(i)}/page`, ROUNDS],
  ['country page: GET /api/countries/{code}/alignment', (i) => `/api/countries/${pick(i)}/alignment`, ROUNDS],
  ['country page: GET /api/calendar?country={code}', (i) => `/api/calendar?country=${pick(i)}`, ROUNDS],
  ['portfolio: GET /api/alignment/portfolio', () => '/api/alignment/portfolio', Math.max(20, ROUNDS / 4)],
  ['calendar: GET /api/calendar (all countries, 24 months)', () => '/api/calendar', Math.max(20, ROUNDS / 4)],
];
const figures: Figure[] = [];
for (const [what, path, rounds] of calls) {
  const times = await measure(path, rounds);
  const values = spread(times);
  console.log(`${what}: p50 ${values[0]?.toFixed(1)} ms, p95 ${values[1]?.toFixed(1)} ms, max ${values[2]?.toFixed(1)} ms`);
  figures.push({ what: `${what} (${rounds} requests)`, values });
}
await database.close();
await cleanup();
recordFigures(`Country programming API (${kind})`, `${serverUrl ? 'DATABASE_URL=… ' : ''}npx tsx bench/programming.ts ${ROUNDS}`, figures, ROUNDS, ['p50 ms', 'p95 ms', 'max ms']);
