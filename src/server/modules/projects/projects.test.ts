import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildPartner, signedInAs } from '../../../../test/factories.ts';
import { buildApp, type Client, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Role } from '../../../shared/rights.ts';
import type { Database } from '../../db/connect.ts';

let database: Database;
let app: TestApp;
let officer: Client;
const ids: Record<string, string> = {};

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const db = database.db;
  const hq = await buildOffice(db, { code: 'HQ' });
  ids.roA = (await buildOffice(db, { code: 'RO-A', officeType: 'regional_office', parentId: hq.id })).id;
  ids.coA = (await buildOffice(db, { code: 'CO-A', officeType: 'country_office', parentId: ids.roA })).id;
  ids.roB = (await buildOffice(db, { code: 'RO-B', officeType: 'regional_office', parentId: hq.id })).id;
  ids.donor = (await buildPartner(db, 'Donor A')).id;
  ids.otherDonor = (await buildPartner(db, 'Donor B')).id;
  officer = await signedInAs(app, db, 'programme_officer', { officeId: ids.roA });
});
after(() => database.close());

const project = (over: Record<string, unknown> = {}) => ({
  code: `P-${Math.random().toString(36).slice(2, 8)}`,
  title: 'Skills for youth employment',
  place: 'country',
  countryCode: 'KE',
  officeId: ids.coA,
  fundingSource: 'XBDC',
  plannedStart: '2024-01-01',
  plannedEnd: '2026-12-31',
  partners: [{ partnerId: ids.donor, role: 'funding' }],
  sdgTargets: ['8.6'],
  markers: { gender: 1, socialDialogue: 2 },
  ...over,
});

describe('projects', () => {
  test('a project is created in the pipeline and moves through its lifecycle, each move recorded', async () => {
    const created = await officer.post('/api/projects', project({ code: 'KEN/24/01' }));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'pipeline');
    let version = created.body.version;
    for (const to of ['appraisal', 'approved', 'active']) {
      const r = await officer.post(`/api/projects/${created.body.id}/transitions`, { to, version, note: `to ${to}` });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      version = r.body.version;
    }
    const skip = await officer.post(`/api/projects/${created.body.id}/transitions`, { to: 'pipeline', version });
    assert.equal(skip.status, 400);
    assert.match(skip.body.error.message, /cannot move to pipeline \(allowed: closed\)/);
    const full = await officer.get(`/api/projects/${created.body.id}`);
    assert.deepEqual(
      full.body.history.map((h: { toStatus: string }) => h.toStatus),
      ['pipeline', 'appraisal', 'approved', 'active'],
    );
    assert.deepEqual(
      full.body.history.map((h: { fromStatus: string | null; note: string | null }) => [h.fromStatus, h.note]),
      [
        [null, null],
        ['pipeline', 'to appraisal'],
        ['appraisal', 'to approved'],
        ['approved', 'to active'],
      ],
    );
    assert.equal(created.body.officeName, full.body.officeName, 'a created project names its office, as the project read does');
    const listed = (await officer.get('/api/projects?q=KEN/24/01')).body;
    assert.equal(listed.total, 1);
    assert.deepEqual(
      listed.items[0],
      Object.fromEntries(Object.entries(full.body).filter(([k]) => k in listed.items[0])),
      'the list item is the project read, without its links and history',
    );
    assert.deepEqual(Object.keys(listed.items[0]).sort(), Object.keys(created.body).sort(), 'one shape for a project in the list and in a change');
    assert.equal(full.body.actualStart, new Date().toISOString().slice(0, 10));
    assert.deepEqual(full.body.partners, [{ id: ids.donor, name: 'Donor A', role: 'funding' }]);
    assert.equal(full.body.markerSocialDialogue, 2);
    ids.projectA = created.body.id;
  });

  test('links with shares above 100% are refused, naming the field; nothing is stored', async () => {
    const cpoless = await officer.post('/api/projects', project({ cpoLinks: [{ cpoId: '00000000-0000-4000-8000-000000000001', share: 50 }] }));
    assert.equal(cpoless.status, 400);
    assert.equal(cpoless.body.error.details.field, 'cpoLinks');
    const fw = await database.db
      .insertInto('org_frameworks')
      .values({ kind: 'programme_budget', code: 'PB', title: 'P&B', period_start: '2024-01-01', period_end: '2025-12-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const o1 = await database.db.insertInto('org_outcomes').values({ framework_id: fw.id, code: '1', title: 'One' }).returning('id').executeTakeFirstOrThrow();
    const o2 = await database.db.insertInto('org_outcomes').values({ framework_id: fw.id, code: '2', title: 'Two' }).returning('id').executeTakeFirstOrThrow();
    const over = await officer.post(
      '/api/projects',
      project({
        code: 'OVER',
        orgOutcomeLinks: [
          { orgOutcomeId: o1.id, share: 60 },
          { orgOutcomeId: o2.id, share: '40.01' },
        ],
      }),
    );
    assert.equal(over.status, 400);
    assert.match(over.body.error.message, /add up to 100.01%/);
    assert.equal((await database.db.selectFrom('projects').select('id').where('code', '=', 'OVER').execute()).length, 0);
    const exact = await officer.post(
      '/api/projects',
      project({
        code: 'EXACT',
        orgOutcomeLinks: [
          { orgOutcomeId: o1.id, share: 60 },
          { orgOutcomeId: o2.id, share: 40 },
        ],
      }),
    );
    assert.equal(exact.status, 201);
  });

  test('placement is checked: a country project names its country, a regional one its region, the office lies in scope', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ countryCode: null }, 'countryCode'],
      [{ place: 'region', countryCode: null }, 'regionCode'],
      [{ place: 'global', countryCode: 'KE' }, 'countryCode'],
      [{ officeId: ids.roB }, 'officeId'],
      [{ fundingSource: 'NOPE' }, 'fundingSource'],
      [{ plannedEnd: '2023-01-01' }, 'plannedEnd'],
    ];
    for (const [over, field] of cases) {
      const r = await officer.post('/api/projects', project(over));
      assert.equal(r.status, 400, JSON.stringify(over));
      assert.equal(r.body.error.details.field, field, JSON.stringify(r.body));
    }
  });

  test('who sees which project: office subtree, funding partner, own country', async () => {
    const admin = await signedInAs(app, database.db, 'admin');
    const b = await admin.post('/api/projects', project({ code: 'PER/24/01', countryCode: 'PE', officeId: ids.roB, partners: [{ partnerId: ids.otherDonor, role: 'funding' }] }));
    assert.equal(b.status, 201);
    const expectations: [Role, Record<string, string>, boolean, boolean][] = [
      ['viewer', { officeId: ids.roA as string }, true, false],
      ['donor_viewer', { partnerId: ids.donor as string }, true, false],
      ['donor_viewer', { partnerId: ids.otherDonor as string }, false, true],
      ['constituent_viewer', { countryCode: 'PE' }, false, true],
      ['hq_officer', {}, true, true],
    ];
    for (const [role, scope, seesA, seesB] of expectations) {
      const c = await signedInAs(app, database.db, role, scope);
      const list = await c.get('/api/projects?limit=500');
      const codes = list.body.items.map((p: { code: string }) => p.code);
      assert.equal(list.body.total, codes.length, `${role}: total counts what the role sees`);
      assert.equal(codes.includes('KEN/24/01'), seesA, `${role} ${JSON.stringify(scope)} sees KEN/24/01`);
      assert.equal(codes.includes('PER/24/01'), seesB, `${role} ${JSON.stringify(scope)} sees PER/24/01`);
      assert.equal((await c.get(`/api/projects/${ids.projectA}`)).status, seesA ? 200 : 404);
      if (role !== 'hq_officer') assert.equal((await c.post('/api/projects', project())).status, 403, `${role} cannot create projects`);
    }
  });

  test('a stale edit gets 409 and the project stays as the winner left it', async () => {
    const p = (await officer.get(`/api/projects/${ids.projectA}`)).body;
    const [x, y] = await Promise.all([
      officer.patch(`/api/projects/${ids.projectA}`, { title: 'Title X', version: p.version }),
      officer.patch(`/api/projects/${ids.projectA}`, { title: 'Title Y', version: p.version }),
    ]);
    assert.deepEqual([x.status, y.status].sort(), [200, 409]);
    const winner = x.status === 200 ? x.body.title : y.body.title;
    assert.equal((await officer.get(`/api/projects/${ids.projectA}`)).body.title, winner);
  });

  test('a partial update changes only what it names; the audit row shows the links before and after', async () => {
    const created = await officer.post(
      '/api/projects',
      project({
        relatedActivities: [{ ref: 'XM-DAC-41302-PARENT', type: '1' }],
        partners: [
          { partnerId: ids.donor, role: 'funding' },
          { partnerId: ids.otherDonor, role: 'implementing' },
        ],
      }),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const before = (await officer.get(`/api/projects/${created.body.id}`)).body;
    const r = await officer.patch(`/api/projects/${created.body.id}`, { description: 'x', version: before.version });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const after = (await officer.get(`/api/projects/${created.body.id}`)).body;
    assert.equal(after.description, 'x');
    for (const key of [
      'partners',
      'agreements',
      'cpoLinks',
      'orgOutcomeLinks',
      'cfOutcomes',
      'sdgTargets',
      'relatedActivities',
      'markerGender',
      'markerSocialDialogue',
      'title',
      'plannedEnd',
    ]) {
      assert.deepEqual(after[key], before[key], `${key} is unchanged`);
    }
    assert.equal(after.partners.length, 2);
    // Naming one list replaces that list only.
    const narrowed = await officer.patch(`/api/projects/${created.body.id}`, { partners: [{ partnerId: ids.donor, role: 'funding' }], version: after.version });
    assert.equal(narrowed.status, 200);
    const last = (await officer.get(`/api/projects/${created.body.id}`)).body;
    assert.deepEqual(last.partners, [{ id: ids.donor, name: 'Donor A', role: 'funding' }]);
    assert.deepEqual(last.sdgTargets, ['8.6']);
    assert.deepEqual(last.relatedActivities, [{ ref: 'XM-DAC-41302-PARENT', type: '1' }]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_id', '=', created.body.id)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    assert.equal(audit.length, 2);
    const links = (row: unknown) => (row as { links: { partners: unknown[]; sdgTargets: string[] } }).links;
    assert.equal(links(audit[0]?.before).partners.length, 2);
    assert.equal(links(audit[0]?.after).partners.length, 2);
    assert.equal(links(audit[1]?.before).partners.length, 2);
    assert.deepEqual(links(audit[1]?.after).partners, [{ partnerId: ids.donor, role: 'funding' }]);
    assert.deepEqual(links(audit[1]?.after).sdgTargets, ['8.6']);
  });
});
