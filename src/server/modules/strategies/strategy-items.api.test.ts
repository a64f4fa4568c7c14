import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildActionPlan, buildOffice, buildPartner, buildStrategy, signedInAs } from '../../../../test/factories.ts';
import { buildApp, Client, ok, type TestApp } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Role } from '../../../shared/rights.ts';
import type { Database } from '../../db/connect.ts';

/**
 * A strategy's outcomes, indicators and costing lines and an action plan's items, one at a time through the API
 * (the JSON upload stays for a whole document): created, revised with a version (409 when stale, nothing changed,
 * no audit row), refused with the field named, audited; and who may do it.
 */
let database: Database;
let app: TestApp;
let hq: Client;
let strategyId: string;
let planId: string;
let componentId: string;

const progress = async () => ok(await hq.get('/api/strategies/TC-STRATEGY-2010-15/progress?asOf=2012-06-30'));
const plan = async () => ok(await hq.get('/api/action-plans/UNDS-POA-2019-20?asOf=2020-12-31'));
const auditRows = (entityId: string) => database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('id').execute();

const outcome = (over: Record<string, unknown> = {}) => ({
  number: 4,
  title: 'Partnerships with the private sector grow',
  availableResources: '1500000',
  resourcesEstimated: false,
  keyOutputs: ['Guidance on due diligence', 'Two new partnerships a year'],
  resourceGap: '250000.50',
  ...over,
});
const indicator = (over: Record<string, unknown> = {}) => ({
  number: '4.1',
  text: 'Number of new public–private partnerships',
  baselineText: '3 in 2009',
  baselineValue: '3',
  targetText: '12 by 2015',
  targetValue: '12',
  unit: 'number',
  milestones: [{ period: '2012–13', label: '7 partnerships', value: '7' }],
  ...over,
});
const item = (over: Record<string, unknown> = {}) => ({
  number: '9',
  title: 'Publish the funding compact dashboard',
  responsibleUnit: 'PARDEV',
  dueText: 'By end 2020',
  dueDate: '2020-12-31',
  ...over,
});

before(async () => {
  database = await openTestDatabase();
  app = buildApp(database);
  hq = await signedInAs(app, database.db, 'hq_officer');
  strategyId = (await buildStrategy(database.db)).id;
  planId = (await buildActionPlan(database.db)).id;
  componentId = (await plan()).components[0].id;
});
after(() => database.close());

describe('strategy outcomes, costing lines and indicators one at a time', () => {
  test('an outcome added with its costing line shows in the strategy and is audited', async () => {
    const created = ok(await hq.post(`/api/strategies/${strategyId}/outcomes`, outcome()), 201);
    assert.equal(created.number, 4);
    assert.equal(created.availableResources, '1500000.00');
    assert.equal(created.resourceGap, '250000.50');
    assert.deepEqual(created.keyOutputs, ['Guidance on due diligence', 'Two new partnerships a year']);
    assert.equal(created.version, 1);
    const shown = (await progress()).outcomes.find((o: { outcome: { id: string } }) => o.outcome.id === created.id);
    assert.equal(shown.outcome.title, 'Partnerships with the private sector grow');
    assert.deepEqual(shown.indicators, []);
    const audit = await auditRows(created.id);
    assert.deepEqual(
      audit.map((a) => [a.action, a.entity_type]),
      [['create', 'strategy_outcome']],
    );
  });

  test('a costing line revised changes only what it names; a stale version is 409 and changes nothing', async () => {
    const o = ok(await hq.post(`/api/strategies/${strategyId}/outcomes`, outcome({ number: 5, title: 'Fifth' })), 201);
    const revised = ok(await hq.patch(`/api/strategy-outcomes/${o.id}`, { resourceGap: '100000', version: o.version }), 200);
    assert.equal(revised.resourceGap, '100000.00');
    assert.equal(revised.availableResources, '1500000.00', 'left alone');
    assert.deepEqual(revised.keyOutputs, o.keyOutputs, 'a list left out is left alone');
    assert.equal(revised.version, 2);
    const stale = await hq.patch(`/api/strategy-outcomes/${o.id}`, { title: 'Overwritten', version: o.version });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'CONFLICT');
    assert.equal(stale.body.error.details.currentVersion, 2);
    assert.equal(stale.body.error.details.current.title, 'Fifth');
    const audit = await auditRows(o.id);
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create', 'update'],
      'the stale save wrote no audit row',
    );
    assert.equal((audit[1]?.before as { resourceGap?: string } | undefined)?.resourceGap, '250000.50');
    assert.equal((audit[1]?.after as { resourceGap?: string } | undefined)?.resourceGap, '100000.00');
    const keyOutputs = ok(await hq.patch(`/api/strategy-outcomes/${o.id}`, { keyOutputs: [], resourcesEstimated: true, version: 2 }), 200);
    assert.deepEqual(keyOutputs.keyOutputs, [], 'an empty list empties it');
    assert.equal(keyOutputs.resourcesEstimated, true);
  });

  test('an indicator added to an outcome, with its milestone, is measured in the strategy', async () => {
    const o = ok(await hq.post(`/api/strategies/${strategyId}/outcomes`, outcome({ number: 6, title: 'Sixth' })), 201);
    const ind = ok(await hq.post(`/api/strategy-outcomes/${o.id}/indicators`, indicator()), 201);
    assert.equal(ind.number, '4.1');
    assert.equal(ind.outcomeId, o.id);
    const shown = (await progress()).outcomes.find((x: { outcome: { id: string } }) => x.outcome.id === o.id);
    assert.equal(shown.indicators[0].indicator.text, 'Number of new public–private partnerships');
    assert.equal(shown.indicators[0].milestone.label, '7 partnerships');
    const renamed = ok(await hq.patch(`/api/strategy-indicators/${ind.id}`, { text: 'New partnerships with the private sector', version: 1 }), 200);
    assert.equal(renamed.text, 'New partnerships with the private sector');
    assert.equal(renamed.targetText, '12 by 2015', 'left alone');
    assert.deepEqual(
      (await auditRows(ind.id)).map((a) => [a.action, a.entity_type]),
      [
        ['create', 'strategy_indicator'],
        ['update', 'strategy_indicator'],
      ],
    );
  });

  test('bad input: the field is named and nothing is stored', async () => {
    const before = (await progress()).outcomes.length;
    const taken = await hq.post(`/api/strategies/${strategyId}/outcomes`, outcome({ number: 1 }));
    assert.equal(taken.status, 400);
    assert.equal(taken.body.error.details.field, 'number');
    const noTitle = await hq.post(`/api/strategies/${strategyId}/outcomes`, outcome({ number: 7, title: '' }));
    assert.equal(noTitle.status, 400);
    assert.equal(noTitle.body.error.details.issues[0].field, 'title');
    const negative = await hq.post(`/api/strategies/${strategyId}/outcomes`, outcome({ number: 7, resourceGap: 'a lot' }));
    assert.equal(negative.status, 400);
    assert.equal(negative.body.error.details.issues[0].field, 'resourceGap');
    const badIndicator = await hq.post(`/api/strategies/${strategyId}/outcomes`, outcome({ number: 7, indicators: [indicator({ number: '1.1' })] }));
    assert.equal(badIndicator.status, 400, 'indicator 1.1 exists in the strategy');
    assert.equal(badIndicator.body.error.details.field, 'indicators[0].number');
    assert.equal((await progress()).outcomes.length, before, 'nothing stored, not even the outcome');
    const [first] = (await progress()).outcomes;
    const dup = await hq.post(`/api/strategy-outcomes/${first.outcome.id}/indicators`, indicator({ number: '1.2' }));
    assert.equal(dup.status, 400);
    assert.equal(dup.body.error.details.field, 'number');
    const period = await hq.post(`/api/strategy-outcomes/${first.outcome.id}/indicators`, indicator({ number: '1.9', milestones: [{ period: '2030', label: 'x' }] }));
    assert.equal(period.status, 400);
    assert.equal(period.body.error.details.field, 'milestones[0].period');
    const formula = await hq.post(`/api/strategy-outcomes/${first.outcome.id}/indicators`, indicator({ number: '1.9', formula: 'guess' }));
    assert.equal(formula.status, 400);
    assert.equal(formula.body.error.details.field, 'formula');
    assert.equal(first.indicators.length, (await progress()).outcomes[0].indicators.length);
    const renumber = await hq.patch(`/api/strategy-outcomes/${first.outcome.id}`, { number: 2, version: first.outcome.version });
    assert.equal(renumber.status, 400);
    assert.equal(renumber.body.error.details.field, 'number');
    const missing = await hq.post('/api/strategies/00000000-0000-4000-8000-000000000000/outcomes', outcome({ number: 8 }));
    assert.equal(missing.status, 404);
  });
});

describe('action-plan items one at a time', () => {
  test('an item added at the end of a component shows in the plan as at a date and is audited', async () => {
    const created = ok(await hq.post(`/api/action-plan-components/${componentId}/items`, item()), 201);
    assert.equal(created.componentId, componentId);
    const component = (await plan()).components[0];
    assert.equal(component.items.at(-1).id, created.id, 'last of its component');
    assert.equal(component.items.at(-1).status, null);
    assert.deepEqual(
      (await auditRows(created.id)).map((a) => [a.action, a.entity_type]),
      [['create', 'action_item']],
    );
    const renumbered = ok(await hq.patch(`/api/action-items/${created.id}`, { number: '9a', version: 1 }), 200);
    assert.equal(renumbered.number, '9a');
    assert.equal(renumbered.title, 'Publish the funding compact dashboard');
    const stale = await hq.patch(`/api/action-items/${created.id}`, { title: 'Overwritten', version: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.details.current.number, '9a');
    assert.equal((await auditRows(created.id)).length, 2);
  });

  test('an item with its first status update', async () => {
    const created = ok(
      await hq.post(`/api/action-plan-components/${componentId}/items`, item({ number: '10', statuses: [{ asOf: '2020-06-30', status: 'Started', progress: 'in_progress' }] })),
      201,
    );
    const shown = (await plan()).components[0].items.find((i: { id: string }) => i.id === created.id);
    assert.equal(shown.status.status, 'Started');
  });

  test('bad input: the field is named and nothing is stored', async () => {
    const count = (await plan()).components[0].items.length;
    const taken = await hq.post(`/api/action-plan-components/${componentId}/items`, item({ number: '1' }));
    assert.equal(taken.status, 400);
    assert.equal(taken.body.error.details.field, 'number');
    const early = await hq.post(`/api/action-plan-components/${componentId}/items`, item({ number: '11', dueDate: '2018-01-01' }));
    assert.equal(early.status, 400);
    assert.equal(early.body.error.details.field, 'dueDate');
    const noDue = await hq.post(`/api/action-plan-components/${componentId}/items`, item({ number: '11', dueText: '' }));
    assert.equal(noDue.status, 400);
    assert.equal(noDue.body.error.details.issues[0].field, 'dueText');
    const order = await hq.post(
      `/api/action-plan-components/${componentId}/items`,
      item({
        number: '11',
        statuses: [
          { asOf: '2020-06-30', status: 'a', progress: 'in_progress' },
          { asOf: '2020-01-01', status: 'b', progress: 'in_progress' },
        ],
      }),
    );
    assert.equal(order.status, 400);
    assert.equal(order.body.error.details.field, 'statuses[1].asOf');
    assert.equal((await plan()).components[0].items.length, count);
    const missing = await hq.post('/api/action-plan-components/00000000-0000-4000-8000-000000000000/items', item({ number: '12' }));
    assert.equal(missing.status, 404);
  });
});

describe('who may add and revise them (strategies.write)', () => {
  //                   add outcome  revise outcome  add indicator  add item  revise item
  const MATRIX: Record<Role | 'anonymous', [number, number, number, number, number]> = {
    anonymous: [401, 401, 401, 401, 401],
    admin: [201, 200, 201, 201, 200],
    hq_officer: [201, 200, 201, 201, 200],
    office_manager: [403, 403, 403, 403, 403],
    programme_officer: [403, 403, 403, 403, 403],
    evaluation_officer: [403, 403, 403, 403, 403],
    viewer: [403, 403, 403, 403, 403],
    donor_viewer: [403, 403, 403, 403, 403],
    constituent_viewer: [403, 403, 403, 403, 403],
  };

  test('every role, each endpoint', async () => {
    const office = await buildOffice(database.db, { code: 'CO-AUTHZ' });
    const partner = await buildPartner(database.db);
    let n = 20;
    for (const [who, expected] of Object.entries(MATRIX) as [Role | 'anonymous', number[]][]) {
      const client =
        who === 'anonymous'
          ? new Client(app)
          : await signedInAs(
              app,
              database.db,
              who,
              who === 'donor_viewer'
                ? { partnerId: partner.id }
                : who === 'constituent_viewer'
                  ? { countryCode: 'KE' }
                  : ['admin', 'hq_officer'].includes(who)
                    ? {}
                    : { officeId: office.id },
            );
      n++;
      const target = ok(await hq.post(`/api/strategies/${strategyId}/outcomes`, outcome({ number: n, title: `For ${who}` })), 201);
      const targetItem = ok(await hq.post(`/api/action-plan-components/${componentId}/items`, item({ number: `A${n}` })), 201);
      const got = [
        (await client.post(`/api/strategies/${strategyId}/outcomes`, outcome({ number: n + 40, title: `By ${who}` }))).status,
        (await client.patch(`/api/strategy-outcomes/${target.id}`, { title: `Revised by ${who}`, version: 1 })).status,
        (await client.post(`/api/strategy-outcomes/${target.id}/indicators`, indicator({ number: `${n}.1` }))).status,
        (await client.post(`/api/action-plan-components/${componentId}/items`, item({ number: `B${n}` }))).status,
        (await client.patch(`/api/action-items/${targetItem.id}`, { title: `Revised by ${who}`, version: 1 })).status,
      ];
      assert.deepEqual(got, expected, who);
    }
    const refused = await database.db.selectFrom('strategy_outcomes').select('id').where('title', 'like', 'By %').execute();
    assert.equal(refused.length, 2, 'only the admin and the HQ officer added one');
  });
});
