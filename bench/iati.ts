/**
 * IATI benchmark: a file of about SIZE MB (default 100) generated from the real 2.0x files of
 * ../shared/iati/real (each activity repeated with a unique identifier), then
 *   - a streaming parse alone (the floor),
 *   - its validation as on upload (XSD in slices of records, codelists, rules), no database,
 *   - its import into an empty database (one transaction), and a second import of the same file (updates),
 *   - the export of the activity file for 20,000 projects (bench/portfolio-data.sql, its pipeline projects
 *     approved so that all 20,000 are published),
 * each step in a process of its own (bench/iati-step.ts), with that process's peak resident memory and JS
 * heap during the step. Figures go to docs/benchmarks.md.
 *
 *   npx tsx bench/iati.ts [SIZE_MB]                              PGlite
 *   npx tsx bench/iati.ts 500 --validate-only                    the validation of a file of 500 MB alone
 *   DATABASE_URL=postgres://… npx tsx bench/iati.ts [SIZE_MB]    PostgreSQL server (a bench database is created and dropped)
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemActor } from '../src/server/access/actor.ts';
import { openDatabase } from '../src/server/db/connect.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { refreshProjectFinance } from '../src/server/finance/project-finance.refresh.ts';
import { DEMO_PUBLISHER, setPublisher } from '../src/server/iati/iati-settings.service.ts';
import { loadReferenceData } from '../src/server/standards/load-reference.ts';
import { type BenchLocation, kind, openBenchDatabase, serverUrl } from './bench-kit.ts';
import { type Figure, recordFigures } from './record.ts';

const SIZE_MB = Number(process.argv[2] ?? 100);
/** --import-only: skip the export, whose 20,000-project portfolio takes long to generate on PGlite. */
const IMPORT_ONLY = process.argv.includes('--import-only');
/** --validate-only: the parse and the validation, no database. */
const VALIDATE_ONLY = process.argv.includes('--validate-only');
const REAL = join(import.meta.dirname, '..', '..', 'shared', 'iati', 'real');
const file = join(tmpdir(), `devcoop-iati-bench-${SIZE_MB}mb.xml`);

/** Activities of the real 2.0x files, as text: the material the big file repeats. */
function sourceActivities(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(REAL).filter((f) => f.endsWith('.xml') && (f.startsWith('hdx-') || f.startsWith('flattener-') || f.startsWith('iaticloud-')))) {
    const text = readFileSync(join(REAL, name), 'utf8');
    for (let i = text.indexOf('<iati-activity'); i >= 0; i = text.indexOf('<iati-activity', i + 1)) {
      if (text.startsWith('<iati-activities', i)) continue;
      const end = text.indexOf('</iati-activity>', i);
      if (end < 0) break;
      out.push(text.slice(i, end + '</iati-activity>'.length));
      i = end;
    }
  }
  return out;
}

async function generate(): Promise<{ activities: number; bytes: number }> {
  const sources = sourceActivities();
  const out = createWriteStream(file);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">\n');
  let bytes = 0;
  let n = 0;
  while (bytes < SIZE_MB * 1024 * 1024) {
    const a = (sources[n % sources.length] as string).replace(/<iati-identifier>\s*([^<]*?)\s*<\/iati-identifier>/, (_, id) => `<iati-identifier>${id}-B${n}</iati-identifier>`);
    await write(a);
    await write('\n');
    bytes += Buffer.byteLength(a) + 1;
    n++;
  }
  await write('</iati-activities>\n');
  await new Promise((resolve) => out.end(resolve));
  return { activities: n, bytes: statSync(file).size };
}

type Measured<T> = { result: T; seconds: number; peakMb: number; heapMb: number };

/** Runs one step in a child process of its own (bench/iati-step.ts), so the memory it reports is the step's. */
function measured<T>(what: string, step: 'parse' | 'validate' | 'import' | 'export', location: BenchLocation = { dataDir: '' }): Measured<T> {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'iati-step.ts'), step, file, JSON.stringify(location)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const m = JSON.parse(out.trim().split('\n').at(-1) as string) as Measured<T>;
  console.log(`${what}: ${m.seconds.toFixed(1)} s, peak RSS ${m.peakMb.toFixed(0)} MB, peak JS heap ${m.heapMb.toFixed(0)} MB`);
  return m;
}

const made = existsSync(file) ? { activities: Number.NaN, bytes: statSync(file).size } : await generate();
console.log(`${file}: ${(made.bytes / 1024 ** 2).toFixed(1)} MB`);

const parse = measured<number>('streaming parse alone', 'parse');
const activities = parse.result;
type Validated = { records: number; critical: number; error: number; warning: number };
const validated = measured<Validated>('validation (XSD, codelists, rules)', 'validate');
if (validated.result.records !== activities) throw new Error('the validation did not read every activity');
const mb = (made.bytes / 1024 ** 2).toFixed(0);
const validation: Figure[] = [
  { what: `streaming parse alone, ${mb} MB, ${activities} activities`, values: [parse.seconds, parse.peakMb, parse.heapMb] },
  {
    what: `validation as on upload (XSD in slices of records, codelists, rules): ${validated.result.critical} critical, ${validated.result.error} errors, ${validated.result.warning} warnings`,
    values: [validated.seconds, validated.peakMb, validated.heapMb],
  },
];
const UNITS = ['seconds', 'peak RSS MB', 'peak JS heap MB'];
if (VALIDATE_ONLY) {
  recordFigures(`IATI validation of a ${mb} MB file`, `npx tsx bench/iati.ts ${SIZE_MB} --validate-only`, validation, 1, UNITS);
  process.exit(0);
}

const { database, location, cleanup } = await openBenchDatabase();
await migrate(database.db);
await loadReferenceData(database.db);
await database.close(); // PGlite: one process at a time
type Imported = { imported: number; new: number; updated: number; transactions: number };
const first = measured<Imported>('import into an empty database', 'import', location);
const transactions = first.result.transactions;
const again = measured<Imported>('import again (every activity updated)', 'import', location);
if (first.result.imported !== activities || again.result.updated !== activities) throw new Error('the import did not take every activity');

let exported: Measured<{ bytes: number; count: number }> | null = null;
if (!IMPORT_ONLY) {
  const reopened = await openDatabase(location);
  for (const f of ['programming-data.sql', 'portfolio-data.sql']) await sql.raw(readFileSync(join(import.meta.dirname, f), 'utf8')).execute(reopened.db);
  await refreshProjectFinance(reopened.db);
  // The target is 20,000 activities: the portfolio's 4,000 pipeline projects are approved so every one is published.
  await sql`update projects set status = 'approved' where status in ('pipeline', 'appraisal')`.execute(reopened.db);
  // The generated portfolio is synthetic: it is published only under an example identifier (XE-EXAMPLE-…), as the demo is.
  await setPublisher(reopened.db, DEMO_PUBLISHER, systemActor('system', 'bench'));
  await sql`vacuum analyze`.execute(reopened.db);
  await reopened.close();
  exported = measured('export the activity file of 20,000 projects', 'export', location);
  if (exported.result.count !== 20_000) throw new Error(`the export published ${exported.result.count} activities, not 20,000`);
}
await cleanup();

const command = `${serverUrl ? 'DATABASE_URL=… ' : ''}npx tsx bench/iati.ts ${SIZE_MB}${IMPORT_ONLY ? ' --import-only' : ''}`;
const figures: Figure[] = [
  ...validation,
  { what: `import into an empty database: ${activities} activities, ${transactions} transactions, one transaction`, values: [first.seconds, first.peakMb, first.heapMb] },
  { what: 'import the same file again (all updated, nothing duplicated)', values: [again.seconds, again.peakMb, again.heapMb] },
];
if (exported)
  figures.push({
    what: `export the activity file: ${exported.result.count} activities, ${(exported.result.bytes / 1024 ** 2).toFixed(0)} MB`,
    values: [exported.seconds, exported.peakMb, exported.heapMb],
  });
recordFigures(`IATI import${IMPORT_ONLY ? '' : ' and export'} (${kind})`, command, figures, 1, UNITS);
