import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';
import { recoverJobs } from './job-recovery.ts';
import { RUNNER } from './job-runner.ts';
import { STOPPED } from './jobs.service.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'devcoop.js');
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** An IATI activity file of `n` activities of another publisher, each with two transactions: a few seconds to import. */
function iatiFile(n: number, tag: string): string {
  const activity = (i: number) =>
    `<iati-activity default-currency="USD"><iati-identifier>XE-EXAMPLE-CRASH-${tag}-${i}</iati-identifier><reporting-org ref="XE-EXAMPLE-CRASH" type="10"><narrative>Crash trial publisher</narrative></reporting-org><title><narrative>Crash trial activity ${i}</narrative></title><activity-status code="2"/><activity-date type="1" iso-date="2024-01-01"/><transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-15"/><value value-date="2024-01-15">1000</value></transaction><transaction><transaction-type code="3"/><transaction-date iso-date="2024-02-15"/><value value-date="2024-02-15">400</value></transaction></iati-activity>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">${Array.from({ length: n }, (_, i) => activity(i)).join('\n')}</iati-activities>`;
}

describe('jobs of a stopped process (in process)', () => {
  let database: Database;
  let uploads: string;
  before(async () => {
    database = await openTestDatabase();
    uploads = mkdtempSync(join(tmpdir(), 'devcoop-uploads-'));
  });
  after(async () => {
    await database.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  test('a job of another runner not heard from is failed, saying nothing of it was stored; a live one and its upload are kept; ended jobs lose their uploads', async () => {
    const { db, kind } = database;
    const row = (runner: string, heartbeat: string, status = 'running') => ({
      kind: 'iati.import',
      title: 'Import of x.xml',
      actor_id: null,
      actor_label: 'test',
      result: null,
      error: null,
      finished_at: null,
      status,
      runner,
      heartbeat_at: heartbeat,
    });
    const [dead, live, done] = await db
      .insertInto('jobs')
      .values([
        row('a-stopped-process', '2020-01-01T00:00:00Z'),
        row('another-live-process', new Date().toISOString()),
        row('another-live-process', '2020-01-01T00:00:00Z', 'done'),
      ])
      .returning('id')
      .execute();
    for (const j of [dead, live, done]) writeFileSync(join(uploads, `${j?.id}.upload`), 'x');
    const receiving = join(uploads, '00000000-0000-4000-8000-000000000000.upload'); // no job yet: being received
    writeFileSync(receiving, 'x');
    const leftLongAgo = join(uploads, '00000000-0000-4000-8000-000000000001.upload');
    writeFileSync(leftLongAgo, 'x');
    utimesSync(leftLongAgo, new Date('2020-01-01'), new Date('2020-01-01'));
    writeFileSync(join(uploads, 'notes.txt'), 'not an upload: left alone');

    const { failed } = await recoverJobs({ db, dbKind: kind, config: { uploadsDir: uploads, jobStaleSeconds: 60 }, logger: silent });
    const status = async (id: string | undefined) =>
      db
        .selectFrom('jobs')
        .select(['status', 'error'])
        .where('id', '=', id as string)
        .executeTakeFirstOrThrow();
    assert.deepEqual(await status(dead?.id), { status: 'failed', error: STOPPED });
    assert.match(STOPPED, /nothing of it was stored: run it again/);
    assert.equal((await status(done?.id)).status, 'done', 'a finished job keeps its outcome');
    const left = readdirSync(uploads).sort();
    assert.ok(left.includes('notes.txt'));
    assert.ok(!left.includes(`${dead?.id}.upload`), "a failed job's upload is removed");
    assert.ok(!left.includes(`${done?.id}.upload`), "a finished job's upload is removed");
    assert.ok(!left.includes('00000000-0000-4000-8000-000000000001.upload'), 'an upload left an hour ago with no job is removed');
    if (kind === 'postgres') {
      // A server is shared: another process heard from a moment ago still runs its job and reads its upload.
      assert.deepEqual(failed, [dead?.id]);
      assert.equal((await status(live?.id)).status, 'running');
      assert.ok(left.includes(`${live?.id}.upload`));
      assert.ok(left.includes('00000000-0000-4000-8000-000000000000.upload'), 'an upload still arriving at another process is kept');
    } else {
      // The embedded database belongs to this process alone: every running job there is a dead one.
      assert.deepEqual(failed.sort(), [dead?.id, live?.id].sort());
      assert.deepEqual(left, ['notes.txt']);
    }
    assert.notEqual(RUNNER, 'a-stopped-process');
  });
});

describe('kill -9 during an import job, then a restart (real server processes)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'devcoop-crash-'));
  const uploads = join(dataDir, 'uploads-here');
  const admin = { email: 'ops@example.org', password: 'a long crash-trial password' };
  let env: NodeJS.ProcessEnv;
  let dropDatabase: (() => Promise<void>) | undefined;
  const children = new Set<ChildProcess>();

  before(async () => {
    env = {
      ...process.env,
      DEVCOOP_DATA: dataDir,
      DEVCOOP_UPLOADS: uploads,
      DEVCOOP_JOB_STALE_SECONDS: '2',
      LOG_LEVEL: 'warn',
      DEVCOOP_ADMIN_EMAIL: admin.email,
      DEVCOOP_ADMIN_PASSWORD: admin.password,
    };
    if (process.env.DATABASE_URL) {
      const database = await openTestDatabase();
      await database.db.destroy();
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${database.location.split('/').pop()}`;
      env.DATABASE_URL = url.toString();
      dropDatabase = database.close;
    } else {
      mkdirSync(dataDir, { recursive: true });
      cpSync(process.env.DEVCOOP_TEST_PGLITE_TEMPLATE as string, join(dataDir, 'pgdata'), { recursive: true });
    }
    const created = spawnSync(process.execPath, [bin, 'user', 'create', '--email', admin.email, '--name', 'Operations', '--role', 'admin', '--password', admin.password], {
      env,
      encoding: 'utf8',
    });
    assert.equal(created.status, 0, created.stderr);
  });
  after(async () => {
    for (const child of children) child.kill('SIGKILL'); // a failed assertion must not leave a server running
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase?.().catch(() => {});
  });

  /** `devcoop serve` on a free port, signed in as the administrator. */
  async function server() {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    child.once('exit', () => children.delete(child));
    let out = '';
    child.stderr?.on('data', (d) => {
      out += d;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 60_000);
      child.stdout?.on('data', (d) => {
        if (String(d).includes('is running at')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(admin) });
    assert.equal(signIn.status, 200);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const get = async (path: string) => (await fetch(`${base}${path}`, { headers: { Cookie: cookie } })).json() as Promise<any>;
    const importFile = async (name: string, body: string) => {
      const res = await fetch(`${base}/api/iati/imports?fileName=${name}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/octet-stream' },
        body,
      });
      assert.equal(res.status, 202);
      return ((await res.json()) as { jobId: string }).jobId;
    };
    const kill = async () => {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    };
    /**
     * The job once this server has judged it: at once on the embedded database (this process owns it, so any running job
     * there is dead); on a shared PostgreSQL server when the killed process has been silent for DEVCOOP_JOB_STALE_SECONDS
     * (2 s here), then its upload is swept in the same pass.
     */
    const judged = async (id: string) => {
      for (let i = 0; ; i++) {
        const job = await get(`/api/jobs/${id}`);
        if (job.status !== 'running' && readdirSync(uploads).length === 0) return job;
        if (!process.env.DATABASE_URL || i > 100) return job;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    /** SIGTERM, as a service manager stops a server: the exit code. */
    const terminate = async () => {
      const gone = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      return gone;
    };
    return { get, importFile, kill, terminate, judged };
  }

  test('a job killed while it works reads failed after the restart and stored nothing; its upload is gone; a job killed at any moment is done only if its data is there', async () => {
    const first = await server();
    // 100,000 activities take far longer than 2 s to import (40,000 took 5 s here); on PGlite a request for the job's
    // progress would wait for the import's transaction, so the kill comes after a set time.
    const jobId = await first.importFile('crash-1.xml', iatiFile(100_000, 'A'));
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(readdirSync(uploads).length, 1, 'the upload waits in the uploads folder while its job runs');
    await first.kill();

    const second = await server();
    const job = await second.judged(jobId);
    assert.equal(job.status, 'failed', 'not running forever');
    assert.equal(job.error, STOPPED);
    assert.equal((await second.get('/api/iati/activities?q=XE-EXAMPLE-CRASH-A')).total, 0, 'nothing of the killed import was stored');
    assert.deepEqual(readdirSync(uploads), [], 'the upload of the killed job was swept at start');

    // Killed at moments up to and past its end: a job reads done exactly when its data was committed.
    const trials: { delay: number; status: string; stored: number }[] = [];
    let current = second;
    for (const [i, delay] of [0, 300, 600, 900, 1200, 15_000].entries()) {
      const tag = `T${i}`;
      const id = await current.importFile(`crash-${tag}.xml`, iatiFile(8_000, tag));
      await new Promise((r) => setTimeout(r, delay));
      await current.kill();
      current = await server();
      const after = await current.judged(id);
      const stored = (await current.get(`/api/iati/activities?q=XE-EXAMPLE-CRASH-${tag}-&limit=1`)).total as number;
      trials.push({ delay, status: after.status, stored });
      assert.notEqual(after.status, 'running', `killed after ${delay} ms: never running forever`);
      assert.equal(after.status === 'done', stored === 8_000, `killed after ${delay} ms: done exactly when all its activities are stored (${JSON.stringify(trials)})`);
      if (after.status === 'failed') assert.equal(stored, 0, 'a failed import stored nothing');
      assert.deepEqual(readdirSync(uploads), [], `killed after ${delay} ms: no upload left`);
    }
    assert.ok(
      trials.some((t) => t.status === 'done'),
      `one trial at least lets the import finish: ${JSON.stringify(trials)}`,
    );
    assert.ok(existsSync(uploads));

    // Stopped politely (SIGTERM) while an import runs: the server lets the job finish before it exits.
    const id = await current.importFile('crash-term.xml', iatiFile(8_000, 'TERM'));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await current.terminate(), 0, 'a clean exit');
    const last = await server();
    const ended = await last.get(`/api/jobs/${id}`);
    assert.equal(ended.status, 'done', `the running job finished before the server stopped: ${JSON.stringify(ended)}`);
    assert.equal((await last.get('/api/iati/activities?q=XE-EXAMPLE-CRASH-TERM-&limit=1')).total, 8_000);
    await last.kill();
  });
});
