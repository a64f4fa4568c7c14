import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildUser, ERP_HEAD, ERP_MAPPING, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildApp, Client } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';

// Money never goes through a float: a re-imported line is compared with the stored one exactly.
let database: Database;
let api: Client;
const MAPPING = JSON.stringify(ERP_MAPPING);
const HEAD = ERP_HEAD;

before(async () => {
  database = await openTestDatabase();
  api = new Client(buildApp(database));
  const hq = await buildOffice(database.db, { code: 'HQ' });
  await api.signIn((await buildUser(database.db, 'hq_officer')).email, TEST_PASSWORD);
  const created = await api.post('/api/projects', {
    code: 'EXA/24/01',
    title: 'Exact amounts',
    place: 'global',
    officeId: hq.id,
    fundingSource: 'XBDC',
    plannedStart: '2024-01-01',
    plannedEnd: '2026-12-31',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  let version = created.body.version;
  for (const to of ['appraisal', 'approved']) version = (await api.post(`/api/projects/${created.body.id}/transitions`, { to, version })).body.version;
});
after(() => database.close());

const upload = (name: string, amount: string) =>
  api.request(
    'POST',
    `/api/finance/imports?fileName=${encodeURIComponent(name)}&dryRun=false&mapping=${encodeURIComponent(MAPPING)}`,
    [HEAD, `EXA/24/01,2024-02,${amount},USD,EXACT-1,expenditure`].join('\n'),
    { 'Content-Type': 'application/octet-stream' },
  );

describe('ERP import: amounts compared exactly', () => {
  test('a line re-imported one unit higher at 2^53 is an update (as floats the two amounts are the same number)', async () => {
    assert.equal(Number('9007199254740993'), Number('9007199254740992'), 'what a float comparison would see');
    const first = await upload('first.csv', '9007199254740992');
    assert.deepEqual([first.body.ok, first.body.inserted], [true, 1], JSON.stringify(first.body));
    const second = await upload('second.csv', '9007199254740993');
    assert.deepEqual([second.body.ok, second.body.inserted, second.body.updated, second.body.unchanged], [true, 0, 1, 0], JSON.stringify(second.body));
    const stored = await database.db.selectFrom('financial_lines').select('amount').where('source_ref', '=', 'EXACT-1').executeTakeFirstOrThrow();
    assert.equal(stored.amount, '9007199254740993.0000');
  });
  test('the same amount written differently is unchanged', async () => {
    const third = await upload('third.csv', '9007199254740993.00');
    assert.deepEqual([third.body.ok, third.body.updated, third.body.unchanged], [true, 0, 1], JSON.stringify(third.body));
  });
});
