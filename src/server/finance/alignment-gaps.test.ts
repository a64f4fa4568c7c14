import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildProject, type ProjectOptions } from '../../../test/factories/projects.ts';
import { buildOffice, buildPartner, type buildUser, signedInAs } from '../../../test/factories.ts';
import { buildApp, type Client, ok } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';

/*
 * A hand-checked fixture (every expected number below was worked out by hand from these lines):
 *   P1 XBDC  active  Africa CO  donor A (tightly earmarked)  allocation 100,000  60% to CPO-1
 *   P2 RBSA  active  Africa CO  donor B (un-earmarked)         allocation  50,000  50% to CPO-1, 50% to CPO-2
 *   P3 XBDC  active  HQ         donor A (tightly earmarked)  allocation  50,000  no CPO
 *   P4 RB    active  Africa CO  —                              allocation  40,000  100% to CPO-1
 *   P5 XBDC  pipeline (probability 50%)  Africa CO              allocation  20,000  100% to CPO-1
 */
let database: Database;
let hq: Client;
let manager: Client;
let app: ReturnType<typeof buildApp>;
const ids: Record<string, string> = {};

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const db = database.db;
  const root = await buildOffice(db, { code: 'HQ' });
  const ro = await buildOffice(db, { code: 'RO-AF', name: 'Regional Office for Africa', officeType: 'regional_office', parentId: root.id });
  const co = await buildOffice(db, { code: 'CO-KE', officeType: 'country_office', parentId: ro.id });
  Object.assign(ids, { root: root.id, ro: ro.id, co: co.id });
  hq = await signedInAs(app, db, 'hq_officer');
  manager = await signedInAs(app, db, 'office_manager', { officeId: co.id });
  const donorA = await buildPartner(db, 'Donor A');
  const donorB = await buildPartner(db, 'Donor B');
  Object.assign(ids, { donorA: donorA.id, donorB: donorB.id });
  const agreement = (partnerId: string, earmarking: string, fundingSource: string) =>
    hq.post('/api/agreements', {
      code: `AG-${earmarking}`,
      title: 'Partnership agreement',
      partnerId,
      periodStart: '2024-01-01',
      periodEnd: '2025-12-31',
      earmarking,
      fundingSource,
      currency: 'USD',
      amounts: [{ year: 2024, amount: '500000.00' }],
    });
  const agA = ok(await agreement(donorA.id, 'tightly_earmarked', 'XBDC'));
  const agB = ok(await agreement(donorB.id, 'unearmarked', 'RBSA'));

  ok(await hq.post('/api/countries', { countryCode: 'KE', presence: 'resident', coveringOfficeId: co.id }));
  const dwcp = ok(await hq.post('/api/countries/KE/dwcps', { title: 'DWCP Kenya 2024–27', periodStart: '2024-01-01', periodEnd: '2027-12-31', status: 'active' }));
  const pr = ok(await hq.post(`/api/dwcps/${dwcp.id}/priorities`, { code: 'P1', title: 'Youth employment' }));
  const cpo = (code: string) =>
    hq.post(`/api/dwcps/${dwcp.id}/cpos`, { priorityId: pr.id, code, derivation: 'additional', text: `Outcome ${code}`, justification: 'Constituents asked for it' });
  ids.cpo1 = ok(await cpo('KEN101')).id;
  ids.cpo2 = ok(await cpo('KEN102')).id;

  const project = async (code: string, over: Partial<ProjectOptions>, allocation: string, status: ProjectOptions['status'] = 'active') => {
    const p = await buildProject(db, { code, title: `Project ${code}`, officeId: co.id, plannedEnd: '2025-12-31', status, ...over });
    ok(await hq.put(`/api/projects/${p.id}/allocations/2024`, { amount: allocation, currency: 'USD' }));
    ids[code] = p.id;
  };
  await project('P1', { partners: [{ partnerId: donorA.id, role: 'funding' }], agreementIds: [agA.id], cpoLinks: [{ cpoId: ids.cpo1 as string, share: 60 }] }, '100000.00');
  await project(
    'P2',
    {
      fundingSource: 'RBSA',
      partners: [{ partnerId: donorB.id, role: 'funding' }],
      agreementIds: [agB.id],
      cpoLinks: [
        { cpoId: ids.cpo1 as string, share: 50 },
        { cpoId: ids.cpo2 as string, share: 50 },
      ],
    },
    '50000.00',
  );
  await project('P3', { officeId: root.id, place: 'global', countryCode: undefined, partners: [{ partnerId: donorA.id, role: 'funding' }], agreementIds: [agA.id] }, '50000.00');
  await project('P4', { fundingSource: 'RB', cpoLinks: [{ cpoId: ids.cpo1 as string, share: 100 }] }, '40000.00');
  await project('P5', { probability: 50, cpoLinks: [{ cpoId: ids.cpo1 as string, share: 100 }] }, '20000.00', 'pipeline');
});
after(() => database.close());

describe('alignment of voluntary funding and resource gaps (hand-checked)', () => {
  test('aligned share: 110,000 of 200,000 voluntary funding contributes to country programme outcomes', async () => {
    const total = ok(await hq.get('/api/funding-alignment?year=2024'));
    // P1 60,000 + P2 50,000 + P3 0 of 100,000 + 50,000 + 50,000 (P4 is regular budget, P5 is not approved)
    assert.deepEqual(total.items, [{ key: 'total', label: 'All voluntary funding', projects: 3, voluntary: '200000.00', aligned: '110000.00', alignedShare: '0.5500' }]);
  });

  test('by region, funding partner and earmarking level', async () => {
    const pick = (rows: { label: string; voluntary: string; aligned: string; alignedShare: string }[]) => rows.map((r) => [r.label, r.voluntary, r.aligned, r.alignedShare]);
    assert.deepEqual(pick(ok(await hq.get('/api/funding-alignment?year=2024&by=region')).items), [
      ['Headquarters and global', '50000.00', '0.00', '0.0000'],
      ['Regional Office for Africa', '150000.00', '110000.00', '0.7333'],
    ]);
    assert.deepEqual(pick(ok(await hq.get('/api/funding-alignment?year=2024&by=partner')).items), [
      ['Donor A', '150000.00', '60000.00', '0.4000'],
      ['Donor B', '50000.00', '50000.00', '1.0000'],
    ]);
    assert.deepEqual(pick(ok(await hq.get('/api/funding-alignment?year=2024&by=earmarking')).items), [
      ['tightly_earmarked', '150000.00', '60000.00', '0.4000'],
      ['unearmarked', '50000.00', '50000.00', '1.0000'],
    ]);
    const africa = ok(await hq.get(`/api/funding-alignment?year=2024&region=${ids.ro}`));
    assert.equal(africa.items[0].alignedShare, '0.7333', 'the region filter narrows the total');
  });

  test('resources needed against available by source, the gap and the share of gaps filled', async () => {
    // CPO-1 needs 200,000 in 2024; when identified (Dec 2023) 40,000 was available: a gap of 160,000.
    const need = await hq.post(`/api/cpos/${ids.cpo1}/resource-needs`, {
      yearFrom: 2024,
      yearTo: 2024,
      currency: 'USD',
      needed: '200000.00',
      availableAtIdentification: '40000.00',
      identifiedOn: '2023-12-01',
    });
    assert.equal(need.status, 201, JSON.stringify(need.body));
    const g = ok(await hq.get('/api/resource-gaps'));
    const row = g.items[0];
    // RB: P4 40,000 × 100%; RBSA: P2 50,000 × 50%; XB: P1 100,000 × 60%; pipeline: P5 20,000 × 100% × 50%
    assert.deepEqual(
      [row.regularBudget, row.rbsa, row.extraBudgetary, row.available, row.pipeline, row.gap, row.gapAfterPipeline],
      ['40000.00', '25000.00', '60000.00', '125000.00', '10000.00', '75000.00', '65000.00'],
    );
    // filled since identification: min(160,000, 125,000 − 40,000) = 85,000; 85,000 ÷ 160,000 = 0.53125
    assert.deepEqual([row.identifiedGap, row.filled], ['160000.00', '85000.00']);
    assert.deepEqual([g.totals.shareOfGapsFilled, g.totals.outcomesWithGap, g.totals.outcomesFilled], ['0.5313', 1, 0]);

    const dup = await hq.post(`/api/cpos/${ids.cpo1}/resource-needs`, { yearFrom: 2024, yearTo: 2024, currency: 'USD', needed: '1.00', identifiedOn: '2024-01-01' });
    assert.equal(dup.status, 409);
    const bad = await hq.post(`/api/cpos/${ids.cpo2}/resource-needs`, { yearFrom: 2024, yearTo: 2024, currency: 'JPY', needed: '10.5', identifiedOn: '2024-01-01' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /JPY has 0 decimals/);
    const stale = await hq.patch(`/api/resource-needs/${need.body.id}`, { version: 99, needed: '150000.00' });
    assert.equal(stale.status, 409);
    ok(await hq.patch(`/api/resource-needs/${need.body.id}`, { version: need.body.version, needed: '150000.00' }));
    const after = ok(await hq.get('/api/resource-gaps'));
    // needed 150,000: gap 25,000; identified gap 110,000; filled min(110,000, 85,000) = 85,000 → 0.7727
    assert.deepEqual([after.items[0].gap, after.totals.shareOfGapsFilled], ['25000.00', '0.7727']);
    const listed = ok(await hq.get(`/api/cpos/${ids.cpo1}/resource-needs`)).items;
    assert.deepEqual(
      listed.map((n: any) => [n.yearFrom, n.yearTo, n.needed, n.version]),
      [[2024, 2024, '150000.0000', 2]],
    );
    assert.equal((await hq.get('/api/cpos/00000000-0000-4000-8000-000000000000/resource-needs')).status, 404);
  });

  test('the office manager acts on the watch list; a rule is changed with optimistic concurrency', async () => {
    // 1 Oct 2024: no expenditure at all on P1 → "no expenditure" and "behind the time curve" (0% vs 74.9%)
    const w = ok(await manager.get('/api/early-warnings?asOf=2024-10-01'));
    const flag = w.items.find((x: { code: string; rule: string }) => x.code === 'P1' && x.rule === 'behind_time_curve');
    assert.equal(flag.reason, 'Delivery 0% while 74.9% of the year has elapsed: 74.9 points behind (threshold 20)');
    assert.equal(flag.action, null);
    ok(await manager.post('/api/early-warnings/actions', { projectId: ids.P1, rule: 'behind_time_curve', status: 'acknowledged', comment: 'Recruitment delayed; plan revised' }));
    const again = ok(await manager.get('/api/early-warnings?asOf=2024-10-01'));
    const acted = again.items.find((x: { code: string; rule: string }) => x.code === 'P1' && x.rule === 'behind_time_curve');
    assert.deepEqual([acted.action.status, acted.action.comment], ['acknowledged', 'Recruitment delayed; plan revised']);
    // the HQ project is outside the country office manager's reach
    const outside = await manager.post('/api/early-warnings/actions', { projectId: ids.P3, rule: 'behind_time_curve', status: 'acknowledged', comment: 'x' });
    assert.equal(outside.status, 404);
    assert.equal((await manager.patch('/api/warning-rules/behind_time_curve', { version: 1, params: { points: 80 } })).status, 403);

    const rules = ok(await hq.get('/api/warning-rules')).items;
    const rule = rules.find((r: { code: string }) => r.code === 'behind_time_curve');
    assert.equal((await hq.patch('/api/warning-rules/behind_time_curve', { version: rule.version, params: { points: 0 } })).status, 400);
    assert.equal((await hq.patch('/api/warning-rules/behind_time_curve', { version: rule.version, params: { months: 3 } })).status, 400);
    ok(await hq.patch('/api/warning-rules/behind_time_curve', { version: rule.version, params: { points: 80 } }));
    assert.equal((await hq.patch('/api/warning-rules/behind_time_curve', { version: rule.version, active: false })).status, 409);
    const relaxed = ok(await manager.get('/api/early-warnings?asOf=2024-10-01'));
    assert.equal(
      relaxed.items.some((x: { rule: string }) => x.rule === 'behind_time_curve'),
      false,
      '74.9 points behind is under a threshold of 80',
    );
  });

  test('every dashboard table downloads with readable labels', async () => {
    for (const [name, query, head] of [
      ['aligned-share', 'year=2024&by=earmarking', 'Earmarking,Projects,Voluntary funding (USD),Contributing to country programme outcomes (USD),Aligned share'],
      ['resource-gaps', 'year=2024', 'Country,Country programme outcome,Period,Needed (USD)'],
      ['watch-list', 'asOf=2024-10-01', 'Project code,Project,Office,Rule,Why,Action,Comment'],
      ['portfolio-status', 'year=2024', 'Status,Projects,Allocation 2024 (USD)'],
      ['portfolio-countries', 'year=2024', 'Country,Projects'],
      ['delivery-trend', 'year=2024', 'Year,Projects,Allocation (USD)'],
      ['delivery-curve', 'year=2024', 'Month,Expenditure (USD),Cumulative expenditure (USD)'],
    ]) {
      const r = await hq.get(`/api/tables/${name}?format=csv&${query}`);
      assert.equal(r.status, 200, `${name}: ${JSON.stringify(r.body)}`);
      assert.ok(
        String(r.body)
          .replace(/^\uFEFF/, '')
          .startsWith(head as string),
        `${name}: ${String(r.body).slice(0, 200)}`,
      );
    }
    const earmarking = String((await hq.get('/api/tables/aligned-share?format=csv&year=2024&by=earmarking')).body);
    assert.match(earmarking, /Tightly earmarked,2,150000\.00,60000\.00,0\.4000/);
    const status = String((await hq.get('/api/tables/portfolio-status?format=csv&year=2024')).body);
    assert.match(status, /Pipeline,1,20000\.00/);
    assert.match(status, /Active,4,240000\.00/);

    // In the reader's language: headings, titles and labels of codes; the data stays as entered.
    const fr = String((await hq.get('/api/tables/portfolio-status?format=csv&year=2024&lang=fr')).body).replace(/^\uFEFF/, '');
    assert.ok(fr.startsWith('Statut,Projets,Allocation 2024 (USD)'), fr.slice(0, 100));
    assert.match(fr, /En préparation,1,20000\.00/);
    const es = String((await hq.get('/api/tables/aligned-share?format=csv&year=2024&by=earmarking&lang=es')).body).replace(/^\uFEFF/, '');
    assert.ok(es.startsWith('Asignación específica,Proyectos,Financiación voluntaria (USD)'), es.slice(0, 100));
    assert.match(es, /Con asignación estricta,2,150000\.00,60000\.00,0\.4000/);
    ok(await hq.post('/api/early-warnings/actions', { projectId: ids.P4, rule: 'no_spending', status: 'action_taken', comment: 'Office called' }));
    const watch = String((await hq.get('/api/tables/watch-list?format=csv&asOf=2024-10-01&lang=fr')).body);
    assert.match(watch, /Code du projet,Projet,Bureau,Règle,Motif,Suite donnée,Commentaire/);
    assert.match(watch, /P4,.*,Mesure prise,Office called/);
    assert.match(watch, /P4,.*,Aucune dépense enregistrée,Mesure prise,Office called/, 'the reason in French too');
    assert.equal((await hq.get('/api/tables/portfolio-status?format=csv&year=2024&lang=de')).status, 400);
  });

  test('changing the reporting currency converts every figure again, or is refused without rates', async () => {
    const refused = await hq.put('/api/settings/reporting-currency', { currency: 'ZZZ' });
    assert.equal(refused.status, 400);
    ok(await hq.post('/api/exchange-rates', { source: 'UN operational rates', rates: [{ currency: 'EUR', month: '2024-01-01', perUsd: '0.8' }] }));
    ok(await hq.put('/api/settings/reporting-currency', { currency: 'EUR' }));
    const d = ok(await hq.get('/api/delivery/groups?year=2024&by=office'));
    // 100,000 + 50,000 + 40,000 USD in the country office at 0.8 EUR per USD = 152,000 EUR
    assert.equal(d.currency, 'EUR');
    assert.equal(d.items.find((r: { projects: number }) => r.projects === 3)?.allocation, '152000.00');
    ok(await hq.put('/api/settings/reporting-currency', { currency: 'USD' }));
  });

  test('authorisation matrix: each role sees the delivery, watch list and downloads of its own projects only; a constituent viewer none', async () => {
    const db = database.db;
    const as = async (role: Parameters<typeof buildUser>[1], scope: Parameters<typeof buildUser>[2] = {}) => {
      const c = await signedInAs(app, db, role, scope);
      return c;
    };
    const other = await buildOffice(db, { code: 'CO-XX', officeType: 'country_office', parentId: ids.ro });
    // null: the role has no right to the money or the watch list at all (403), whatever the projects
    const matrix: [string, Client, string[] | null][] = [
      ['HQ officer', hq, ['P1', 'P2', 'P3', 'P4']],
      ['office manager of the country office', manager, ['P1', 'P2', 'P4']],
      ['office manager of another office', await as('office_manager', { officeId: other.id }), []],
      ['programme officer of the regional office', await as('programme_officer', { officeId: ids.ro }), ['P1', 'P2', 'P4']],
      ['donor viewer of donor A', await as('donor_viewer', { partnerId: ids.donorA }), ['P1', 'P3']],
      ['donor viewer of donor B', await as('donor_viewer', { partnerId: ids.donorB }), ['P2']],
      ['constituent viewer of Kenya', await as('constituent_viewer', { countryCode: 'KE' }), null],
    ];
    for (const [who, client, codes] of matrix) {
      const d = await client.get('/api/delivery?year=2024');
      const w = await client.get('/api/early-warnings?asOf=2024-10-01');
      const download = await client.get('/api/tables/delivery-projects?year=2024&format=csv');
      const watchDownload = await client.get('/api/tables/watch-list?asOf=2024-10-01&format=csv');
      if (codes === null) {
        assert.deepEqual([d.status, w.status, download.status, watchDownload.status], [403, 403, 403, 403], `${who}: no money, no watch list`);
        continue;
      }
      assert.equal(d.status, 200, who);
      assert.deepEqual(
        d.body.items.map((r: { code: string }) => r.code),
        codes,
        `${who}: delivery`,
      );
      assert.deepEqual([...new Set(w.body.items.map((x: { code: string }) => x.code))].sort(), codes, `${who}: watch list`);
      const csv = String(download.body);
      assert.deepEqual(
        ['P1', 'P2', 'P3', 'P4'].filter((c) => csv.includes(`\n${c},`)),
        codes,
        `${who}: download`,
      );
    }
    // The constituent viewer reads Kenya's projects and programming, but none of their money in any view or download.
    const constituent = matrix[6]?.[1] as Client;
    assert.equal((await constituent.get(`/api/projects/${ids.P1}`)).status, 200);
    for (const path of [
      '/api/delivery?year=2024',
      '/api/delivery/groups?year=2024&by=office',
      '/api/delivery/trend?from=2023&to=2024',
      '/api/delivery/curve?year=2024',
      '/api/portfolio/summary?year=2024',
      '/api/funding-alignment?year=2024',
      '/api/resource-gaps',
      '/api/warning-rules',
      `/api/projects/${ids.P1}/warning-actions`,
      `/api/reports/donor-progress/${ids.P1}`,
      '/api/tables/portfolio-status?year=2024&format=csv',
      '/api/tables/aligned-share?year=2024&format=csv',
      '/api/tables/resource-gaps?year=2024&format=csv',
    ]) {
      assert.equal((await constituent.get(path)).status, 403, `constituent viewer: ${path}`);
    }
    // The country brief it may read names Kenya's projects without their money.
    const brief = await constituent.get('/api/reports/country-brief/KE?asOf=2024-10-01');
    assert.equal(brief.status, 200, String(brief.body).slice(0, 300));
    assert.match(String(brief.body), /P1 Project P1/);
    assert.doesNotMatch(String(brief.body), /100,000|Delivery rate/);
    assert.match(String((await hq.get('/api/reports/country-brief/KE?asOf=2024-10-01')).body), /100,000/);
    // Acting on flags and changing rules are rights of their own.
    const donor = matrix[4]?.[1] as Client;
    assert.equal((await donor.post('/api/early-warnings/actions', { projectId: ids.P1, rule: 'no_spending', status: 'acknowledged', comment: 'x' })).status, 403);
    const officer = matrix[3]?.[1] as Client;
    assert.equal((await officer.post('/api/early-warnings/actions', { projectId: ids.P1, rule: 'no_spending', status: 'acknowledged', comment: 'x' })).status, 403);
    assert.equal((await officer.patch('/api/warning-rules/no_spending', { version: 1, active: false })).status, 403);
    assert.equal((await officer.put('/api/settings/reporting-currency', { currency: 'EUR' })).status, 403);
  });

  test("authorisation matrix: a project's confidential documents, financial statement and flags, and the rights each session lists", async () => {
    const db = database.db;
    const as = async (role: Parameters<typeof buildUser>[1], scope: Parameters<typeof buildUser>[2] = {}) => {
      const c = await signedInAs(app, db, role, scope);
      return c;
    };
    const document = (title: string, confidential: boolean, category: string) =>
      hq.post(`/api/projects/${ids.P1}/documents`, { title, url: `https://example.org/p1/${category}.pdf`, format: 'application/pdf', category, confidential });
    ok(await document('Grant contract', true, 'A11'));
    ok(await document('Project summary', false, 'A02'));
    const elsewhere = await buildOffice(db, { code: 'CO-YY', officeType: 'country_office', parentId: ids.ro });
    const both = ['Grant contract', 'Project summary'];
    const published = ['Project summary'];
    const sensitive = ['documents.confidential', 'finance.read', 'finance.import', 'warnings.read'];
    // [who, client, documents of P1 (null: 404, the project is out of reach), donor report of P1, its flags' history, sensitive rights listed]
    const matrix: [string, Client, string[] | null, number, number, string[]][] = [
      ['HQ officer', hq, both, 200, 200, sensitive],
      ['office manager of the country office', manager, both, 200, 200, sensitive],
      ['viewer of the country office', await as('viewer', { officeId: ids.co }), both, 200, 200, ['documents.confidential', 'finance.read', 'warnings.read']],
      [
        'evaluation officer of the regional office',
        await as('evaluation_officer', { officeId: ids.ro }),
        both,
        200,
        200,
        ['documents.confidential', 'finance.read', 'warnings.read'],
      ],
      ['office manager of another office', await as('office_manager', { officeId: elsewhere.id }), null, 404, 404, sensitive],
      ['donor viewer of donor A (funds P1)', await as('donor_viewer', { partnerId: ids.donorA }), published, 200, 200, ['finance.read', 'warnings.read']],
      ['donor viewer of donor B', await as('donor_viewer', { partnerId: ids.donorB }), null, 404, 404, ['finance.read', 'warnings.read']],
      ['constituent viewer of Kenya', await as('constituent_viewer', { countryCode: 'KE' }), published, 403, 403, []],
      ['constituent viewer of Tanzania', await as('constituent_viewer', { countryCode: 'TZ' }), null, 403, 403, []],
    ];
    for (const [who, client, documents, report, history, rights] of matrix) {
      const docs = await client.get(`/api/projects/${ids.P1}/documents`);
      if (documents === null) assert.equal(docs.status, 404, `${who}: documents`);
      else assert.deepEqual(docs.body.items.map((d: { title: string }) => d.title).sort(), documents, `${who}: documents`);
      const r = await client.get(`/api/reports/donor-progress/${ids.P1}?asOf=2024-10-01`);
      assert.equal(r.status, report, `${who}: donor report ${String(r.body).slice(0, 200)}`);
      if (report === 200) assert.match(String(r.body), /Financial statement[\s\S]*100,000[\s\S]*Risks/, `${who}: the report's money and risks`);
      assert.equal((await client.get(`/api/projects/${ids.P1}/warning-actions`)).status, history, `${who}: what was done about the flags`);
      const mappings = await client.get('/api/finance/mappings');
      assert.equal(mappings.status, rights.includes('finance.import') ? 200 : 403, `${who}: saved ERP mappings`);
      const session = await client.get('/api/session');
      assert.deepEqual(
        sensitive.filter((x) => session.body.user.rights.includes(x)),
        rights,
        `${who}: the rights its session lists`,
      );
    }
  });

  test('authorisation matrix: saved ERP mappings are read and changed by finance roles, each office its own', async () => {
    const db = database.db;
    const as = async (role: Parameters<typeof buildUser>[1], scope: Parameters<typeof buildUser>[2] = {}) => {
      const c = await signedInAs(app, db, role, scope);
      return c;
    };
    const mapping = { projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'Type' };
    const elsewhere = await buildOffice(db, { code: 'CO-ZZ', officeType: 'country_office', parentId: ids.ro });
    const officerZZ = await as('programme_officer', { officeId: elsewhere.id });
    const regional = await as('programme_officer', { officeId: ids.ro });
    const org = await hq.post('/api/finance/mappings', { name: 'Organisation ERP', mapping });
    assert.equal(org.status, 201, JSON.stringify(org.body));
    assert.equal(org.body.officeId, null, "an organisation-wide role saves the organisation's mapping");
    const ke = await manager.post('/api/finance/mappings', { name: 'Kenya ERP', mapping });
    assert.deepEqual([ke.status, ke.body.officeId], [201, ids.co]);
    const zz = await officerZZ.post('/api/finance/mappings', { name: 'ZZ ERP', mapping });
    assert.deepEqual([zz.status, zz.body.officeId], [201, elsewhere.id]);

    const names = async (c: Client) => {
      const r = await c.get('/api/finance/mappings');
      return r.status === 200 ? r.body.items.map((m: { name: string }) => m.name) : r.status;
    };
    const readers: [string, Client, string[] | number][] = [
      ['HQ officer', hq, ['Organisation ERP', 'Kenya ERP', 'ZZ ERP']],
      ['programme officer of the regional office (above both)', regional, ['Organisation ERP', 'Kenya ERP', 'ZZ ERP']],
      ['office manager of the Kenya office', manager, ['Organisation ERP', 'Kenya ERP']],
      ['programme officer of the other office', officerZZ, ['Organisation ERP', 'ZZ ERP']],
      ['viewer of the Kenya office', await as('viewer', { officeId: ids.co }), 403],
      ['evaluation officer of the regional office', await as('evaluation_officer', { officeId: ids.ro }), 403],
      ['donor viewer', await as('donor_viewer', { partnerId: ids.donorA }), 403],
      ['constituent viewer', await as('constituent_viewer', { countryCode: 'KE' }), 403],
    ];
    for (const [who, client, expected] of readers) assert.deepEqual(await names(client), expected, `${who}: GET /api/finance/mappings`);
    for (const [who, client] of readers.slice(4)) {
      assert.equal((await client.post('/api/finance/mappings', { name: `By ${who}`, mapping })).status, 403, `${who}: saves`);
      assert.equal((await client.delete(`/api/finance/mappings/${ke.body.id}`)).status, 403, `${who}: deletes`);
      const preview = await client.request('POST', '/api/finance/imports/preview?fileName=a.csv', 'Project,Period\nP1,2024-01', { 'Content-Type': 'application/octet-stream' });
      assert.equal(preview.status, 403, `${who}: previews an ERP file`);
    }

    // An officer cannot delete another office's mapping (out of reach: 404) nor the organisation's (403).
    assert.equal((await officerZZ.delete(`/api/finance/mappings/${ke.body.id}`)).status, 404);
    assert.equal((await officerZZ.delete(`/api/finance/mappings/${org.body.id}`)).status, 403);
    assert.equal((await manager.delete(`/api/finance/mappings/${org.body.id}`)).status, 403);
    assert.deepEqual(await names(hq), ['Organisation ERP', 'Kenya ERP', 'ZZ ERP'], 'nothing was deleted');
    // Nor use it by name, nor learn its id from a clash of names.
    const csv = 'Project,Period,Amount,Currency,Line,Type\nP1,2024-03,10.00,USD,L-1,expenditure';
    const importAs = (c: Client, name: string) =>
      c.request('POST', `/api/finance/imports?fileName=erp.csv&dryRun=true&mappingName=${encodeURIComponent(name)}`, csv, { 'Content-Type': 'application/octet-stream' });
    const used = await importAs(officerZZ, 'Kenya ERP');
    assert.deepEqual([used.status, used.body.error?.details?.field], [400, 'mappingName']);
    assert.equal((await importAs(manager, 'Kenya ERP')).status, 200);
    assert.equal((await importAs(officerZZ, 'Organisation ERP')).status, 200, "the organisation's mapping is everyone's to use");
    const clash = await officerZZ.post('/api/finance/mappings', { name: 'Kenya ERP', mapping });
    assert.equal(clash.status, 409);
    assert.equal(clash.body.error.details.id, undefined, "another office's mapping is not named by its id");
    assert.equal((await manager.post('/api/finance/mappings', { name: 'Kenya ERP', mapping })).body.error.details.id, ke.body.id);
    // Bad input is a 400, never a 500.
    assert.equal((await manager.delete('/api/finance/mappings/not-a-uuid')).status, 400);
    assert.equal((await manager.post('/api/finance/mappings', { name: 'x\u0000y', mapping })).status, 400);
    assert.equal((await manager.delete('/api/finance/mappings/00000000-0000-4000-8000-000000000000')).status, 404);

    // The offices' own: the regional officer deletes the other office's (below it), the manager its own, HQ the organisation's.
    assert.equal((await regional.delete(`/api/finance/mappings/${zz.body.id}`)).status, 204);
    assert.equal((await manager.delete(`/api/finance/mappings/${ke.body.id}`)).status, 204);
    assert.equal((await hq.delete(`/api/finance/mappings/${org.body.id}`)).status, 204);
    assert.deepEqual(await names(hq), []);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('entity_type', '=', 'import_mapping')
      .where('entity_id', '=', ke.body.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, (a.before as { officeId?: string } | null)?.officeId ?? null]),
      [
        ['create', null],
        ['delete', ids.co],
      ],
    );
  });

  test("migration 0014 gives each mapping saved before it its saver's office, when that saver's rights were office-scoped", async () => {
    const db = database.db;
    const mapping = { projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'Type' };
    const byManager = ok(await manager.post('/api/finance/mappings', { name: 'Saved by the manager', mapping }));
    const byHq = ok(await hq.post('/api/finance/mappings', { name: 'Saved by HQ', mapping }));
    // As they were before 0014: no owner.
    await db.updateTable('import_mappings').set({ office_id: null }).execute();
    const file = readFileSync(join(import.meta.dirname, '..', 'db', 'migrations', '0014_import_mapping_offices.sql'), 'utf8');
    await sql.raw(file.slice(file.indexOf('update import_mappings'))).execute(db);
    const owners = await db.selectFrom('import_mappings').select(['id', 'office_id']).where('id', 'in', [byManager.id, byHq.id]).execute();
    assert.deepEqual(Object.fromEntries(owners.map((o) => [o.id, o.office_id])), { [byManager.id]: ids.co, [byHq.id]: null });
  });
});
