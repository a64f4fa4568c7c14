import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildUser, signedInAs, TEST_PASSWORD } from '../../../../test/factories.ts';
import { buildApp, Client, ok } from '../../../../test/helpers/api.ts';
import { SqlRecorder } from '../../../../test/helpers/sql-recorder.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';

let database: Database;
let hq: Client;
const ids: Record<string, string> = {};

before(async () => {
  database = await openTestDatabase();
  const app = buildApp(database);
  hq = await signedInAs(app, database.db, 'hq_officer');
});
after(() => database.close());

const agreement = (partnerId: string, over: Record<string, unknown> = {}) => ({
  code: `AG-${Math.random().toString(36).slice(2, 8)}`,
  title: 'Partnership agreement',
  partnerId,
  periodStart: '2020-01-01',
  periodEnd: '2022-12-31',
  earmarking: 'tightly_earmarked',
  fundingSource: 'XBDC',
  currency: 'EUR',
  amounts: [
    { year: 2020, amount: '1000000.00' },
    { year: 2021, amount: '2500000.50' },
  ],
  ...over,
});

describe('partners and agreements', () => {
  test('an agreement lists its amounts by year with the 1% levy of a tightly earmarked contribution, each line explained', async () => {
    const donor = ok(await hq.post('/api/partners', { code: 'NO', name: 'Norway', partnerType: 'government', organisationRef: 'XM-DAC-8' }), 201);
    ids.donor = donor.id;
    const a = ok(await hq.post('/api/agreements', agreement(donor.id)), 201);
    assert.deepEqual(
      a.levy.map((l: { levy: string }) => l.levy),
      ['10000.00', '25000.01'],
    );
    assert.equal(a.total, '3500000.50');
    assert.equal(a.levyTotal, '35000.01');
    assert.match(a.levy[0].rule, /72\/279/);
    assert.deepEqual(a.amounts, [
      { year: 2020, amount: '1000000.00' },
      { year: 2021, amount: '2500000.50' },
    ]);
    assert.deepEqual([a.partnerName, a.partnerType], ['Norway', 'government'], 'the created agreement names its partner, as the list does');
    const read = ok(await hq.get(`/api/agreements/${a.id}`), 200);
    assert.deepEqual(read, a, 'one shape: the agreement read is the agreement created');
    ids.agreement = a.id;
  });

  test('the levy is exempt for a programme country, and nothing for soft earmarking', async () => {
    const domestic = ok(await hq.post('/api/partners', { code: 'KE-GOV', name: 'Government of Kenya', partnerType: 'programme_country', countryCode: 'KE' }), 201);
    const a = ok(await hq.post('/api/agreements', agreement(domestic.id)), 201);
    assert.equal(a.levyTotal, '0.00');
    assert.match(a.levy[0].exemption, /Domestic resources/);
    const soft = ok(await hq.post('/api/agreements', agreement(ids.donor as string, { earmarking: 'softly_earmarked' })), 201);
    assert.equal(soft.levyTotal, '0.00');
  });

  test('a private-sector partner cannot sign without a current positive due-diligence review', async () => {
    const firm = ok(await hq.post('/api/partners', { code: 'ACME', name: 'Acme Corp', partnerType: 'private_sector' }), 201);
    const missing = await hq.post('/api/agreements', agreement(firm.id));
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.details.field, 'partnerId');
    assert.match(missing.body.error.message, /without a due-diligence review/);
    assert.equal(missing.body.error.details.reason, 'no_due_diligence', 'a reason a screen words in its reader’s language');
    ok(
      await hq.post(`/api/partners/${firm.id}/due-diligence`, {
        reviewedOn: '2018-06-01',
        validUntil: '2019-06-01',
        criteria: { labourStandards: true },
        riskRating: 'low',
        decision: 'approved',
        reviewer: 'PARDEV',
      }),
      201,
    );
    const expired = await hq.post('/api/agreements', agreement(firm.id));
    assert.match(expired.body.error.message, /expired on 2019-06-01/);
    assert.equal(expired.body.error.details.reason, 'due_diligence_expired');
    const backwards = await hq.post(`/api/partners/${firm.id}/due-diligence`, {
      reviewedOn: '2019-12-01',
      validUntil: '2019-12-01',
      criteria: {},
      riskRating: 'low',
      decision: 'approved',
      reviewer: 'PARDEV',
    });
    assert.equal(backwards.status, 400);
    assert.deepEqual([backwards.body.error.details.field, backwards.body.error.details.reason], ['validUntil', 'valid_until_not_after_review']);
    ok(
      await hq.post(`/api/partners/${firm.id}/due-diligence`, {
        reviewedOn: '2019-12-01',
        validUntil: '2022-12-01',
        criteria: { labourStandards: true, humanRights: true },
        riskRating: 'medium',
        decision: 'approved_with_conditions',
        reviewer: 'PARDEV',
      }),
      201,
    );
    ok(await hq.post('/api/agreements', agreement(firm.id)), 201);
  });

  test('bad amounts are refused with the place named, and nothing is stored', async () => {
    const before = (await database.db.selectFrom('agreements').select('id').execute()).length;
    const cases: [Record<string, unknown>, RegExp, string?, string?][] = [
      [{ amounts: [{ year: 2020, amount: '100.123' }] }, /EUR has 2 decimals/, 'amounts.0.amount', 'amount_invalid'],
      [{ currency: 'JPY', amounts: [{ year: 2020, amount: '100.5' }] }, /JPY has 0 decimals/, 'amounts.0.amount', 'amount_invalid'],
      [{ amounts: [{ year: 2020, amount: '-5' }] }, /must not be negative/, 'amounts.0.amount', 'amount_invalid'],
      [{ amounts: [{ year: 2025, amount: '5' }] }, /outside the agreement's period/, 'amounts.0.year', 'year_outside_period'],
      [
        {
          amounts: [
            { year: 2020, amount: '5' },
            { year: 2020, amount: '6' },
          ],
        },
        /appears twice/,
        'amounts.1.year',
        'year_repeated',
      ],
      [{ periodEnd: '2019-12-31' }, /must end after it starts/, 'periodEnd', 'end_not_after_start'],
      [{ currency: 'XYZ' }, /not a currency/],
    ];
    for (const [over, message, field, reason] of cases) {
      const r = await hq.post('/api/agreements', agreement(ids.donor as string, over));
      assert.equal(r.status, 400, JSON.stringify(over));
      assert.match(r.body.error.message, message);
      if (reason) assert.deepEqual([r.body.error.details.field, r.body.error.details.reason], [field, reason], JSON.stringify(over));
    }
    assert.equal((await database.db.selectFrom('agreements').select('id').execute()).length, before);
  });

  test('a donor viewer sees its own partner and agreements only', async () => {
    const donorUser = await buildUser(database.db, 'donor_viewer', { partnerId: ids.donor });
    const d = new Client(hq.app);
    await d.signIn(donorUser.email, TEST_PASSWORD);
    const partners = ok(await d.get('/api/partners'), 200);
    assert.deepEqual(
      partners.items.map((p: { code: string }) => p.code),
      ['NO'],
    );
    assert.equal(partners.total, 1);
    const agreements = ok(await d.get('/api/agreements'), 200);
    assert.ok(agreements.items.length >= 2);
    assert.equal(agreements.total, agreements.items.length);
    assert.ok(agreements.items.every((a: { partnerId: string }) => a.partnerId === ids.donor));
    assert.equal((await d.post('/api/partners', { code: 'X', name: 'X', partnerType: 'other' })).status, 403);
  });

  test('a partner lists its due-diligence reviews newest first; a change answers the partner with them', async () => {
    const firm = (await hq.get('/api/partners')).body.items.find((p: { code: string }) => p.code === 'ACME');
    assert.deepEqual(
      firm.dueDiligence.map((r: { reviewedOn: string; decision: string }) => [r.reviewedOn, r.decision]),
      [
        ['2019-12-01', 'approved_with_conditions'],
        ['2018-06-01', 'approved'],
      ],
    );
    assert.deepEqual(firm.dueDiligence[0].criteria, { labourStandards: true, humanRights: true });
    const changed = ok(await hq.patch(`/api/partners/${firm.id}`, { name: 'Acme Corporation', version: firm.version }), 200);
    assert.equal(changed.name, 'Acme Corporation');
    assert.deepEqual(changed.dueDiligence, firm.dueDiligence);
    assert.deepEqual(ok(await hq.get(`/api/partners/${firm.id}`), 200), changed);
  });

  test('the list of agreements reads their amounts and the levy tables once, not once per agreement', async () => {
    const recorder = new SqlRecorder();
    const app = buildApp({ ...database, db: database.db.withPlugin(recorder) });
    const reader = await signedInAs(app, database.db, 'hq_officer');
    const statementsFor = async () => {
      recorder.statements = [];
      const list = ok(await reader.get('/api/agreements'), 200);
      return { count: list.total as number, statements: recorder.statements.filter((s) => !/\b(sessions|users)\b/.test(s)) };
    };
    const few = await statementsFor();
    for (let i = 0; i < 3; i++) ok(await hq.post('/api/agreements', agreement(ids.donor as string)), 201);
    const more = await statementsFor();
    assert.equal(more.count, few.count + 3);
    assert.deepEqual(more.statements, few.statements, 'the same statements for more agreements');
    assert.ok(few.statements.length >= 2 && few.statements.length <= 4, few.statements.join('\n'));
    assert.ok(
      few.statements.some((s) => s.includes('"agreement_amounts"')),
      'the amounts are read, in one statement',
    );
  });
});
