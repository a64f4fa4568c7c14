import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildProject } from '../../../test/factories/projects.ts';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildApp, Client, ok, settledJob } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { systemActor } from '../access/actor.ts';
import type { Database } from '../db/connect.ts';
import { importFinancialLines } from './financial-lines.apply.ts';

/*
 * The ERP import of a file over DEVCOOP_IMPORT_JOB_BYTES runs as a job (202 and its id); within it, the answer is the
 * report at once (200). The same importer either way: the job's result is the report the request would have given.
 */
let database: Database;
/** the same database, answered within the request (the default threshold) or as a job past 200 bytes */
let sync: Client;
let jobs: Client;
let viewer: Client;
let viewerId: string;
const MAPPING = JSON.stringify({ projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'Type' });
const url = (name: string, dryRun: boolean, extra = '') =>
  `/api/finance/imports?fileName=${encodeURIComponent(name)}&dryRun=${dryRun}&mapping=${encodeURIComponent(MAPPING)}${extra}`;
const post = (client: Client, name: string, body: string, dryRun = false, extra = '') =>
  client.request('POST', url(name, dryRun, extra), body, { 'Content-Type': 'application/octet-stream' });

const lines = (n: number, code = 'KEN/24/01') =>
  ['Project,Period,Amount,Currency,Line,Type', ...Array.from({ length: n }, (_, i) => `${code},2024-0${1 + (i % 9)},${100 + i}.50,USD,ERP-${i},expenditure`)].join('\n');
const CSV = lines(40);
const REFUSED = `${lines(20)}\nNOPE/99,2024-01,10.00,USD,ERP-X,expenditure`;

const stored = async () => (await database.db.selectFrom('financial_lines').select(['source_ref']).execute()).map((r) => r.source_ref);
const importsCount = async () => (await database.db.selectFrom('imports').select('id').execute()).length;

before(async () => {
  database = await openTestDatabase();
  sync = new Client(buildApp(database));
  const jobApp = buildApp(database, { DEVCOOP_IMPORT_JOB_BYTES: '200' });
  jobs = new Client(jobApp);
  viewer = new Client(jobApp);
  const hq = await buildOffice(database.db, { code: 'HQ' });
  const co = await buildOffice(database.db, { code: 'CO', officeType: 'country_office', parentId: hq.id });
  const officer = await buildUser(database.db, 'hq_officer');
  await sync.signIn(officer.email, TEST_PASSWORD);
  await jobs.signIn(officer.email, TEST_PASSWORD);
  const reader = await buildUser(database.db, 'viewer', { officeId: co.id });
  viewerId = reader.id;
  await viewer.signIn(reader.email, TEST_PASSWORD);
  await buildProject(database.db, { code: 'KEN/24/01', title: 'Youth jobs', officeId: co.id, status: 'active', activeOn: '2024-01-01' });
});
after(() => database.close());

describe('the ERP import of a large file, as a job', () => {
  test('a small file is answered at once; past the threshold, or with async=true, the answer is a job', async () => {
    const small = await post(jobs, 'small.csv', lines(2), true);
    assert.equal(small.status, 200, JSON.stringify(small.body));
    assert.equal(small.body.ok, true);
    const forced = await post(jobs, 'small.csv', lines(2), true, '&async=true');
    assert.equal(forced.status, 202, JSON.stringify(forced.body));
    const job = await settledJob(jobs, forced.body.jobId);
    assert.deepEqual([job.kind, job.status, job.title], ['finance.import', 'done', 'Check of small.csv']);
    assert.deepEqual(job.result, small.body, 'the same report');
  });

  test('a large import runs as a job to done, with the report of the synchronous path, its lines stored exactly once', async () => {
    const dry = ok(await post(sync, 'erp-2024.csv', CSV, true), 200);
    assert.deepEqual([dry.ok, dry.inserted], [true, 40]);

    const started = await post(jobs, 'erp-2024.csv', CSV);
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const job = await settledJob(jobs, started.body.jobId);
    assert.equal(job.status, 'done', job.error);
    assert.equal(job.progress, null, 'no progress once ended');
    assert.deepEqual(job.result, { ...dry, dryRun: false }, 'the report the request would have answered');

    const refs = await stored();
    assert.equal(refs.length, 40);
    assert.equal(new Set(refs).size, 40, 'each line once');
    assert.equal(await importsCount(), 1, 'one import recorded');
    const audits = await database.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'financial_import').execute();
    assert.equal(audits.length, 1);

    // The same file again, either way: nothing new (keyed by the ERP reference).
    const again = await settledJob(jobs, (await post(jobs, 'erp-2024.csv', CSV)).body.jobId);
    assert.deepEqual([again.result.inserted, again.result.unchanged, again.result.alreadyImported], [0, 40, true]);
    assert.deepEqual(ok(await post(sync, 'erp-2024.csv', CSV), 200), again.result);
    assert.equal((await stored()).length, 40);
    assert.equal(await importsCount(), 1);
  });

  test("a refused file's job is done with the refusal report (ok: false), and stores nothing", async () => {
    const before = [await stored(), await importsCount()];
    const syncReport = ok(await post(sync, 'refused.csv', REFUSED), 200);
    assert.equal(syncReport.ok, false);
    const started = await post(jobs, 'refused.csv', REFUSED);
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const job = await settledJob(jobs, started.body.jobId);
    assert.equal(job.status, 'done', job.error);
    assert.deepEqual(job.result, syncReport);
    assert.equal(job.result.ok, false);
    assert.ok(job.result.issues.some((i: { row: number; message: string }) => i.row === 22 && /Unknown project code NOPE\/99/.test(i.message)));
    assert.deepEqual([await stored(), await importsCount()], before, 'nothing stored');
  });

  test("the importer says how far it is as it works through the rows (the job's progress)", async () => {
    const shares: number[] = [];
    const file = { name: 'long.csv', bytes: new TextEncoder().encode(lines(4500)) };
    const report = await importFinancialLines(database.db, file, JSON.parse(MAPPING), { dryRun: true, progress: (s) => shares.push(s) }, systemActor('cli'));
    assert.equal(report.ok, true);
    assert.ok(shares.length >= 6, `reported ${shares.length} times`);
    assert.deepEqual(
      shares,
      [...shares].sort((x, y) => x - y),
      'never backwards',
    );
    assert.ok(shares.every((s) => s >= 0 && s <= 1));
    assert.ok(
      shares.some((s) => s > 0.1 && s < 0.5),
      'while the rows are parsed',
    );
  });

  test('a viewer (no finance.import) is refused before the upload is read', async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new TextEncoder().encode(CSV));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', Cookie: viewer.cookie ?? '', 'X-CSRF-Token': viewer.csrf ?? '' };
    const res = await viewer.app.request(url('big.csv', false), { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    assert.equal(res.status, 403, await res.text());
    assert.equal(pulled, false, 'not a byte read');
    assert.equal((await post(viewer, 'big.csv', CSV)).status, 403);
    assert.deepEqual(await database.db.selectFrom('jobs').select('id').where('actor_id', '=', viewerId).execute(), [], 'no job for the viewer');
  });
});
