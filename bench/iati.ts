/**
 * IATI benchmark: a file of about SIZE MB (default 100) generated from the real 2.0x files of
 * ../shared/iati/real (each activity repeated with a unique identifier), then
 *   - a streaming parse alone (the floor),
 *   - its import into an empty database (one transaction), and a second import of the same file (updates),
 *   - the export of the activity file for 20,000 projects (bench/portfolio-data.sql),
 * with the peak resident memory of the process during each step. Figures go to docs/benchmarks.md.
 *
 *   npx tsx --expose-gc bench/iati.ts [SIZE_MB]                              PGlite
 *   DATABASE_URL=postgres://… npx tsx --expose-gc bench/iati.ts [SIZE_MB]    PostgreSQL server (a bench database is created and dropped)
 */
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemActor } from '../src/server/access/actor.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { refreshProjectFinance } from '../src/server/finance/project-finance.refresh.ts';
import { activityFile } from '../src/server/iati/iati-export.load.ts';
import { importIatiFile } from '../src/server/iati/iati-import.apply.ts';
import { readIatiXml } from '../src/server/iati/iati-xml.reader.ts';
import { loadReferenceData } from '../src/server/reference/load-reference.ts';
import { kind, openBenchDatabase, serverUrl } from './bench-kit.ts';
import { type Figure, recordFigures } from './record.ts';

const SIZE_MB = Number(process.argv[2] ?? 100);
/** --import-only: skip the export, whose 20,000-project portfolio takes long to generate on PGlite. */
const IMPORT_ONLY = process.argv.includes('--import-only');
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

/** Runs a step and reports its seconds and the peak resident memory seen during it (sampled every 20 ms). */
async function measured<T>(what: string, step: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number; heapMb: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  const t = performance.now();
  const result = await step();
  const seconds = (performance.now() - t) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const peakMb = peak / 1024 ** 2;
  const heapMb = heap / 1024 ** 2;
  console.log(`${what}: ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB, peak JS heap ${heapMb.toFixed(0)} MB`);
  return { result, seconds, peakMb, heapMb };
}

const made = existsSync(file) ? { activities: Number.NaN, bytes: statSync(file).size } : await generate();
console.log(`${file}: ${(made.bytes / 1024 ** 2).toFixed(1)} MB`);

const parse = await measured('streaming parse alone', () => readIatiXml(createReadStream(file), { record: () => {} }));
const activities = parse.result.records;

const { database, cleanup } = await openBenchDatabase();
const db = database.db;
await migrate(db);
await loadReferenceData(db);
const actor = systemActor('import', 'bench');
const first = await measured('import into an empty database', () => importIatiFile(db, createReadStream(file), { name: 'bench.xml', bytes: made.bytes }, actor));
const transactions = first.result.transactions.imported;
const again = await measured('import again (every activity updated)', () => importIatiFile(db, createReadStream(file), { name: 'bench.xml', bytes: made.bytes }, actor));
if (first.result.activities.imported !== activities || again.result.activities.updated !== activities) throw new Error('the import did not take every activity');

let exported: Awaited<ReturnType<typeof exportAll>> | null = null;
if (!IMPORT_ONLY) {
  for (const f of ['programming-data.sql', 'portfolio-data.sql']) await sql.raw(readFileSync(join(import.meta.dirname, f), 'utf8')).execute(db);
  await refreshProjectFinance(db);
  await sql`analyze`.execute(db);
  exported = await exportAll();
}
function exportAll() {
  return measured('export the activity file of 20,000 projects', async () => {
    let bytes = 0;
    let count = 0;
    const progress = (done: number) => {
      count = done;
    };
    for await (const chunk of activityFile(db, { progress })) bytes += chunk.length;
    return { bytes, count };
  });
}
await database.close();
await cleanup();

const command = `${serverUrl ? 'DATABASE_URL=… ' : ''}npx tsx --expose-gc bench/iati.ts ${SIZE_MB}${IMPORT_ONLY ? ' --import-only' : ''}`;
const mb = (made.bytes / 1024 ** 2).toFixed(0);
const figures: Figure[] = [
  { what: `streaming parse alone, ${mb} MB, ${activities} activities`, values: [parse.seconds, parse.peakMb, parse.heapMb] },
  { what: `import into an empty database: ${activities} activities, ${transactions} transactions, one transaction`, values: [first.seconds, first.peakMb, first.heapMb] },
  { what: 'import the same file again (all updated, nothing duplicated)', values: [again.seconds, again.peakMb, again.heapMb] },
];
if (exported)
  figures.push({
    what: `export the activity file: ${exported.result.count} activities (of 20,000 projects, 16,000 published), ${(exported.result.bytes / 1024 ** 2).toFixed(0)} MB`,
    values: [exported.seconds, exported.peakMb, exported.heapMb],
  });
recordFigures(`IATI import${IMPORT_ONLY ? '' : ' and export'} (${kind})`, command, figures, 1, ['seconds', 'peak RSS MB', 'peak JS heap MB']);
