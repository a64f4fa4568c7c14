/**
 * What every API benchmark shares: a throw-away database (a PGlite folder, or a database created on the
 * PostgreSQL server of DATABASE_URL and dropped afterwards), the app in process with a signed-in user,
 * and timing of requests (app.request(): HTTP parsing is not measured).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { systemActor } from '../src/server/access/actor.ts';
import { createApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/connect.ts';
import { createLogger } from '../src/server/logger.ts';
import { createUser } from '../src/server/modules/users/users.service.ts';
import { percentile } from './record.ts';

export const serverUrl = process.env.DATABASE_URL;
export const kind = serverUrl ? 'PostgreSQL server' : 'PGlite';

/** Where a bench database lives, so that a child process can open it too (one process at a time for PGlite). */
export type BenchLocation = { databaseUrl?: string; dataDir: string };

export async function openBenchDatabase(): Promise<{ database: Database; location: BenchLocation; cleanup: () => Promise<void> }> {
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'devcoop-bench-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, location: { dataDir: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `devcoop_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  return {
    database,
    location: { databaseUrl: url.toString(), dataDir: '' },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/** The app over the database, signed in as an HQ officer (who sees everything). */
export async function benchApp(database: Database) {
  await createUser(database.db, { email: 'bench@example.org', name: 'Bench', password: 'benchmark password', role: 'hq_officer' }, systemActor('system', 'bench'));
  const app = createApp({ db: database.db, dbKind: database.kind, config: loadConfig({ LOG_LEVEL: 'silent' }, 'bench'), logger: createLogger('silent') });
  const login = await app.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.org', password: 'benchmark password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  /** Requests `path(i)` `rounds` times; every answer must be 200. Returns the times in ms. */
  async function measure(path: (i: number) => string, rounds: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      const res = await app.request(path(i), { headers: { Cookie: cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path(i)} answered ${res.status}`);
      times.push(performance.now() - start);
    }
    return times;
  }
  return { app, cookie, measure };
}

/** p50, p95 and max of a set of timings. */
export const spread = (times: number[]) => [percentile(times, 50), percentile(times, 95), Math.max(...times)];
