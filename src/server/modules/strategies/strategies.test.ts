import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildProject, type ProjectOptions } from '../../../../test/factories/projects.ts';
import { buildOffice, buildPartner, signedInAs } from '../../../../test/factories.ts';
import { buildApp, type Client, ok } from '../../../../test/helpers/api.ts';
import { SqlRecorder } from '../../../../test/helpers/sql-recorder.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';

/*
 * Computed indicators on a hand-checked fixture (this year Y, every expected number worked out by hand):
 *   P1 XBDC  active (pipeline → appraisal → approved → active)  allocation Y 100,000  100% to CPO KEN101
 *   P2 RBSA  active (same path)                                  allocation Y  50,000  no CPO
 *   P3 XBDC  sent back from appraisal to the pipeline             (not approved)
 *   P4 imported as approved without an appraisal step             (history written directly)
 *   expenditure this month (the projects started today): P1 30,000, P2 20,000
 *   CF cycles: 2020–23 (no DWCP outcome derived from it), 2024–27 (CPO KEN101 derived from its outcome O1)
 *   resource need of KEN101 for Y: 200,000, of which 40,000 available when identified → gap 160,000
 * delivery rate = 50,000 ÷ 150,000 = 33.33%; aligned share = 100,000 ÷ 150,000 = 66.67% (both voluntary);
 * gaps filled = min(160,000, 100,000 − 40,000) ÷ 160,000 = 37.50%; proposals appraised = 2 of 3 approved = 66.67%;
 * CFs reflecting DWCP priorities = 1 (of 2 begun).
 * Then P1's allocation becomes 300,000: delivery 50,000 ÷ 350,000 = 14.29%, aligned 300,000 ÷ 350,000 = 85.71%,
 * gaps filled min(160,000, 260,000) = 100.00%.
 */
const Y = new Date().getUTCFullYear();
const TODAY = new Date().toISOString().slice(0, 10);
let database: Database;
let hq: Client;
let viewer: Client;
let donor: Client;
let app: ReturnType<typeof buildApp>;
const ids: Record<string, string> = {};

const strategy = (over: Record<string, unknown> = {}) => ({
  code: 'DC-STRATEGY',
  title: 'Development Cooperation Strategy',
  periodStart: `${Y - 1}-01-01`,
  periodEnd: `${Y + 2}-12-31`,
  currency: 'USD',
  periods: [
    { label: 'first biennium', startDate: `${Y - 1}-01-01`, endDate: `${Y}-12-31` },
    { label: 'second biennium', startDate: `${Y + 1}-01-01`, endDate: `${Y + 2}-12-31` },
  ],
  outcomes: [
    {
      number: 1,
      title: 'Resources are aligned',
      availableResources: '1000000',
      keyOutputs: ['Training'],
      resourceGap: '250000',
      indicators: [
        {
          number: '1.1',
          text: 'Gaps filled',
          baselineText: 'None',
          targetText: '90 per cent',
          unit: 'percent',
          formula: 'gaps_filled',
          milestones: [{ period: 'first biennium', label: '70 per cent', value: '70' }],
        },
        {
          number: '1.2',
          text: 'Aligned share',
          baselineText: 'None',
          targetText: '80 per cent',
          unit: 'percent',
          formula: 'aligned_share',
          milestones: [{ period: 'first biennium', label: '60 per cent', value: '60' }],
        },
        {
          number: '1.3',
          text: 'Delivery rate',
          baselineText: 'None',
          targetText: '90 per cent',
          unit: 'percent',
          formula: 'delivery_rate',
          milestones: [{ period: 'first biennium', label: '75 per cent', value: '75' }],
        },
        {
          number: '1.4',
          text: 'Appraised',
          baselineText: 'None',
          targetText: '100 per cent',
          unit: 'percent',
          formula: 'proposals_appraised',
          milestones: [{ period: 'first biennium', label: '75 per cent', value: '75' }],
        },
        {
          number: '1.5',
          text: 'CFs reflecting DWCP',
          baselineText: 'To be set',
          targetText: '50 per cent increase',
          unit: 'increase',
          formula: 'cfs_reflecting_dwcp',
          milestones: [{ period: 'first biennium', label: '20 per cent increase', value: '20' }],
        },
        {
          number: '1.6',
          text: 'Satisfaction',
          baselineText: 'A survey',
          targetText: '80 per cent',
          unit: 'percent',
          milestones: [{ period: 'first biennium', label: '50 per cent', value: '50' }],
        },
      ],
    },
  ],
  ...over,
});

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  const db = database.db;
  const root = await buildOffice(db, { code: 'HQ' });
  const co = await buildOffice(db, { code: 'CO-KE', officeType: 'country_office', parentId: root.id });
  hq = await signedInAs(app, db, 'hq_officer');
  viewer = await signedInAs(app, db, 'viewer', { officeId: co.id });
  ok(await hq.post('/api/countries', { countryCode: 'KE', presence: 'resident', coveringOfficeId: co.id }));
  const partner = await buildPartner(db, 'Donor');
  donor = await signedInAs(app, db, 'donor_viewer', { partnerId: partner.id });
  const cycle = async (title: string, start: string, end: string) =>
    ok(await hq.post('/api/countries/KE/cf-cycles', { kind: 'cooperation_framework', title, periodStart: start, periodEnd: end, stage: 'signed' }));
  await cycle('UNDAF 2020–23', '2020-01-01', '2023-12-31');
  const cf = await cycle('CF 2024–27', '2024-01-01', '2027-12-31');
  const sp = ok(await hq.post(`/api/cf-cycles/${cf.id}/priorities`, { code: 'SP1', title: 'Jobs' }));
  const o1 = ok(await hq.post(`/api/cf-cycles/${cf.id}/outcomes`, { priorityId: sp.id, code: 'O1', text: 'More decent jobs', orgRole: 'lead' }));
  const dwcp = ok(await hq.post('/api/countries/KE/dwcps', { title: 'DWCP Kenya', periodStart: '2024-01-01', periodEnd: '2027-12-31', status: 'active', cfCycleId: cf.id }));
  const pr = ok(await hq.post(`/api/dwcps/${dwcp.id}/priorities`, { code: 'P1', title: 'Youth employment' }));
  ids.cpo = ok(await hq.post(`/api/dwcps/${dwcp.id}/cpos`, { priorityId: pr.id, code: 'KEN101', derivation: 'derived', cfOutcomeId: o1.id })).id;

  const project = async (code: string, fundingSource: string, path: ProjectOptions['path'], over: Partial<ProjectOptions> = {}) => {
    const p = await buildProject(db, {
      code,
      title: `Project ${code}`,
      officeId: co.id,
      fundingSource,
      plannedStart: `${Y}-01-01`,
      plannedEnd: `${Y + 1}-12-31`,
      partners: [{ partnerId: partner.id, role: 'funding' }],
      path,
      ...over,
    });
    ids[code] = p.id;
  };
  await project('P1', 'XBDC', ['appraisal', 'approved', 'active'], { cpoLinks: [{ cpoId: ids.cpo as string, share: 100 }] });
  await project('P2', 'RBSA', ['appraisal', 'approved', 'active']);
  await project('P3', 'XBDC', ['appraisal', 'pipeline']);
  await project('P4', 'XBDC', []);
  await db
    .insertInto('project_status_history')
    .values({ project_id: ids.P4 as string, from_status: null, to_status: 'approved', actor_label: 'import' })
    .execute();
  ok(await hq.put(`/api/projects/${ids.P1}/allocations/${Y}`, { amount: '100000.00', currency: 'USD' }));
  ok(await hq.put(`/api/projects/${ids.P2}/allocations/${Y}`, { amount: '50000.00', currency: 'USD' }));
  const csv = ['Project,Period,Amount,Currency,Line,Type', `P1,${TODAY.slice(0, 7)},30000.00,USD,L1,expenditure`, `P2,${TODAY.slice(0, 7)},20000.00,USD,L2,expenditure`].join('\n');
  const mapping = JSON.stringify({ projectCode: 'Project', period: 'Period', amount: 'Amount', currency: 'Currency', sourceRef: 'Line', kind: 'Type' });
  const imported = ok(
    await hq.request('POST', `/api/finance/imports?fileName=erp.csv&mapping=${encodeURIComponent(mapping)}`, csv, { 'Content-Type': 'application/octet-stream' }),
  );
  assert.ok(imported.ok, JSON.stringify(imported.issues));
  ok(
    await hq.post(`/api/cpos/${ids.cpo}/resource-needs`, {
      yearFrom: Y,
      yearTo: Y,
      currency: 'USD',
      needed: '200000.00',
      availableAtIdentification: '40000.00',
      identifiedOn: `${Y}-01-01`,
    }),
  );
  const s = ok(await hq.post('/api/strategies', strategy()));
  ids.strategy = s.id;
});
after(() => database.close());

const progressOf = async (asOf = TODAY) => {
  const p = ok(await hq.get(`/api/strategies/DC-STRATEGY/progress?asOf=${asOf}`));
  return Object.fromEntries(p.outcomes[0].indicators.map((r: any) => [r.indicator.number, r]));
};

describe('strategy indicators computed by named formulas (hand-checked)', () => {
  test('each formula gives the hand-worked value, with its data and the date', async () => {
    const r = await progressOf();
    assert.equal(r['1.1'].value, '37.50');
    assert.deepEqual(r['1.1'].computed.data, { year: Y, currency: 'USD', identifiedGap: '160000.00', filled: '60000.00', outcomesWithGap: 1, outcomesFilled: 0 });
    assert.equal(r['1.2'].value, '66.67');
    assert.equal(r['1.2'].computed.data.voluntary, '150000.00');
    assert.equal(r['1.3'].value, '33.33');
    assert.equal(r['1.3'].computed.data.expenditure, '50000.00');
    assert.equal(r['1.4'].value, '66.67');
    assert.equal(r['1.4'].computed.data.approved, 3);
    assert.equal(r['1.4'].computed.data.appraised, 2);
    assert.equal(r['1.5'].value, '1');
    assert.deepEqual(r['1.5'].computed.data, { asOf: TODAY, frameworks: 2, reflectingDwcp: 1 });
    assert.match(r['1.3'].source, /formula delivery_rate, as at/);
    assert.equal(r['1.3'].computed.asOf, TODAY);
  });

  test('status against the milestone, with the rule that decided it', async () => {
    const r = await progressOf();
    assert.equal(r['1.2'].status, 'on_track');
    assert.equal(r['1.2'].rule, '66.67% reaches the first biennium milestone of 60%');
    assert.equal(r['1.1'].status, 'off_track');
    assert.match(r['1.1'].rule, /37\.5% is more than 10 points below the first biennium milestone of 70%/);
    assert.equal(r['1.4'].status, 'at_risk', '66.67 is within 10 points of 75');
    assert.equal(r['1.5'].status, 'no_data', 'an increase needs a baseline');
    assert.equal(r['1.6'].status, 'no_data');
  });

  test('computed values change when the data change', async () => {
    ok(await hq.put(`/api/projects/${ids.P1}/allocations/${Y}`, { amount: '300000.00', currency: 'USD' }));
    const r = await progressOf();
    assert.equal(r['1.3'].value, '14.29');
    assert.equal(r['1.2'].value, '85.71');
    assert.equal(r['1.1'].value, '100.00');
    assert.equal(r['1.1'].status, 'on_track');
  });

  test('a formula two indicators share is computed once, not once per indicator', async () => {
    const recorder = new SqlRecorder();
    const recorded = await signedInAs(buildApp({ ...database, db: database.db.withPlugin(recorder) }), database.db, 'hq_officer');
    const indicator = (number: string) => ({ number, text: `Delivery ${number}`, baselineText: 'None', targetText: '90 per cent', unit: 'percent', formula: 'delivery_rate' });
    const outcome = (numbers: string[]) => [{ number: 1, title: 'Delivery', indicators: numbers.map(indicator) }];
    ok(await hq.post('/api/strategies', strategy({ code: 'ONE-DELIVERY', outcomes: outcome(['1.1']) })), 201);
    ok(await hq.post('/api/strategies', strategy({ code: 'TWO-DELIVERY', outcomes: outcome(['1.1', '1.2']) })), 201);
    const statementsOf = async (code: string) => {
      recorder.statements = [];
      const s = ok(await recorded.get(`/api/strategies/${code}/progress`));
      return { statements: recorder.statements.filter((q) => !/\b(sessions|users)\b/.test(q)), values: s.outcomes[0].indicators.map((r: any) => r.value) };
    };
    const one = await statementsOf('ONE-DELIVERY');
    const two = await statementsOf('TWO-DELIVERY');
    assert.deepEqual(two.statements, one.statements);
    assert.deepEqual(two.values, [one.values[0], one.values[0]]);
  });

  test('a value entered by hand counts from its date, with its source; the latest as at the date wins', async () => {
    const s = ok(await hq.get('/api/strategies/DC-STRATEGY/progress'));
    const ind = s.outcomes[0].indicators.find((r: any) => r.indicator.number === '1.6').indicator;
    ok(await hq.post(`/api/strategy-indicators/${ind.id}/values`, { asOf: `${Y - 1}-06-30`, value: '35', source: 'Constituent survey 1' }));
    ok(await hq.post(`/api/strategy-indicators/${ind.id}/values`, { asOf: `${Y}-01-15`, value: '55', source: 'Constituent survey 2' }));
    const earlier = await progressOf(`${Y - 1}-12-31`);
    assert.equal(earlier['1.6'].value, '35.0000');
    assert.equal(earlier['1.6'].status, 'off_track');
    const now = await progressOf();
    assert.equal(now['1.6'].value, '55.0000');
    assert.equal(now['1.6'].source, `Constituent survey 2 (as at ${Y}-01-15)`);
    assert.equal(now['1.6'].status, 'on_track');
    const computed = s.outcomes[0].indicators.find((r: any) => r.indicator.number === '1.3').indicator;
    const refused = await hq.post(`/api/strategy-indicators/${computed.id}/values`, { asOf: TODAY, value: '50', source: 'guess' });
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /computed by the formula delivery_rate/);
  });

  test('an increase indicator is measured against its baseline once the baseline is set (409 on a stale version)', async () => {
    const s = ok(await hq.get('/api/strategies/DC-STRATEGY/progress'));
    const ind = s.outcomes[0].indicators.find((r: any) => r.indicator.number === '1.5').indicator;
    ok(await hq.patch(`/api/strategy-indicators/${ind.id}`, { version: ind.version, baselineValue: '0.8', baselineText: 'Set in 2010' }));
    const stale = await hq.patch(`/api/strategy-indicators/${ind.id}`, { version: ind.version, baselineValue: '2' });
    assert.equal(stale.status, 409);
    const r = await progressOf();
    assert.equal(r['1.5'].measured, '25', '1 against 0.8 is a 25% increase');
    assert.equal(r['1.5'].status, 'on_track');
  });
});

describe('bad input: clear errors, nothing stored', () => {
  const count = async () =>
    Number(
      (
        await database.db
          .selectFrom('strategies')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('a milestone for a period outside the strategy', async () => {
    const before = await count();
    const bad = strategy({ code: 'BAD-1' }) as any;
    bad.outcomes[0].indicators[0].milestones = [{ period: '2030–31', label: '70 per cent', value: '70' }];
    const r = await hq.post('/api/strategies', bad);
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /"2030–31" is not a period of this strategy \(first biennium, second biennium\)/);
    const outside = strategy({ code: 'BAD-2' }) as any;
    outside.periods.push({ label: 'later', startDate: `${Y + 3}-01-01`, endDate: `${Y + 4}-12-31` });
    const r2 = await hq.post('/api/strategies', outside);
    assert.equal(r2.status, 400);
    assert.match(r2.body.error.message, /lies outside the strategy/);
    assert.equal(await count(), before);
  });

  test('a formula indicator whose formula is unknown', async () => {
    const bad = strategy({ code: 'BAD-3' }) as any;
    bad.outcomes[0].indicators[0].formula = 'happiness_index';
    const r = await hq.post('/api/strategies', bad);
    assert.equal(r.status, 400);
    assert.equal(r.body.error.details.field, 'outcomes[0].indicators[0].formula');
    assert.match(r.body.error.message, /unknown formula "happiness_index"; known formulas: delivery_rate/);
  });

  test('a status update dated before the previous one; a report as at a date before the plan existed', async () => {
    const plan = ok(
      await hq.post('/api/action-plans', {
        code: 'PLAN-1',
        title: 'Plan of action',
        adoptedOn: '2024-03-01',
        components: [{ number: '1', title: 'Capacity', items: [{ number: '1', title: 'Training', dueText: 'By end 2024', dueDate: '2024-12-31', statuses: [] }] }],
      }),
    );
    const got = ok(await hq.get('/api/action-plans/PLAN-1?asOf=2025-01-01'));
    const item = got.components[0].items[0];
    assert.equal(item.overdue, true, 'due end 2024, nothing reported');
    ok(await hq.post(`/api/action-items/${item.id}/statuses`, { asOf: '2024-09-01', status: 'Started', progress: 'in_progress' }));
    const r = await hq.post(`/api/action-items/${item.id}/statuses`, { asOf: '2024-08-01', status: 'Completed', progress: 'completed' });
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /2024-08-01 is not after the previous status update \(2024-09-01\)/);
    const statuses = await database.db.selectFrom('action_item_statuses').selectAll().where('item_id', '=', item.id).execute();
    assert.equal(statuses.length, 1, 'nothing stored');
    ok(await hq.post(`/api/action-items/${item.id}/statuses`, { asOf: '2024-12-15', status: 'Completed', progress: 'completed' }));
    const later = ok(await hq.get('/api/action-plans/PLAN-1?asOf=2025-01-01')).components[0].items[0];
    assert.equal(later.overdue, false);
    assert.equal(later.history.length, 2);
    const asThen = ok(await hq.get('/api/action-plans/PLAN-1?asOf=2024-10-01')).components[0].items[0];
    assert.equal(asThen.status.status, 'Started', 'status as at a date reproduces what was reported then');
    const revised = ok(await hq.patch(`/api/action-items/${item.id}`, { version: item.version, responsibleUnit: 'Training centre' }));
    assert.deepEqual([revised.responsibleUnit, revised.title, revised.version], ['Training centre', 'Training', item.version + 1]);
    assert.equal((await hq.patch(`/api/action-items/${item.id}`, { version: item.version, title: 'Stale' })).status, 409);
    const early = await hq.get(`/api/reports/plan-progress/${plan.id}?asOf=2024-01-01`);
    assert.equal(early.status, 400);
    assert.match(early.body.error.message, /adopted on 2024-03-01; there is no status as at 2024-01-01/);
    const earlyStrategy = await hq.get(`/api/reports/strategy-measurement/DC-STRATEGY?asOf=${Y - 2}-12-31`);
    assert.equal(earlyStrategy.status, 400);
  });

  test('a plan whose statuses are out of order is refused whole', async () => {
    const r = await hq.post('/api/action-plans', {
      code: 'PLAN-2',
      title: 'Plan',
      adoptedOn: '2024-03-01',
      components: [
        {
          number: '1',
          title: 'C',
          items: [
            {
              number: '1',
              title: 'I',
              dueText: 'Soon',
              statuses: [
                { asOf: '2024-06-01', status: 'A', progress: 'in_progress' },
                { asOf: '2024-05-01', status: 'B', progress: 'completed' },
              ],
            },
          ],
        },
      ],
    });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.details.field, 'components[0].items[0].statuses[1].asOf');
    assert.equal(await database.db.selectFrom('action_plans').selectAll().where('code', '=', 'PLAN-2').executeTakeFirst(), undefined);
  });
});

describe('who may do what', () => {
  test('viewers read strategies and plans but cannot change them; donor viewers do not see them', async () => {
    assert.equal((await viewer.get('/api/strategies')).status, 200);
    assert.equal((await viewer.get('/api/reports/strategy-measurement/DC-STRATEGY')).status, 200);
    assert.equal((await viewer.post('/api/strategies', strategy({ code: 'V' }))).status, 403);
    assert.equal((await donor.get('/api/strategies')).status, 403);
    assert.equal((await donor.get('/api/reports/plan-progress/PLAN-1')).status, 403);
    assert.equal((await donor.get(`/api/reports/donor-progress/${ids.P1}`)).status, 200, 'the project its partner funds');
  });
});
