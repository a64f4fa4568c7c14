import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { systemActor } from '../access/actor.ts';
import { loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import { iatiCheckJob } from '../iati/iati-check.job.ts';
import { iatiImportJob } from '../iati/iati-import.job.ts';
import { IATI_JOB_KINDS } from '../iati/iati-jobs.ts';
import { iatiValidateJob } from '../iati/iati-validate.job.ts';
import { createLogger } from '../logger.ts';
import { registerJobKinds } from './job-kinds.ts';
import { claimNextJob, JobRunner, RUNNER, runnerFor } from './job-runner.ts';
import { getJob, startJob, startUploadJob } from './jobs.service.ts';
import { uploadPath } from './uploads.ts';

const actor = systemActor('system', 'job runner test');
let database: Database;
let deps: Deps;
let uploads: string;

before(async () => {
  registerJobKinds(IATI_JOB_KINDS);
  database = await openTestDatabase();
  uploads = mkdtempSync(join(tmpdir(), 'devcoop-runner-'));
  deps = {
    db: database.db,
    dbKind: database.kind,
    config: loadConfig({ DEVCOOP_DATA: '/nonexistent', DEVCOOP_UPLOADS: uploads, LOG_LEVEL: 'silent' }, 'test'),
    logger: createLogger('silent'),
  };
});
after(async () => {
  await database.close();
  rmSync(uploads, { recursive: true, force: true });
});

const body = (text: string) => new Response(text).body;

/** An upload as receiveUpload leaves it: a file named by the job's id. */
function uploaded(xml: string) {
  const jobId = crypto.randomUUID();
  writeFileSync(uploadPath(uploads, jobId), xml);
  return { jobId, bytes: Buffer.byteLength(xml) };
}

const bigFile = (n: number) =>
  `<iati-activities version="2.03">${Array.from(
    { length: n },
    (_, i) =>
      `<iati-activity><iati-identifier>XE-EXAMPLE-R-${i}</iati-identifier><reporting-org ref="XE-EXAMPLE-R" type="10"><narrative>R</narrative></reporting-org><title><narrative>Activity ${i}</narrative></title></iati-activity>`,
  ).join('\n')}</iati-activities>`;

/** A job row queued by hand, as startJob would store it, so that no runner of this process is woken for it. */
const queuedRow = (j: { kind: string; title: string; payload: unknown; runner: string | null }) => ({
  kind: j.kind,
  status: 'queued',
  title: j.title,
  payload: JSON.stringify(j.payload),
  actor: JSON.stringify(actor),
  actor_id: null,
  actor_label: actor.label,
  result: null,
  error: null,
  finished_at: null,
  runner: j.runner,
  heartbeat_at: null,
});

async function settled(id: string) {
  for (let i = 0; i < 600; i++) {
    const job = await getJob(database.db, id, actor);
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the job did not end');
}

describe('jobs as units: a kind, a payload, a queue', () => {
  test("a payload that breaks its kind's schema is refused, nothing queued and the upload removed; the kind's right is checked before the upload is read", async () => {
    const before = await database.db.selectFrom('jobs').select('id').execute();
    await assert.rejects(
      startUploadJob(deps, actor, iatiValidateJob, body('<iati-activities version="2.03"/>'), (bytes) => ({ fileName: '', bytes })),
      /fileName/,
    );
    assert.deepEqual(readdirSync(uploads), [], 'the refused upload is removed');
    await assert.rejects(startJob(deps, actor, iatiValidateJob, { fileName: 'x.xml', bytes: 1 }), /reads an upload/);
    const constituent = { ...actor, role: 'constituent_viewer' as const, countryCode: 'IN' };
    let read = false;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const watched = new ReadableStream<Uint8Array>(
      {
        pull() {
          read = true;
        },
      },
      { highWaterMark: 0 },
    );
    await assert.rejects(
      startUploadJob(deps, constituent, iatiImportJob, watched, (bytes) => ({ fileName: 'x.xml', bytes })),
      /does not allow iati.import/,
    );
    assert.equal(read, false, 'not a byte read for a refused actor');
    assert.equal((await database.db.selectFrom('jobs').select('id').execute()).length, before.length);
  });

  test('a queued job is run by the runner and its upload removed; the job carries its payload and who asked', async () => {
    const xml = bigFile(3);
    const file = { bytes: Buffer.byteLength(xml) };
    const { id } = await startUploadJob(deps, actor, iatiValidateJob, body(xml), (bytes) => ({ fileName: 'three.xml', bytes }));
    const row = await database.db.selectFrom('jobs').select(['kind', 'payload', 'actor', 'progress_total', 'progress_unit']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row.payload, { fileName: 'three.xml', bytes: file.bytes });
    assert.equal((row.actor as { label: string }).label, 'job runner test');
    assert.deepEqual([Number(row.progress_total), row.progress_unit], [file.bytes, 'bytes']);
    const job = await settled(id);
    assert.equal(job.status, 'done');
    assert.equal((job.result as { fileName: string }).fileName, 'three.xml');
    // Removed as the job ends, just after its outcome is stored.
    for (let i = 0; i < 100 && existsSync(uploadPath(uploads, id)); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(existsSync(uploadPath(uploads, id)), false, 'the upload is removed');
  });

  test('claims from two connections at once never take the same job (FOR UPDATE SKIP LOCKED)', async () => {
    // The runner startJob woke would claim these too: stopped, it takes no new job (and wake() does nothing).
    assert.equal(await runnerFor(deps).stop(10_000), 0);
    // Queued by hand, so that no runner of this process takes them first.
    const ids = (
      await database.db
        .insertInto('jobs')
        .values(Array.from({ length: 8 }, () => queuedRow({ kind: iatiCheckJob.kind, title: 'claim race', payload: {}, runner: null })))
        .returning('id')
        .execute()
    ).map((r) => r.id);
    // A second connection where the database allows one (a server); PGlite has one connection, taken in turn.
    const other =
      database.kind === 'postgres'
        ? await openDatabase({ databaseUrl: process.env.DATABASE_URL?.replace(/\/[^/]*$/, `/${database.location.split('/').pop()}`), dataDir: '' })
        : database;
    try {
      const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => claimNextJob(i % 2 ? other.db : database.db)));
      const claimed = claims.filter((c) => c !== undefined).map((c) => c.id);
      assert.equal(claimed.length, 8, 'each job claimed, the last four claims find nothing');
      assert.deepEqual([...new Set(claimed)].sort(), [...ids].sort(), 'no job claimed twice');
    } finally {
      if (other !== database) await other.close();
      await database.db.updateTable('jobs').set({ status: 'failed', error: 'test' }).where('id', 'in', ids).execute();
    }
  });

  test('stopping waits for the running job to finish', async () => {
    const runner = new JobRunner(deps);
    const file = uploaded(bigFile(20_000));
    // Queued by hand (the shared runner is stopped), pinned to this process as an upload's job is.
    await database.db
      .insertInto('jobs')
      .values({ id: file.jobId, ...queuedRow({ kind: iatiValidateJob.kind, title: 'stop test', payload: { fileName: 'big.xml', bytes: file.bytes }, runner: RUNNER }) })
      .execute();
    runner.wake();
    for (let i = 0; i < 200; i++) {
      const row = await database.db.selectFrom('jobs').select('status').where('id', '=', file.jobId).executeTakeFirstOrThrow();
      if (row.status === 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    if (database.kind === 'postgres') {
      // Any process sharing the server reads how far the job is: its progress is stored every second.
      let stored = 0;
      for (let i = 0; i < 100 && stored === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        stored = Number((await database.db.selectFrom('jobs').select('progress_done').where('id', '=', file.jobId).executeTakeFirstOrThrow()).progress_done);
      }
      assert.ok(stored > 0 && stored <= file.bytes, `progress stored while it runs: ${stored} of ${file.bytes} bytes`);
    }
    assert.equal(await runner.stop(60_000), 0, 'nothing left running');
    const job = await getJob(database.db, file.jobId, actor);
    assert.equal(job.status, 'done', 'the running job was let finish');
    assert.equal((job.result as { records: number }).records, 20_000);
  });
});
