/**
 * Start-up benchmark: how long from launching `devcoop serve` to the first 200 from /api/health,
 * (a) on an empty data folder, including migrations, reference data and the demonstration data, and
 * (b) on an existing data folder. Each is run RUNS times; the figures go to docs/benchmarks.md.
 *
 *   npm run bench            (or: tsx bench/startup.ts [runs])
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Figure, recordFigures, stats } from './record.ts';

const RUNS = Number(process.argv[2] ?? 5);
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'devcoop.js');

async function timeToHealthy(dataDir: string, port: number): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--demo', '--port', String(port), '--data', dataDir], {
    env: { ...process.env, LOG_LEVEL: 'warn', DEVCOOP_ADMIN_PASSWORD: 'benchmark password', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return performance.now() - start;
      if (child.exitCode !== null) throw new Error(`devcoop exited with ${child.exitCode}`);
      if (performance.now() - start > 120_000) throw new Error('no healthy answer within 120 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const empty: number[] = [];
const existing: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'devcoop-bench-'));
  const port = 30000 + i;
  empty.push(await timeToHealthy(dir, port));
  existing.push(await timeToHealthy(dir, port));
  rmSync(dir, { recursive: true, force: true });
  console.log(`run ${i + 1}: empty ${empty[i]?.toFixed(0)} ms, existing ${existing[i]?.toFixed(0)} ms`);
}

const figures: Figure[] = [
  { what: 'empty data folder → migrated, reference data and demo loaded → first 200 from /api/health', values: stats(empty) },
  { what: 'existing data folder → first 200 from /api/health', values: stats(existing) },
];
recordFigures('Start-up (embedded database)', `npx tsx bench/startup.ts ${RUNS}`, figures, RUNS);
