import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import contentDisposition from 'content-disposition';
import { buildProject, type ProjectOptions } from '../../../test/factories/projects.ts';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildApp, Client, ok, settledJob } from '../../../test/helpers/api.ts';
import { SHARED_IATI } from '../../../test/helpers/shared-iati.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';
import { validateIatiFile } from './iati-validate.ts';

/*
 * The published files over a small portfolio: an active project funded by a named donor (its own
 * agreement: planned disbursements), with expenditure, an allocation and its own results framework; a
 * confidential project and a confidential partner that must never appear.
 */
let database: Database;
let app: ReturnType<typeof buildApp>;
let hq: Client;
let viewer: Client;
let anonymous: Client;
let projectId: string;
const MAPPING = JSON.stringify({ projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'Type' });

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const db = database.db;
  const root = await buildOffice(db, { code: 'HQ' });
  const co = await buildOffice(db, { code: 'CO-KE', officeType: 'country_office', parentId: root.id });
  hq = new Client(app);
  await hq.signIn((await buildUser(db, 'hq_officer')).email, TEST_PASSWORD);
  viewer = new Client(app);
  await viewer.signIn((await buildUser(db, 'viewer', { officeId: co.id })).email, TEST_PASSWORD);
  anonymous = new Client(app);
  const donor = ok(await hq.post('/api/partners', { code: 'DONOR-A', name: 'Donor & Partner A', partnerType: 'government', organisationRef: 'GB-GOV-1' }));
  const secret = ok(await hq.post('/api/partners', { code: 'SECRET', name: 'Quiet Foundation', partnerType: 'foundation', organisationRef: 'XX-QUIET-1' }));
  await db.updateTable('partners').set({ confidential: true }).where('id', '=', secret.id).execute();
  const agreement = ok(
    await hq.post('/api/agreements', {
      code: 'AG-1',
      title: 'Agreement',
      partnerId: donor.id,
      periodStart: '2024-01-01',
      periodEnd: '2025-12-31',
      earmarking: 'tightly_earmarked',
      fundingSource: 'XBDC',
      currency: 'USD',
      amounts: [{ year: 2024, amount: '300000.00' }],
    }),
  );
  const project = async (code: string, over: Partial<ProjectOptions>) => {
    const p = await buildProject(db, {
      code,
      title: `Jobs for youth ${code}`,
      officeId: co.id,
      plannedEnd: '2025-12-31',
      sdgTargets: ['8.6'],
      markers: { gender: 2, standards: 1, socialDialogue: 1 },
      status: 'active',
      activeOn: '2024-01-10',
      ...over,
    });
    ok(await hq.put(`/api/projects/${p.id}/allocations/2024`, { amount: '250000.00', currency: 'USD' }));
    return p.id as string;
  };
  const open = await project('KEN/24/01', {
    partners: [
      { partnerId: donor.id, role: 'funding' },
      { partnerId: secret.id, role: 'implementing' },
    ],
    agreementIds: [agreement.id],
  });
  projectId = open;
  const hidden = await project('KEN/24/99', {});
  await db.updateTable('projects').set({ confidential: true }).where('id', '=', hidden).execute();
  const csv = [
    'Project,Period,Amount,Currency,Line,Type',
    'KEN/24/01,2024-02,12500.50,USD,L1,expenditure',
    'KEN/24/01,2024-02,7499.50,USD,L2,expenditure',
    'KEN/24/01,2024-03,40000,USD,L3,commitment',
  ].join('\n');
  ok(await hq.request('POST', `/api/finance/imports?fileName=erp.csv&mapping=${encodeURIComponent(MAPPING)}`, csv, { 'Content-Type': 'application/octet-stream' }));
  const indicator = ok(
    await hq.post('/api/indicators', { nodeType: 'project', nodeId: open, title: 'Young people placed in jobs', unit: 'persons', baselineValue: '0', baselineDate: '2024-01-01' }),
  );
  ok(await hq.post(`/api/indicators/${indicator.id}/targets`, { kind: 'target', periodStart: '2024-01-01', periodEnd: '2024-12-31', value: '500' }));
  ok(await hq.post(`/api/indicators/${indicator.id}/actuals`, { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: '430', source: 'Tracer survey' }));
});
after(() => database.close());

const upload = (client: Client, path: string, name: string, body: Uint8Array | string) =>
  client.request('POST', `${path}?fileName=${encodeURIComponent(name)}`, body, { 'Content-Type': 'application/octet-stream' });

describe('the published IATI files', () => {
  test('/iati/activities.xml is public, valid against the XSD, with no rule or codelist error, and leaves confidential things out', async () => {
    const res = await anonymous.get('/iati/activities.xml');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/xml/);
    const xml = res.body as string;
    assert.match(xml, /<iati-identifier>XM-DAC-41302-KEN-24-01<\/iati-identifier>/);
    assert.doesNotMatch(xml, /KEN-24-99|Quiet Foundation|XX-QUIET-1/, 'confidential project and partner are never published');
    assert.match(xml, /<participating-org ref="GB-GOV-1" role="1" type="10"><narrative>Donor &amp; Partner A<\/narrative>/);
    assert.match(xml, /<recipient-country code="KE" percentage="100"\/>/);
    assert.match(xml, /<tag vocabulary="3" code="8.6"\/>/);
    assert.match(xml, /<policy-marker vocabulary="1" code="1" significance="2"\/>/);
    assert.match(
      xml,
      /<budget type="1" status="2"><period-start iso-date="2024-01-01"\/><period-end iso-date="2024-12-31"\/><value currency="USD" value-date="2024-01-01">250000<\/value><\/budget>/,
    );
    assert.match(xml, /<planned-disbursement type="1">.*<value currency="USD" value-date="2024-01-01">300000<\/value><provider-org ref="GB-GOV-1">/);
    // two expenditure lines of February are one transaction of 20,000 dated the end of the month
    assert.match(
      xml,
      /<transaction><transaction-type code="4"\/><transaction-date iso-date="2024-02-29"\/><value currency="USD" value-date="2024-02-29">20000<\/value><\/transaction>/,
    );
    assert.match(xml, /<transaction-type code="2"\/><transaction-date iso-date="2024-03-31"\/>/);
    assert.match(
      xml,
      /<indicator measure="1" ascending="1"><title><narrative>Young people placed in jobs \(persons\)<\/narrative><\/title><baseline year="2024" iso-date="2024-01-01" value="0"\/><period><period-start iso-date="2024-01-01"\/><period-end iso-date="2024-12-31"\/><target value="500"\/><actual value="430"\/><\/period>/,
    );
    const report = await validateIatiFile(new TextEncoder().encode(xml));
    assert.equal(report.records, 1);
    assert.deepEqual(
      report.withFindings.flatMap((r) => r.findings.filter((f) => f.severity !== 'warning')),
      [],
    );
    assert.equal(report.valid, true);
  });

  test('/iati/organisation.xml is public and valid', async () => {
    const res = await anonymous.get('/iati/organisation.xml');
    assert.equal(res.status, 200);
    assert.match(res.body, /<organisation-identifier>XM-DAC-41302<\/organisation-identifier>/);
    assert.match(
      res.body,
      /<total-budget status="2"><period-start iso-date="2024-01-01"\/><period-end iso-date="2024-12-31"\/><value currency="USD" value-date="2024-01-01">500000.00<\/value>/,
    );
    const report = await validateIatiFile(new TextEncoder().encode(res.body));
    assert.equal(report.valid, true, JSON.stringify(report));
  });
});

describe('validation and import as jobs', () => {
  const rulesTests = join(SHARED_IATI, 'rules-tests');
  test('a viewer validates a file: a job, then its report, downloadable as JSON and CSV', async () => {
    const started = await upload(viewer, '/api/iati/validations', 'strict.xml', readFileSync(join(rulesTests, 'iati-act-strictSum-error.xml')));
    assert.equal(started.status, 202);
    const job = await settledJob(viewer, started.body.jobId);
    assert.equal(job.status, 'done');
    assert.equal(job.result.valid, false);
    assert.ok(job.result.withFindings[0].findings.some((f: { rule: string }) => f.rule === '3.4.2'));
    const csv = await viewer.get(`/api/iati/validations/${job.id}/report?format=csv`);
    assert.match(csv.body, /activity,line,rule,severity,category,path,message/);
    assert.match(csv.body, /XM-DAC-41127-123,111,3\.4\.2,error/);
    const json = await viewer.get(`/api/iati/validations/${job.id}/report`);
    assert.equal(json.body.fileName, 'strict.xml');
    assert.equal((await hq.get(`/api/jobs/${job.id}`)).status, 404, "another person's job is not visible");
  });

  test('an uploaded name with CR/LF, a quote or accents comes back as one safe file name in the report download', async () => {
    const name = 'Rapport\r\nSet-Cookie: x=1"; filename="evil.exe année.xml';
    const job = await settledJob(viewer, (await upload(viewer, '/api/iati/validations', name, readFileSync(join(rulesTests, 'iati-act-strictSum-error.xml')))).body.jobId);
    for (const format of ['csv', 'json']) {
      const r = await viewer.get(`/api/iati/validations/${job.id}/report?format=${format}`);
      assert.equal(r.status, 200, `${format}: ${JSON.stringify(r.body).slice(0, 200)}`);
      // parse() throws on a header with a second filename or a broken quote; filename* (decoded) is the name a browser takes.
      const { type, parameters } = contentDisposition.parse(r.headers.get('content-disposition') ?? '');
      assert.equal(type, 'attachment');
      assert.equal(parameters.filename, `RapportSet-Cookie- x=1-; filename=-evil.exe année-validation.${format}`);
    }
  });

  test('an upload with a DOCTYPE fails with a clear message; an empty upload is refused at once', async () => {
    const started = await upload(hq, '/api/iati/validations', 'x.xml', '<!DOCTYPE x [<!ENTITY a "b">]><iati-activities version="2.03"/>');
    const job = await settledJob(hq, started.body.jobId);
    assert.equal(job.status, 'done', 'the report says so');
    assert.match(job.result.file[0].message, /DOCTYPE/);
    const imp = await settledJob(hq, (await upload(hq, '/api/iati/imports', 'x.xml', '<!DOCTYPE x [<!ENTITY a "b">]><iati-activities version="2.03"/>')).body.jobId);
    assert.equal(imp.status, 'failed');
    assert.match(imp.error, /DOCTYPE.*Nothing was changed/);
    assert.equal((await upload(hq, '/api/iati/validations', 'e.xml', '')).status, 400);
  });

  test('import: an HQ officer imports a real file; a viewer may not; signed out is 401', async () => {
    const body = readFileSync(join(SHARED_IATI, 'real', 'hdx-foodsecurity-dportal.xml'));
    assert.equal((await upload(viewer, '/api/iati/imports', 'food.xml', body)).status, 403);
    assert.equal((await upload(anonymous, '/api/iati/imports', 'food.xml', body)).status, 401);
    const job = await settledJob(hq, (await upload(hq, '/api/iati/imports', 'food.xml', body)).body.jobId);
    assert.equal(job.status, 'done', job.error);
    assert.deepEqual([job.result.activities.imported, job.result.transactions.imported], [7, 63]);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'entity_type']).where('entity_type', '=', 'iati_import').execute();
    assert.equal(audit.length, 1);
  });

  test("a donor's activity is linked to our project (optimistic concurrency); its transactions to our activity are traced", async () => {
    const donorFile = `<iati-activities version="2.03"><iati-activity default-currency="EUR"><iati-identifier>GB-GOV-1-KE-77</iati-identifier>
      <reporting-org ref="GB-GOV-1" type="10"><narrative>Donor A</narrative></reporting-org><title><narrative>Support to youth employment in Kenya</narrative></title>
      <transaction><transaction-type code="3"/><transaction-date iso-date="2024-03-15"/><value>50000</value>
        <receiver-org ref="XM-DAC-41302" receiver-activity-id="XM-DAC-41302-KEN-24-01"><narrative>ILO</narrative></receiver-org></transaction>
    </iati-activity></iati-activities>`;
    const job = await settledJob(hq, (await upload(hq, '/api/iati/imports', 'donor.xml', donorFile)).body.jobId);
    assert.equal(job.status, 'done', job.error);
    const found = ok(await hq.get('/api/iati/activities?q=youth%20employment%20in%20Kenya')).items;
    assert.deepEqual(
      found.map((a: any) => [a.identifier, a.projectId]),
      [['GB-GOV-1-KE-77', null]],
    );
    const linked = ok(await hq.put(`/api/iati/activities/${found[0].id}/project`, { projectId, version: found[0].version }));
    assert.equal(linked.projectId, projectId);
    assert.equal((await hq.put(`/api/iati/activities/${found[0].id}/project`, { projectId: null, version: found[0].version })).status, 409, 'a stale version');
    assert.equal((await viewer.put(`/api/iati/activities/${found[0].id}/project`, { projectId: null, version: linked.version })).status, 403);
    const picture = ok(await hq.get(`/api/projects/${projectId}/iati`));
    assert.equal(picture.identifier, 'XM-DAC-41302-KEN-24-01');
    assert.deepEqual(
      picture.linked.map((a: any) => a.identifier),
      ['GB-GOV-1-KE-77'],
    );
    assert.deepEqual(picture.traced, [
      { activity: 'GB-GOV-1-KE-77', publisher: 'Donor A', type: '3', date: '2024-03-15', value: '50000.0000', currency: 'EUR', ourRole: 'receiver' },
    ]);
  });
});

describe("a project's own check, on its page", () => {
  test('the published activity of one project is validated alone; its findings name the element (the field to fix); access follows the project', async () => {
    const clean = ok(await hq.get(`/api/projects/${projectId}/iati/check`));
    assert.equal(clean.identifier, 'XM-DAC-41302-KEN-24-01');
    assert.equal(clean.notPublished, null);
    assert.equal(clean.valid, true, JSON.stringify(clean.findings));
    assert.deepEqual(
      clean.findings.filter((f: { severity: string }) => f.severity !== 'warning'),
      [],
    );
    // An organisation identifier with a slash is accepted by devcoop but IATI warns about it (1.8.13).
    const slashed = ok(await hq.post('/api/partners', { code: 'COH', name: 'Youth Trust', partnerType: 'ngo', organisationRef: 'GB-COH/0123' }));
    await database.db.insertInto('project_partners').values({ project_id: projectId, partner_id: slashed.id, role: 'implementing' }).execute();
    const warned = ok(await viewer.get(`/api/projects/${projectId}/iati/check`));
    assert.equal(warned.valid, true, 'warnings alone do not stop publication');
    const finding = warned.findings.find((f: { rule: string }) => f.rule === '1.8.13');
    assert.ok(finding, JSON.stringify(warned.findings));
    assert.equal(finding.severity, 'warning');
    assert.match(finding.path, /^participating-org/);
    assert.equal(warned.counts.warning, clean.counts.warning + 1);

    const hidden = await database.db.selectFrom('projects').select('id').where('code', '=', 'KEN/24/99').executeTakeFirstOrThrow();
    assert.equal(ok(await hq.get(`/api/projects/${hidden.id}/iati/check`)).notPublished, 'confidential');
    const office = await database.db.selectFrom('offices').select('id').where('code', '=', 'CO-KE').executeTakeFirstOrThrow();
    const pipeline = ok(
      await hq.post('/api/projects', {
        code: 'KEN/25/01',
        title: 'In the pipeline',
        place: 'country',
        countryCode: 'KE',
        officeId: office.id,
        fundingSource: 'XBDC',
        plannedStart: '2025-01-01',
        plannedEnd: '2025-12-31',
      }),
    );
    const waiting = ok(await hq.get(`/api/projects/${pipeline.id}/iati/check`));
    assert.deepEqual([waiting.notPublished, waiting.findings], ['status', []]);

    const elsewhere = new Client(app);
    const hqOffice = await database.db.selectFrom('offices').select('id').where('code', '=', 'HQ').executeTakeFirstOrThrow();
    const other = await buildOffice(database.db, { code: 'CO-TZ', officeType: 'country_office', parentId: hqOffice.id });
    await elsewhere.signIn((await buildUser(database.db, 'viewer', { officeId: other.id })).email, TEST_PASSWORD);
    assert.equal((await elsewhere.get(`/api/projects/${projectId}/iati/check`)).status, 404, 'a project outside the office is not found');
    assert.equal((await anonymous.get(`/api/projects/${projectId}/iati/check`)).status, 401);
  });
});
