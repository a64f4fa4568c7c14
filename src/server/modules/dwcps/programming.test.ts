import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, ok } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';

/** Builds a country's Cooperation Framework and DWCP through the API, as an office would. */
let database: Database;
let api: Client;
const ids: Record<string, string> = {};

before(async () => {
  database = await openTestDatabase();
  const app = buildApp(database);
  const hq = await buildOffice(database.db, { code: 'HQ' });
  const ro = await buildOffice(database.db, { code: 'RO-ASIA', name: 'Regional Office for Asia', officeType: 'regional_office', parentId: hq.id });
  const co = await buildOffice(database.db, { code: 'CO-DELHI', officeType: 'country_office', parentId: ro.id });
  ids.co = co.id;
  const user = await buildUser(database.db, 'programme_officer', { officeId: co.id });
  api = new Client(app);
  await api.signIn(user.email, TEST_PASSWORD);
});
after(() => database.close());

describe('country programming through the API', () => {
  test('country programme, constituents, CF cycle with priorities, outcomes linked to SDG targets, outputs', async () => {
    ok(await api.post('/api/countries', { countryCode: 'IN', presence: 'resident', coveringOfficeId: ids.co }), 201);
    ok(await api.post('/api/countries/IN/constituents', { kind: 'ministry_of_labour', name: 'Ministry of Labour and Employment' }), 201);
    ok(await api.post('/api/countries/IN/constituents', { kind: 'workers', name: 'Central trade union organisations' }), 201);
    const cycle = ok(
      await api.post('/api/countries/IN/cf-cycles', {
        kind: 'cooperation_framework',
        title: 'UNSDF 2018–22',
        periodStart: '2018-01-01',
        periodEnd: '2022-12-31',
        stage: 'implementation',
      }),
      201,
    );
    ids.cycle = cycle.id;
    const p1 = ok(await api.post(`/api/cf-cycles/${cycle.id}/priorities`, { code: 'SP1', title: 'Poverty and urbanization' }), 201);
    const o1 = ok(
      await api.post(`/api/cf-cycles/${cycle.id}/outcomes`, {
        priorityId: p1.id,
        code: 'O1',
        text: 'By 2022, more workers in the informal economy are covered by social protection',
        orgRole: 'lead',
        sdgTargets: ['1.3', '8.5'],
      }),
      201,
    );
    const o2 = ok(
      await api.post(`/api/cf-cycles/${cycle.id}/outcomes`, {
        priorityId: p1.id,
        code: 'O2',
        text: 'Migrant workers enjoy safer migration',
        orgRole: 'participant',
        sdgTargets: ['8.8'],
      }),
      201,
    );
    const out = ok(await api.post(`/api/cf-outcomes/${o2.id}/outputs`, { code: 'O2.1', text: 'Recruitment agencies regulated' }), 201);
    Object.assign(ids, { o1: o1.id, o2: o2.id, out: out.id });
    const full = ok(await api.get(`/api/cf-cycles/${cycle.id}`), 200);
    assert.deepEqual(full.priorities[0].outcomes[0].sdgTargets, ['1.3', '8.5']);
    assert.equal(full.priorities[0].outcomes[1].outputs[0].code, 'O2.1');
  });

  test('a cycle overlapping another of the same country is refused, naming the field', async () => {
    const r = await api.post('/api/countries/IN/cf-cycles', {
      kind: 'cooperation_framework',
      title: 'Overlap',
      periodStart: '2022-06-01',
      periodEnd: '2026-12-31',
      stage: 'roadmap',
    });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.details.field, 'periodStart');
    assert.match(r.body.error.message, /overlaps the cycle "UNSDF 2018–22"/);
    ok(
      await api.post('/api/countries/IN/cf-cycles', { kind: 'cooperation_framework', title: 'CF 2023–27', periodStart: '2023-01-01', periodEnd: '2027-12-31', stage: 'signed' }),
      201,
    );
  });

  test('DWCP: a derived CPO copies the CF outcome verbatim; an additional one needs a justification', async () => {
    const dwcp = ok(
      await api.post('/api/countries/IN/dwcps', { title: 'DWCP India 2018–22', periodStart: '2018-01-01', periodEnd: '2022-12-31', status: 'active', cfCycleId: ids.cycle }),
      201,
    );
    ids.dwcp = dwcp.id;
    const pa = ok(await api.post(`/api/dwcps/${dwcp.id}/priorities`, { code: 'P1', title: 'Social protection for informal workers' }), 201);
    const pb = ok(await api.post(`/api/dwcps/${dwcp.id}/priorities`, { code: 'P2', title: 'Fair migration' }), 201);
    const pc = ok(await api.post(`/api/dwcps/${dwcp.id}/priorities`, { code: 'P3', title: 'Ratification of conventions' }), 201);
    Object.assign(ids, { pa: pa.id, pb: pb.id, pc: pc.id });

    const derived = ok(await api.post(`/api/dwcps/${dwcp.id}/cpos`, { priorityId: pa.id, code: 'IND101', derivation: 'derived', cfOutcomeId: ids.o1, sdgTargets: ['1.3'] }), 201);
    assert.equal(derived.text, 'By 2022, more workers in the informal economy are covered by social protection');
    ids.derived = derived.id;

    const edited = await api.post(`/api/dwcps/${dwcp.id}/cpos`, {
      priorityId: pa.id,
      code: 'IND102',
      derivation: 'derived',
      cfOutcomeId: ids.o1,
      text: 'More informal workers covered',
    });
    assert.equal(edited.status, 400);
    assert.equal(edited.body.error.details.field, 'text');

    const unjustified = await api.post(`/api/dwcps/${dwcp.id}/cpos`, { priorityId: pc.id, code: 'IND103', derivation: 'additional', text: 'Conventions ratified' });
    assert.equal(unjustified.status, 400);
    assert.equal(unjustified.body.error.details.field, 'justification');

    ok(
      await api.post(`/api/dwcps/${dwcp.id}/cpos`, {
        priorityId: pc.id,
        code: 'IND103',
        derivation: 'additional',
        text: 'Conventions ratified',
        justification: 'Normative work: supervisory bodies',
      }),
      201,
    );
    ok(
      await api.post(`/api/dwcps/${dwcp.id}/cpos`, {
        priorityId: pb.id,
        code: 'IND104',
        derivation: 'additional',
        text: 'Fair recruitment',
        justification: 'Standards',
        cfOutputIds: [ids.out],
      }),
      201,
    );
  });

  test('a CPO cannot be derived from a CF outcome of another country', async () => {
    const ro = await database.db.selectFrom('offices').select('id').where('code', '=', 'RO-ASIA').executeTakeFirstOrThrow();
    const admin = await buildUser(database.db, 'admin');
    const a = new Client(api.app);
    await a.signIn(admin.email, TEST_PASSWORD);
    ok(await a.post('/api/countries', { countryCode: 'PK', presence: 'resident', coveringOfficeId: ro.id }), 201);
    const dwcp = ok(await a.post('/api/countries/PK/dwcps', { title: 'DWCP Pakistan', periodStart: '2018-01-01', periodEnd: '2022-12-31', status: 'active' }), 201);
    const pr = ok(await a.post(`/api/dwcps/${dwcp.id}/priorities`, { code: 'P1', title: 'Jobs' }), 201);
    const r = await a.post(`/api/dwcps/${dwcp.id}/cpos`, { priorityId: pr.id, code: 'PAK101', derivation: 'derived', cfOutcomeId: ids.o1 });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.details.field, 'cfOutcomeId');
    assert.match(r.body.error.message, /own country/);
  });

  test('alignment: recorded and computed per priority, the matrix, and the portfolio share', async () => {
    const d = ok(await api.get(`/api/dwcps/${ids.dwcp}`), 200);
    const level = (code: string) => d.priorities.find((p: { code: string }) => p.code === code).alignmentComputed;
    assert.deepEqual([level('P1'), level('P2'), level('P3')], ['fully', 'partially', 'not']);

    const m = ok(await api.get('/api/countries/IN/alignment'), 200);
    assert.deepEqual(
      m.outcomes.map((o: { code: string }) => o.code),
      ['O1', 'O2'],
    );
    const row = (code: string) => m.rows.find((r: { code: string }) => r.code === code);
    assert.deepEqual(row('P1').cells, { [ids.o1 as string]: 'outcome' });
    assert.deepEqual(row('P2').cells, { [ids.o2 as string]: 'output' });
    assert.deepEqual(row('P3').cells, {});

    // A person's assessment overrides the computed level in the portfolio share.
    const p3 = d.priorities.find((p: { code: string }) => p.code === 'P3');
    ok(await api.patch(`/api/dwcp-priorities/${p3.id}`, { alignmentRecorded: 'partially', alignmentEvidence: 'UNSDF output 3.2 mentions ratification', version: p3.version }), 200);
    const portfolio = ok(await api.get('/api/alignment/portfolio'), 200);
    const asia = portfolio.items.find((r: { region: string; year: number }) => r.region === 'Regional Office for Asia' && r.year === 2018);
    assert.deepEqual({ ...asia }, { region: 'Regional Office for Asia', year: 2018, priorities: 3, fully: 1, partially: 2, not: 0, reflectedShare: '1.0000' });
  });

  test('a CF outcome edited after derivation flags the CPO as drifted until it is re-derived', async () => {
    const o1 = await database.db
      .selectFrom('cf_outcomes')
      .select('version')
      .where('id', '=', ids.o1 as string)
      .executeTakeFirstOrThrow();
    ok(await api.patch(`/api/cf-outcomes/${ids.o1}`, { text: 'By 2022, more informal economy workers have social protection', version: o1.version }), 200);
    let cpo = ok(await api.get(`/api/dwcps/${ids.dwcp}`), 200).priorities[0].cpos[0];
    assert.equal(cpo.drifted, true);
    ok(await api.patch(`/api/cpos/${ids.derived}`, { version: cpo.version }), 200);
    cpo = ok(await api.get(`/api/dwcps/${ids.dwcp}`), 200).priorities[0].cpos[0];
    assert.equal(cpo.drifted, false);
    assert.equal(cpo.text, 'By 2022, more informal economy workers have social protection');
  });

  test('a CPO revised on its own: code, text, CF output links; a clash or an unknown output named; a stale version changes nothing', async () => {
    const find = async (code: string) =>
      ok(await api.get(`/api/dwcps/${ids.dwcp}`), 200)
        .priorities.flatMap((p: { cpos: unknown[] }) => p.cpos)
        .find((c: { code: string }) => c.code === code);
    const cpo = await find('IND103');
    const revised = ok(
      await api.patch(`/api/cpos/${cpo.id}`, { code: 'IND103a', text: 'Conventions ratified and reported on', cfOutputIds: [ids.out], version: cpo.version }),
      200,
    );
    assert.equal(revised.code, 'IND103a');
    assert.equal(revised.text, 'Conventions ratified and reported on');
    assert.deepEqual(revised.cfOutputIds, [ids.out]);
    assert.equal(revised.justification, 'Normative work: supervisory bodies', 'left alone');
    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', cpo.id).where('action', '=', 'update').execute();
    assert.equal(audit.length, 1);
    assert.deepEqual((audit[0]?.before as { cfOutputIds?: string[] } | undefined)?.cfOutputIds, []);
    assert.deepEqual((audit[0]?.after as { cfOutputIds?: string[] } | undefined)?.cfOutputIds, [ids.out]);

    const emptied = await api.patch(`/api/cpos/${cpo.id}`, { text: ' ', version: revised.version });
    assert.equal(emptied.status, 400, 'an additional outcome keeps a text');
    assert.deepEqual([emptied.body.error.details.field, emptied.body.error.details.reason], ['text', 'required']);
    const clash = await api.patch(`/api/cpos/${cpo.id}`, { code: 'IND104', version: revised.version });
    assert.equal(clash.status, 400);
    assert.equal(clash.body.error.details.field, 'code');
    const unknown = await api.patch(`/api/cpos/${cpo.id}`, { cfOutputIds: ['00000000-0000-4000-8000-000000000000'], version: revised.version });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.details.field, 'cfOutputIds');
    const stale = await api.patch(`/api/cpos/${cpo.id}`, { text: 'Overwritten', version: cpo.version });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.details.current.text, 'Conventions ratified and reported on');
    const now = await find('IND103a');
    assert.deepEqual([now.text, now.cfOutputIds, now.version], ['Conventions ratified and reported on', [ids.out], revised.version]);
  });

  test('indicators: a target revision keeps the old value and needs a reason; a milestone outside the period is refused', async () => {
    const ind = ok(
      await api.post('/api/indicators', {
        nodeType: 'cpo',
        nodeId: ids.derived,
        title: 'Informal workers covered',
        unit: 'persons',
        baselineValue: '1000000',
        baselineDate: '2017-12-31',
      }),
      201,
    );
    ok(await api.post(`/api/indicators/${ind.id}/targets`, { kind: 'target', periodStart: '2018-01-01', periodEnd: '2022-12-31', value: '5000000' }), 201);
    const noReason = await api.post(`/api/indicators/${ind.id}/targets`, { kind: 'target', periodStart: '2018-01-01', periodEnd: '2022-12-31', value: '4000000' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.details.field, 'reason');
    ok(await api.post(`/api/indicators/${ind.id}/targets`, { kind: 'target', periodStart: '2018-01-01', periodEnd: '2022-12-31', value: 4000000, reason: 'Budget cut' }), 201);
    const outside = await api.post(`/api/indicators/${ind.id}/targets`, { kind: 'milestone', periodStart: '2024-01-01', periodEnd: '2024-12-31', value: '1' });
    assert.equal(outside.status, 400);
    assert.equal(outside.body.error.details.field, 'periodStart');
    ok(await api.post(`/api/indicators/${ind.id}/actuals`, { periodStart: '2019-01-01', periodEnd: '2019-12-31', value: '2100000', source: 'Labour force survey 2019' }), 201);
    const full = ok(await api.get(`/api/indicators/${ind.id}`), 200);
    assert.deepEqual(
      full.targets.map((t: { value: string }) => t.value),
      ['4000000'],
    );
    assert.deepEqual(
      full.history.map((t: { value: string }) => t.value),
      ['5000000'],
    );
    assert.equal(full.actuals[0].source, 'Labour force survey 2019');
  });

  test('the calendar: next 24 months, notifications with constituents, and an iCalendar feed', async () => {
    ok(await api.post('/api/countries/IN/milestones', { kind: 'cca', title: 'CCA update', dueDate: '2027-03-01', notifyDays: 45, cfCycleId: ids.cycle }), 201);
    ok(await api.post('/api/countries/IN/milestones', { kind: 'dwcp_review', title: 'DWCP mid-term review', dueDate: '2027-06-15', dwcpId: ids.dwcp }), 201);
    ok(await api.post('/api/countries/IN/milestones', { kind: 'cf_evaluation', title: 'Far away', dueDate: '2030-01-01' }), 201);
    const cal = ok(await api.get('/api/calendar?asOf=2027-01-20'), 200);
    assert.deepEqual(
      cal.items.map((m: { title: string }) => m.title),
      ['CCA update', 'DWCP mid-term review'],
    );
    assert.equal(cal.items[0].notifyBy, '2027-01-15');
    const n = ok(await api.get('/api/calendar/notifications?asOf=2027-01-20'), 200);
    assert.deepEqual(
      n.items.map((m: { title: string }) => m.title),
      ['CCA update'],
    );
    assert.equal(n.items[0].daysLeft, 40);
    assert.equal(n.items[0].constituents.length, 2);
    const ics = await api.get('/api/calendar.ics?asOf=2027-01-20');
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
    const events = String(ics.body).split('BEGIN:VEVENT').slice(1);
    assert.equal(events.length, 2);
    assert.match(events[0] as string, /SUMMARY:India: CCA update/);
    assert.match(events[0] as string, /DTSTART;VALUE=DATE:20270301/);
    const bad = await api.post('/api/countries/IN/milestones', { kind: 'cca', title: 'x', dueDate: '2027-02-30' });
    assert.equal(bad.status, 400);
  });

  test('organisation-wide frameworks: outcomes, outputs and indicators; only headquarters roles change them', async () => {
    const denied = await api.post('/api/frameworks', { kind: 'programme_budget', code: 'PB-X', title: 'P&B', periodStart: '2020-01-01', periodEnd: '2021-12-31' });
    assert.equal(denied.status, 403, 'a programme officer may not change organisation-wide frameworks');
    const admin = await buildUser(database.db, 'admin');
    const a = new Client(api.app);
    await a.signIn(admin.email, TEST_PASSWORD);
    const fw = ok(
      await a.post('/api/frameworks', { kind: 'programme_budget', code: 'PB-2020-21', title: 'Programme and Budget 2020–21', periodStart: '2020-01-01', periodEnd: '2021-12-31' }),
      201,
    );
    const outcome = ok(await a.post(`/api/frameworks/${fw.id}/outcomes`, { code: '8', title: 'Comprehensive and sustainable social protection for all' }), 201);
    ok(
      await a.post(`/api/frameworks/outcomes/${outcome.id}/outputs`, {
        code: '8.1',
        title: 'Increased capacity of member States to develop new or reformed national social protection strategies',
      }),
      201,
    );
    const ind = ok(
      await a.post('/api/indicators', { nodeType: 'org_outcome', nodeId: outcome.id, title: 'Member States with improved social protection', unit: 'countries' }),
      201,
    );
    ok(await a.post(`/api/indicators/${ind.id}/targets`, { kind: 'target', periodStart: '2020-01-01', periodEnd: '2021-12-31', value: '25' }), 201);
    const listed = ok(await api.get('/api/frameworks'), 200);
    const o = listed.items.find((f: { code: string }) => f.code === 'PB-2020-21').outcomes[0];
    assert.equal(o.outputs[0].code, '8.1');
    assert.equal(o.indicators[0].targets[0].value, '25');
    const outside = await a.post(`/api/indicators/${ind.id}/targets`, { kind: 'milestone', periodStart: '2022-01-01', periodEnd: '2022-12-31', value: '1' });
    assert.equal(outside.status, 400, 'a milestone outside the biennium is refused');
  });

  test('every read and change answers its contract: lists in one envelope, records with their fields named', async () => {
    const profile = ok(await api.get('/api/countries/IN'), 200);
    assert.equal(profile.nameEn, 'India');
    assert.equal(profile.coveringOfficeCode, 'CO-DELHI');
    const changed = ok(await api.patch('/api/countries/IN', { deliveringAsOne: true, version: profile.version }), 200);
    assert.deepEqual([changed.deliveringAsOne, changed.nameEn, changed.version], [true, 'India', profile.version + 1]);
    const programmes = ok(await api.get('/api/countries'), 200);
    assert.equal(programmes.total, programmes.items.length);

    const constituents = ok(await api.get('/api/countries/IN/constituents'), 200);
    assert.equal(constituents.total, 2);
    const added = ok(await api.post('/api/countries/IN/constituents', { kind: 'employers', name: 'Employers federation', acronym: 'EF' }), 201);
    const renamed = ok(await api.patch(`/api/constituents/${added.id}`, { name: 'Employers Federation of India', version: added.version }), 200);
    assert.equal(renamed.name, 'Employers Federation of India');
    assert.equal((await api.request('DELETE', `/api/constituents/${added.id}?version=${renamed.version}`)).status, 204);

    const cycles = ok(await api.get('/api/countries/IN/cf-cycles'), 200);
    assert.deepEqual(
      cycles.items.map((c: { title: string }) => c.title),
      ['CF 2023–27', 'UNSDF 2018–22'],
    );
    assert.equal(cycles.total, 2);
    const cycle = cycles.items[1];
    assert.equal(ok(await api.patch(`/api/cf-cycles/${cycle.id}`, { stage: 'evaluation', version: cycle.version }), 200).stage, 'evaluation');
    const o2 = await database.db
      .selectFrom('cf_outcomes')
      .select('version')
      .where('id', '=', ids.o2 as string)
      .executeTakeFirstOrThrow();
    const outcome = ok(await api.patch(`/api/cf-outcomes/${ids.o2}`, { outcomeGroup: 'Migration', version: o2.version }), 200);
    assert.deepEqual([outcome.outcomeGroup, outcome.sdgTargets], ['Migration', ['8.8']]);

    const dwcps = ok(await api.get('/api/countries/IN/dwcps'), 200);
    assert.equal(dwcps.total, 1);
    const dwcp = ok(await api.patch(`/api/dwcps/${ids.dwcp}`, { status: 'extended', version: dwcps.items[0].version }), 200);
    assert.equal(dwcp.status, 'extended');
    const cpo = ok(await api.get(`/api/dwcps/${ids.dwcp}`), 200).priorities[0].cpos[0];
    assert.deepEqual([cpo.cfOutcomeCode, cpo.sdgTargets], ['O1', ['1.3']]);
    const rederived = ok(await api.patch(`/api/cpos/${ids.derived}`, { version: cpo.version }), 200);
    assert.deepEqual(rederived.sdgTargets, ['1.3'], 'a changed CPO is answered with its links');

    const indicators = ok(await api.get(`/api/indicators?nodeType=cpo&nodeId=${ids.derived}`), 200);
    assert.deepEqual([indicators.total, indicators.items[0].title], [1, 'Informal workers covered']);

    const calendar = ok(await api.get('/api/calendar?asOf=2027-01-20'), 200);
    assert.equal(calendar.total, 2);
    const milestone = calendar.items[0];
    assert.equal(milestone.countryNameEn, 'India');
    const done = ok(await api.patch(`/api/milestones/${milestone.id}`, { doneOn: '2027-02-27', version: milestone.version }), 200);
    assert.equal(done.doneOn, '2027-02-27');

    const page = ok(await api.get('/api/countries/IN/page'), 200);
    assert.equal(page.profile.nameEn, 'India');
    assert.equal(page.dwcp.id, ids.dwcp);
    assert.equal(page.cycle.id, ids.cycle);
    assert.deepEqual(page.sdgTargets.map((t: { code: string }) => t.code).sort(), ['1.3', '8.5', '8.8']);
    assert.ok(page.sdgTargets.every((t: { titleEn: string; titleFr: string; titleEs: string }) => t.titleEn && t.titleFr && t.titleEs));
    assert.equal(page.indicators[0].targets[0].value, '4000000');
    assert.equal(page.indicators[0].actuals[0].source, 'Labour force survey 2019');
  });

  test('a country programme imported whole answers what it stored, by kind', async () => {
    const hq = await database.db.selectFrom('offices').select('id').where('code', '=', 'HQ').executeTakeFirstOrThrow();
    await buildOffice(database.db, { code: 'CO-DAR', officeType: 'country_office', parentId: hq.id });
    const admin = await buildUser(database.db, 'admin');
    const a = new Client(api.app);
    await a.signIn(admin.email, TEST_PASSWORD);
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'examples', 'programme-kenya.json'), 'utf8'));
    const report = ok(await a.post('/api/programmes/import', doc), 201);
    assert.equal(report.country, 'KE');
    assert.deepEqual(
      { constituents: report.counts.constituents, cycles: report.counts.cycles, dwcps: report.counts.dwcps, milestones: report.counts.milestones },
      {
        constituents: 3,
        cycles: 1,
        dwcps: 1,
        milestones: 1,
      },
    );
    const again = await a.post('/api/programmes/import', doc);
    assert.equal(again.status, 409, JSON.stringify(again.body));
  });

  test('a link to a non-existent SDG target is refused and nothing is stored', async () => {
    const p = await database.db.selectFrom('cf_priorities').select('id').executeTakeFirstOrThrow();
    const r = await api.post(`/api/cf-cycles/${ids.cycle}/outcomes`, { priorityId: p.id, code: 'O9', text: 'x', sdgTargets: ['8.99'] });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.details.field, 'sdgTargets');
    const stored = await database.db.selectFrom('cf_outcomes').select('id').where('code', '=', 'O9').execute();
    assert.equal(stored.length, 0);
  });
});
