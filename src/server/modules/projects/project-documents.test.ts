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
  ids.ro = (await buildOffice(db, { code: 'RO-A', officeType: 'regional_office', parentId: hq.id })).id;
  ids.other = (await buildOffice(db, { code: 'RO-B', officeType: 'regional_office', parentId: hq.id })).id;
  ids.donor = (await buildPartner(db, 'Donor A')).id;
  officer = await signedInAs(app, db, 'programme_officer', { officeId: ids.ro });
  const created = await officer.post('/api/projects', {
    code: 'KEN/24/09',
    title: 'Skills for youth employment',
    place: 'country',
    countryCode: 'KE',
    officeId: ids.ro,
    fundingSource: 'XBDC',
    plannedStart: '2024-01-01',
    plannedEnd: '2026-12-31',
    partners: [{ partnerId: ids.donor, role: 'funding' }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  ids.project = created.body.id;
});
after(() => database.close());

const doc = (over: Record<string, unknown> = {}) => ({
  title: 'Project document',
  url: 'https://example.org/docs/ken-24-09.pdf',
  format: 'application/pdf',
  category: 'A02',
  language: 'en',
  documentDate: '2024-02-01',
  ...over,
});

describe('project documents', () => {
  test('added, listed with the category name, changed with the version read, removed; each change audited, refused attempts not', async () => {
    const created = await officer.post(`/api/projects/${ids.project}/documents`, doc());
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.confidential, false);
    assert.equal(created.body.categoryName, 'Objectives / Purpose of activity');
    const list = await officer.get(`/api/projects/${ids.project}/documents`);
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 1);
    assert.equal(list.body.total, 1);
    assert.equal(list.body.items[0].categoryName, 'Objectives / Purpose of activity');
    assert.deepEqual(list.body.items[0], created.body, 'one shape: the document listed is the document created');
    const changed = await officer.patch(`/api/project-documents/${created.body.id}`, { confidential: true, version: created.body.version });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.confidential, true);
    const stale = await officer.patch(`/api/project-documents/${created.body.id}`, { title: 'Lost edit', version: created.body.version });
    assert.equal(stale.status, 409);
    assert.equal((await officer.get(`/api/projects/${ids.project}/documents`)).body.items[0].title, 'Project document');
    assert.equal((await officer.delete(`/api/project-documents/${created.body.id}?version=${created.body.version}`)).status, 409, 'a stale delete is refused');
    assert.equal((await officer.delete(`/api/project-documents/${created.body.id}?version=${changed.body.version}`)).status, 204);
    assert.equal((await officer.get(`/api/projects/${ids.project}/documents`)).body.items.length, 0);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'project_document')
      .where('entity_id', '=', created.body.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create', 'update', 'delete'],
    );
  });

  test('bad input is refused naming the field, and nothing is stored', async () => {
    const cases: [Record<string, unknown>, string, number][] = [
      [{ category: 'A99' }, 'category', 400],
      [{ category: 'Z01' }, 'category', 400],
      [{ format: 'application/x-not-a-format' }, 'format', 400],
      [{ url: 'ftp://example.org/a.pdf' }, 'url', 400],
      [{ url: 'https://example.org/a file.pdf' }, 'url', 400],
      [{ title: '' }, 'title', 400],
      [{ language: 'english' }, 'language', 400],
      [{ documentDate: '2024-02-30' }, 'documentDate', 400],
    ];
    for (const [over, field, status] of cases) {
      const r = await officer.post(`/api/projects/${ids.project}/documents`, doc(over));
      assert.equal(r.status, status, `${JSON.stringify(over)}: ${JSON.stringify(r.body)}`);
      const named = r.body.error.details?.field ?? r.body.error.details?.issues?.[0]?.field;
      assert.equal(named, field, JSON.stringify(r.body));
    }
    assert.equal((await officer.get(`/api/projects/${ids.project}/documents`)).body.items.length, 0);
    assert.equal((await officer.post(`/api/projects/${ids.project}/documents`, doc())).status, 201);
    const twice = await officer.post(`/api/projects/${ids.project}/documents`, doc({ title: 'Same address' }));
    assert.equal(twice.status, 409, 'one address once per project');
  });

  test('who may read and change documents follows the project', async () => {
    const expectations: [Role, Record<string, string>, number, number][] = [
      ['viewer', { officeId: ids.ro as string }, 200, 403],
      ['programme_officer', { officeId: ids.other as string }, 404, 404],
      ['donor_viewer', { partnerId: ids.donor as string }, 200, 403],
      ['constituent_viewer', { countryCode: 'PE' }, 404, 403],
      ['hq_officer', {}, 200, 201],
    ];
    for (const [role, scope, read, write] of expectations) {
      const c = await signedInAs(app, database.db, role, scope);
      assert.equal((await c.get(`/api/projects/${ids.project}/documents`)).status, read, `${role} ${JSON.stringify(scope)} reads`);
      const w = await c.post(`/api/projects/${ids.project}/documents`, doc({ url: `https://example.org/${role}-${Object.values(scope).join('')}.pdf` }));
      assert.equal(w.status, write, `${role} ${JSON.stringify(scope)} writes: ${JSON.stringify(w.body)}`);
    }
  });
});

describe('related activities', () => {
  test('are set with the project (version-guarded), returned, and refused when malformed', async () => {
    const p = (await officer.get(`/api/projects/${ids.project}`)).body;
    assert.deepEqual(p.relatedActivities, []);
    const bad = await officer.patch(`/api/projects/${ids.project}`, { relatedActivities: [{ ref: 'XM-DAC-41302-A', type: '6' }], version: p.version });
    assert.equal(bad.status, 400);
    const spaced = await officer.patch(`/api/projects/${ids.project}`, { relatedActivities: [{ ref: 'has space', type: '1' }], version: p.version });
    assert.equal(spaced.status, 400);
    const list = [
      { ref: 'XM-DAC-41302-KEN-20-01', type: '1' },
      { ref: 'XI-IATI-EC_INTPA-2024-1', type: '4' },
    ];
    const ok = await officer.patch(`/api/projects/${ids.project}`, { relatedActivities: list, version: p.version });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual((await officer.get(`/api/projects/${ids.project}`)).body.relatedActivities, list);
    const stale = await officer.patch(`/api/projects/${ids.project}`, { relatedActivities: [], version: p.version });
    assert.equal(stale.status, 409);
    assert.equal((await officer.get(`/api/projects/${ids.project}`)).body.relatedActivities.length, 2);
  });
});
