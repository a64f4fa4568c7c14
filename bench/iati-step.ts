/**
 * One step of the IATI benchmark, in a process of its own so that its peak memory is its own (bench/iati.ts
 * runs each step this way): `parse`, `validate`, `import` or `export`, on the file and database named by the parent.
 * Prints one JSON line: seconds, peak resident memory and peak JS heap of this process during the step.
 *
 *   node --expose-gc --import tsx bench/iati-step.ts STEP FILE '{"dataDir": …}'
 */
import { createReadStream, statSync } from 'node:fs';
import { systemActor } from '../src/server/access/actor.ts';
import { openDatabase } from '../src/server/db/connect.ts';
import { limitHeapGrowth } from '../src/server/heap.ts';
import { activityFile } from '../src/server/iati/iati-export.read.ts';
import { importIatiFile } from '../src/server/iati/iati-import.apply.ts';
import { validateIatiFile } from '../src/server/iati/iati-validate.ts';
import { readIatiXml } from '../src/server/iati/iati-xml.reader.ts';
import type { BenchLocation } from './bench-kit.ts';

// As the devcoop command does (bin/devcoop.js): the step measures the product's memory.
limitHeapGrowth();

const [step, file, where] = process.argv.slice(2) as [string, string, string];
const location = JSON.parse(where) as BenchLocation;

/** Runs the step, sampling this process's resident memory and JS heap every 20 ms. */
async function measured<T>(run: () => Promise<T>) {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  const t = performance.now();
  const result = await run();
  const seconds = (performance.now() - t) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, seconds, peakMb: peak / 1024 ** 2, heapMb: heap / 1024 ** 2 };
}

if (step === 'parse') {
  console.log(JSON.stringify(await measured(async () => (await readIatiXml(createReadStream(file), { record: () => {} })).records)));
} else if (step === 'validate') {
  const out = await measured(async () => {
    const r = await validateIatiFile({ path: file });
    return { records: r.records, ...r.counts };
  });
  console.log(JSON.stringify(out));
} else {
  const database = await openDatabase(location);
  const db = database.db;
  const out =
    step === 'import'
      ? await measured(async () => {
          const r = await importIatiFile(db, createReadStream(file), { name: 'bench.xml', bytes: statSync(file).size }, systemActor('import', 'bench'));
          return { imported: r.activities.imported, new: r.activities.new, updated: r.activities.updated, transactions: r.transactions.imported };
        })
      : await measured(async () => {
          let bytes = 0;
          let count = 0;
          for await (const chunk of activityFile(db, { progress: (done) => (count = done) })) bytes += chunk.length;
          return { bytes, count };
        });
  await database.close();
  console.log(JSON.stringify(out));
}
