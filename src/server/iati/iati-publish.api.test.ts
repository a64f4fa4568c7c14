import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildProject } from '../../../test/factories/projects.ts';
import { buildUser, signedInAs, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildApp, Client, ok } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { systemActor } from '../access/actor.ts';
import type { Database } from '../db/connect.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { DEMO_PUBLISHER, setActivityUnit } from './iati-settings.service.ts';
import { validateIatiFile } from './iati-validate.ts';

/*
 * What the public IATI files say when there is nothing to publish, and under whose name the demonstration's
 * synthetic data goes out: never a real organisation's (the ILO's is XM-DAC-41302).
 */
const REAL = 'XM-DAC-41302';
let empty: Database;
let demo: Database;
const valid = async (xml: string) => {
  const report = await validateIatiFile(new TextEncoder().encode(xml));
  assert.deepEqual(
    [...report.file, ...report.withFindings.flatMap((r) => r.findings)].filter((f) => f.severity !== 'warning').map((f) => `${f.rule} ${f.message}`),
    [],
  );
  return report;
};

before(async () => {
  empty = await openTestDatabase();
  demo = await openTestDatabase();
  await loadDemo(demo.db, { email: 'admin@example.org' });
});
after(async () => {
  await empty.close();
  await demo.close();
});

describe('the public IATI files with nothing to publish', () => {
  test('an empty database serves no empty (schema-invalid) activity file: 404 saying plainly that nothing is published yet', async () => {
    const anonymous = new Client(buildApp(empty));
    for (const unit of ['project', 'cpo_biennium'] as const) {
      await setActivityUnit(empty.db, unit, systemActor('system', 'test'));
      const res = await anonymous.get('/iati/activities.xml');
      assert.equal(res.status, 404, unit);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
      assert.match(res.body, /^Nothing is published yet: no (project|country programme outcome)/);
      assert.match(res.body, /must hold at least one activity/);
      assert.doesNotMatch(res.body, /<iati-activities/);
    }
  });

  test('checking the publication of an empty database is no schema finding: 409 saying nothing is published yet, and no job', async () => {
    const admin = new Client(buildApp(empty));
    await admin.signIn((await buildUser(empty.db, 'admin')).email, TEST_PASSWORD);
    const res = await admin.post('/api/iati/checks', {});
    assert.equal(res.status, 409);
    assert.match(res.body.error.message, /^Nothing is published yet: no (project|country programme outcome)/);
    assert.equal((await empty.db.selectFrom('jobs').select('id').where('kind', '=', 'iati.check').execute()).length, 0);
  });

  test('the organisation file of an empty database is still valid (who publishes, no figures), so it is served', async () => {
    const res = await new Client(buildApp(empty)).get('/iati/organisation.xml');
    assert.equal(res.status, 200);
    assert.match(res.body, /<organisation-identifier>[^<]+<\/organisation-identifier>/);
    assert.equal((await valid(res.body)).records, 1);
  });
});

describe('the demonstration is never published under a real organisation identifier', () => {
  test(`after the demo is loaded, neither file names ${REAL}: both are published under the example identifier, and are valid`, async () => {
    const anonymous = new Client(buildApp(demo));
    const activities = await anonymous.get('/iati/activities.xml');
    assert.equal(activities.status, 200);
    const organisation = await anonymous.get('/iati/organisation.xml');
    assert.equal(organisation.status, 200);
    for (const xml of [activities.body as string, organisation.body as string]) {
      assert.doesNotMatch(xml, /XM-DAC-41302/);
      assert.match(xml, new RegExp(`<reporting-org ref="${DEMO_PUBLISHER.ref}"`));
    }
    assert.match(DEMO_PUBLISHER.ref, /^XE-EXAMPLE-/, "org-id.guide's prefix reserved for example data");
    assert.match(activities.body, /<iati-identifier>XE-EXAMPLE-DEVCOOP-DEMO-IND-23-01-EUR<\/iati-identifier>/);
    assert.ok((await valid(activities.body)).records > 200);
    await valid(organisation.body);
  });

  test('an administrator who sets a real identifier publishes no synthetic project or figure under it; real projects go out', async () => {
    const app = buildApp(demo);
    const admin = await signedInAs(app, demo.db, 'admin');
    const anonymous = new Client(app);
    // A malformed identifier is refused; the real one is taken (and audited).
    assert.equal((await admin.put('/api/settings/iati-publisher', { ref: 'not an id', name: 'X' })).status, 400);
    const set = ok(await admin.put('/api/settings/iati-publisher', { ref: REAL, name: 'International Labour Organization' }));
    assert.equal(set.ref, REAL);
    const audit = await demo.db.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', 'iati_publisher').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([(audit.before as { ref: string }).ref, (audit.after as { ref: string }).ref], [DEMO_PUBLISHER.ref, REAL]);

    // Every project of the demonstration is synthetic: under the real identifier nothing is left to publish, in either mode.
    for (const unit of ['project', 'cpo_biennium'] as const) {
      await setActivityUnit(demo.db, unit, systemActor('system', 'test'));
      const res = await anonymous.get('/iati/activities.xml');
      assert.equal(res.status, 404, unit);
      assert.match(res.body, /synthetic projects are published only under an example identifier, XE-EXAMPLE-…, never under XM-DAC-41302/);
    }
    await setActivityUnit(demo.db, 'project', systemActor('system', 'test'));
    // The organisation file is the administrator's own identity, with none of the demonstration's money.
    const organisation = await anonymous.get('/iati/organisation.xml');
    assert.match(organisation.body, /<organisation-identifier>XM-DAC-41302<\/organisation-identifier>/);
    assert.doesNotMatch(organisation.body, /<total-budget|<recipient-country-budget|<total-expenditure/);
    await valid(organisation.body);
    // A synthetic project's own check says why it is not published.
    const synthetic = await demo.db.selectFrom('projects').select('id').where('code', '=', 'IND/23/01/EUR').executeTakeFirstOrThrow();
    assert.equal(ok(await admin.get(`/api/projects/${synthetic.id}/iati/check`)).notPublished, 'synthetic');

    // A real project (not the demo loader's) is published under the real identifier, alone.
    const office = await demo.db.selectFrom('offices').select('id').where('code', '=', 'CO-DELHI').executeTakeFirstOrThrow();
    await buildProject(demo.db, {
      code: 'IND/99/01',
      title: 'A real project',
      countryCode: 'IN',
      officeId: office.id,
      plannedEnd: '2025-12-31',
      sdgTargets: ['8.6'],
      markers: { gender: 1, standards: 1, socialDialogue: 1 },
      status: 'approved',
    });
    const activities = await anonymous.get('/iati/activities.xml');
    assert.equal(activities.status, 200);
    const ids = [...(activities.body as string).matchAll(/<iati-identifier>([^<]+)<\/iati-identifier>/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['XM-DAC-41302-IND-99-01']);
  });
});
