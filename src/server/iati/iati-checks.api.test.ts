import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildPartner, buildProject, signedInAs } from '../../../test/factories.ts';
import { buildApp, Client, ok, settledJob } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { systemActor } from '../access/actor.ts';
import type { Database } from '../db/connect.ts';
import { createDocument, updateDocument } from '../modules/projects/project-documents.service.ts';

/*
 * POST /api/iati/checks on a portfolio with something to publish (the empty database is iati-publish.api.test.ts):
 *   KEN/24/01 active, complete                        → published, no finding
 *   KEN/24/02 approved, a document whose category was stored before the codelist check (B99, no such code)
 *                                                      → published, one codelist error tied to the project
 *   KEN/24/03 active, confidential, the same bad document → never in the file, so never in the check
 */
let database: Database;
let app: ReturnType<typeof buildApp>;
const ids: Record<string, string> = {};
const system = systemActor('system', 'test');

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const db = database.db;
  const root = await buildOffice(db, { code: 'HQ' });
  const co = await buildOffice(db, { code: 'CO-KE', officeType: 'country_office', parentId: root.id, countryCode: 'KE' });
  ids.co = co.id;
  ids.partner = (await buildPartner(db, 'Donor A')).id;
  const complete = { officeId: co.id, sdgTargets: ['8.6'], markers: { gender: 1, standards: 1, socialDialogue: 1 } };
  ids.good = (await buildProject(db, { ...complete, code: 'KEN/24/01', title: 'Jobs for youth', status: 'active', activeOn: '2024-01-10' })).id;
  ids.flawed = (await buildProject(db, { ...complete, code: 'KEN/24/02', title: 'Skills for trade', status: 'approved' })).id;
  ids.hidden = (await buildProject(db, { ...complete, code: 'KEN/24/03', title: 'Quiet work', status: 'active', confidential: true })).id;
  for (const project of [ids.flawed, ids.hidden]) {
    const doc = await createDocument(
      db,
      project,
      { title: 'Project summary', url: 'https://example.org/summary.pdf', format: 'application/pdf', category: 'A02', language: 'en' },
      system,
    );
    // A category the service refuses today, as data stored before the check existed would hold.
    await db
      .updateTable('project_documents')
      .set({ category: 'B99' })
      .where('id', '=', doc.id as string)
      .execute();
  }
});
after(() => database.close());

const check = async (client: Client) => {
  const started = ok(await client.post('/api/iati/checks', {}), 202);
  assert.match(started.jobId, /^[0-9a-f-]{36}$/);
  const job = await settledJob(client, started.jobId);
  assert.deepEqual([job.kind, job.status, job.error], ['iati.check', 'done', null], JSON.stringify(job));
  return { jobId: started.jobId as string, report: job.result };
};

describe('POST /api/iati/checks', () => {
  test('a job generates the published file and validates it: activities counted, each finding tied to its project, the confidential one absent', async () => {
    const viewer = await signedInAs(app, database.db, 'viewer', { officeId: ids.co });
    const { report } = await check(viewer);
    assert.equal(report.fileName, 'activities.xml');
    assert.equal(report.version, '2.03');
    assert.equal(report.records, 2, 'KEN/24/01 and KEN/24/02; the confidential project is not published');
    assert.deepEqual([report.valid, report.counts], [false, { critical: 0, error: 1, warning: 0 }]);
    assert.deepEqual(report.file, []);
    assert.equal(report.withFindings.length, 1);
    const [flawed] = report.withFindings;
    assert.deepEqual(flawed.project, { id: ids.flawed, code: 'KEN/24/02', title: 'Skills for trade' });
    assert.equal(flawed.outcome, null);
    assert.match(flawed.identifier, /-KEN-24-02$/);
    assert.deepEqual(
      flawed.findings.map((f: Record<string, unknown>) => [f.severity, f.rule, f.codelist, f.path, f.value]),
      [['error', 'codelist', 'DocumentCategory', 'document-link/category/@code', 'B99']],
    );
    assert.equal(typeof flawed.findings[0].line, 'number');
  });

  test('fixed through the service, the next check finds nothing: the check reads the data as they are now', async () => {
    const hq = await signedInAs(app, database.db, 'hq_officer');
    const doc = await database.db
      .selectFrom('project_documents')
      .select(['id', 'version'])
      .where('project_id', '=', ids.flawed as string)
      .executeTakeFirstOrThrow();
    await updateDocument(database.db, doc.id, { category: 'A07', version: doc.version }, system);
    const { report } = await check(hq);
    assert.deepEqual([report.records, report.valid, report.counts, report.withFindings], [2, true, { critical: 0, error: 0, warning: 0 }, []]);
  });

  test('who may check: staff roles (the right iati.validate); donor and constituent viewers 403, signed out 401; a job is its starter’s', async () => {
    const officer = await signedInAs(app, database.db, 'programme_officer', { officeId: ids.co });
    const { jobId } = await check(officer);
    const donor = await signedInAs(app, database.db, 'donor_viewer', { partnerId: ids.partner });
    const constituent = await signedInAs(app, database.db, 'constituent_viewer', { countryCode: 'KE' });
    for (const client of [donor, constituent]) {
      const r = await client.post('/api/iati/checks', {});
      assert.equal(r.status, 403, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'FORBIDDEN');
    }
    assert.equal((await new Client(app).post('/api/iati/checks', {})).status, 401);
    // Another user without the right to read others' jobs does not find this one.
    const other = await signedInAs(app, database.db, 'viewer', { officeId: ids.co });
    assert.equal((await other.get(`/api/jobs/${jobId}`)).status, 404);
    assert.equal((await other.get('/api/jobs/not-a-job')).status, 400);
    const started = await database.db.selectFrom('jobs').select('id').where('kind', '=', 'iati.check').execute();
    assert.equal(started.length, 3, 'one job per accepted check, none for a refused one');
  });
});
