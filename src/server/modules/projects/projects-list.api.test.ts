import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildOffice, buildPartner, buildProject, signedInAs } from '../../../../test/factories.ts';
import { buildApp, type Client } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';

/** The projects list: each filter, the order, paging, and the download of exactly what is filtered, within the reader's scope. */
let database: Database;
let admin: Client;
let officer: Client;
const ids: Record<string, string> = {};

before(async () => {
  database = await openTestDatabase();
  const app = buildApp(database);
  const db = database.db;
  const hq = await buildOffice(db, { code: 'HQ-LIST' });
  const region = await buildOffice(db, { code: 'RO-LIST', name: 'Regional office (list)', officeType: 'regional_office', parentId: hq.id });
  const country = await buildOffice(db, { code: 'CO-LIST', name: 'Country office (list)', officeType: 'country_office', parentId: region.id });
  const other = await buildOffice(db, { code: 'CO-ELSE', name: 'Another office (list)', officeType: 'country_office', parentId: hq.id });
  const funder = await buildPartner(db, 'List funder');
  const make = async (key: string, fields: Record<string, unknown>) => {
    ids[key] = (await buildProject(db, { ...fields, code: `LIST-${key}`, title: fields.title ?? `List project ${key}` } as never)).id;
  };
  await make('A', { officeId: country.id, countryCode: 'KE', title: 'Skills for 100% of youth_workers', plannedStart: '2025-03-01', markers: { gender: 2 } });
  await make('B', { officeId: country.id, countryCode: 'TZ', fundingSource: 'RBSA', plannedStart: '2024-01-01', partners: [{ partnerId: funder.id, role: 'funding' }] });
  await make('C', { officeId: other.id, countryCode: 'KE', titleFr: 'Protection sociale en zone rurale', plannedStart: '2026-06-01', status: 'approved' });
  admin = await signedInAs(app, db, 'admin');
  officer = await signedInAs(app, db, 'programme_officer', { officeId: region.id });
});
after(() => database.close());

const codes = async (client: Client, query: string) => {
  const r = await client.get(`/api/projects?${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return (r.body.items as { code: string }[]).map((p) => p.code).filter((c) => c.startsWith('LIST-'));
};

describe('the projects list', () => {
  test('filters by office subtree, partner, funding source, marker, country, status and words in any language', async () => {
    const office = await database.db.selectFrom('offices').select('id').where('code', '=', 'RO-LIST').executeTakeFirstOrThrow();
    const partner = await database.db.selectFrom('partners').select('id').where('name', '=', 'List funder').executeTakeFirstOrThrow();
    assert.deepEqual(await codes(admin, `office=${office.id}`), ['LIST-A', 'LIST-B'], 'the regional office and the country office under it');
    assert.deepEqual(await codes(admin, `partner=${partner.id}`), ['LIST-B']);
    assert.deepEqual(await codes(admin, 'fundingSource=RBSA&q=LIST'), ['LIST-B']);
    assert.deepEqual(await codes(admin, 'marker=gender&q=LIST'), ['LIST-A']);
    assert.deepEqual(await codes(admin, 'country=KE&q=LIST'), ['LIST-A', 'LIST-C']);
    assert.deepEqual(await codes(admin, 'status=approved&q=LIST'), ['LIST-C']);
    assert.deepEqual(await codes(admin, 'q=rurale'), ['LIST-C'], 'the French title is searched');
    assert.deepEqual(await codes(admin, `q=${encodeURIComponent('100%')}`), ['LIST-A'], '% is text, not a wildcard');
    assert.deepEqual(await codes(admin, `q=${encodeURIComponent('of_youth')}`), [], '_ is text, not a wildcard');
  });

  test('sorts by a column either way, pages, and counts all that match', async () => {
    assert.deepEqual(await codes(admin, 'q=LIST&sort=plannedStart'), ['LIST-B', 'LIST-A', 'LIST-C']);
    assert.deepEqual(await codes(admin, 'q=LIST&sort=plannedStart&dir=desc'), ['LIST-C', 'LIST-A', 'LIST-B']);
    const page = await admin.get('/api/projects?q=LIST&sort=code&limit=2&offset=2');
    assert.equal(page.body.total, 3);
    assert.deepEqual(
      page.body.items.map((p: { code: string }) => p.code),
      ['LIST-C'],
    );
    assert.equal((await admin.get('/api/projects?sort=budget')).status, 400, 'an unknown order is refused');
  });

  test('an officer sees its offices only, in the list and in the download', async () => {
    assert.deepEqual(await codes(officer, 'q=LIST'), ['LIST-A', 'LIST-B']);
    const file = await officer.request('GET', '/api/projects/table?q=LIST&format=csv');
    assert.equal(file.status, 200);
    assert.doesNotMatch(String(file.body), /LIST-C/);
    assert.match(String(file.body), /LIST-A/);
  });

  test('the download holds exactly what is filtered, its words in the language asked for, the status in words', async () => {
    const csv = await admin.request('GET', '/api/projects/table?country=KE&q=LIST&format=csv&lang=fr');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition') ?? '', /projets\.csv/);
    const text = String(csv.body);
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    assert.equal(lines[0], 'Code,Titre,Pays,Bureau,Statut,Source de financement,Début prévu,Fin prévue,Probabilité (%)');
    assert.equal(lines.length, 3);
    assert.match(text, /LIST-C,Protection sociale en zone rurale,KE,Another office \(list\),Approuvé/);
    const xlsx = await admin.app.request('/api/projects/table?country=KE&q=LIST&format=xlsx&lang=es', { headers: { Cookie: admin.cookie as string } });
    assert.equal(xlsx.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0];
    assert.equal(sheet?.name, 'Proyectos');
    assert.equal(sheet?.getRow(1).getCell(1).value, 'Código');
    assert.equal(sheet?.rowCount, 3);
  });
});
