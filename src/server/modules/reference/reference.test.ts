import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp, Client } from '../../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import { loadReferenceData, REFERENCE_DIR } from '../../standards/load-reference.ts';

let database: Database;
let client: Client;
before(async () => {
  database = await openTestDatabase();
  client = new Client(buildApp(database));
});
after(() => database.close());

const itemsIn = (file: string) => (readFileSync(join(REFERENCE_DIR, 'iati-codelists', file), 'utf8').match(/<codelist-item[\s>]/g) ?? []).length;

describe('reference data from the real standards, public and read-only', () => {
  test('every IATI codelist is loaded with all its codes', async () => {
    const r = await client.get('/api/reference/codelists');
    assert.equal(r.status, 200);
    const index = readFileSync(join(REFERENCE_DIR, 'iati-codelists', 'INDEX.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    assert.equal(r.body.items.length, index.length);
    assert.equal(r.body.total, index.length);
    const sector = r.body.items.find((l: { name: string }) => l.name === 'Sector');
    assert.equal(sector.codeCount, itemsIn('Sector.xml'));
    const status = await client.get('/api/reference/codelists/ActivityStatus');
    assert.deepEqual(
      status.body.codes.map((i: { code: string }) => i.code),
      ['1', '2', '3', '4', '5', '6'],
    );
    assert.equal(status.body.codeCount, 6);
    assert.equal(status.body.codes[1].nameEn, 'Implementation');
  });

  test('countries and currencies with English, French and Spanish names', async () => {
    const answer = (await client.get('/api/reference/countries')).body;
    const countries = answer.items;
    assert.equal(countries.length, itemsIn('Country.xml'));
    assert.equal(answer.total, countries.length);
    const ci = countries.find((c: { code: string }) => c.code === 'CI');
    assert.deepEqual([ci.nameEn, ci.nameFr], ["Côte d'Ivoire", 'Côte d’Ivoire']);
    const de = countries.find((c: { code: string }) => c.code === 'DE');
    assert.deepEqual([de.nameEn, de.nameFr, de.nameEs], ['Germany', 'Allemagne', 'Alemania']);
    const currencies = (await client.get('/api/reference/currencies')).body.items;
    assert.equal(currencies.length, itemsIn('Currency.xml'));
    const chf = currencies.find((c: { code: string }) => c.code === 'CHF');
    assert.equal(chf.nameFr, 'franc suisse');
    const regions = (await client.get('/api/reference/regions')).body.items;
    assert.equal(regions.length, itemsIn('Region.xml'));
  });

  test('SDG goals, targets and indicators in three languages', async () => {
    const goals = (await client.get('/api/reference/sdg/goals')).body.items;
    assert.equal(goals.length, 17);
    assert.equal(goals[7].code, '8');
    assert.match(goals[7].titleEn, /decent work/i);
    assert.match(goals[7].titleFr, /travail décent/i);
    assert.match(goals[7].titleEs, /trabajo decente/i);
    const targets = (await client.get('/api/reference/sdg/targets')).body.items;
    assert.equal(targets.length, 169);
    const of8 = (await client.get('/api/reference/sdg/targets?goal=8')).body.items;
    assert.ok(of8.some((t: { code: string }) => t.code === '8.7'));
    assert.ok(of8.every((t: { goalCode: string }) => t.goalCode === '8'));
    const ind = (await client.get('/api/reference/sdg/indicators?target=8.5')).body.items;
    assert.deepEqual(
      ind.map((i: { code: string }) => i.code),
      ['8.5.1', '8.5.2'],
    );
    assert.equal(ind[0].targetCode, '8.5');
  });

  test("the organisation's funding sources with their names and kind", async () => {
    const sources = (await client.get('/api/reference/funding-sources')).body;
    assert.equal(sources.total, sources.items.length);
    const xbdc = sources.items.find((s: { code: string }) => s.code === 'XBDC');
    assert.ok(xbdc.nameEn && xbdc.nameFr && xbdc.nameEs && xbdc.kind, JSON.stringify(xbdc));
  });

  test('reloading unchanged files changes nothing', async () => {
    assert.equal(await loadReferenceData(database.db), false);
  });

  test('reference data cannot be changed through the API', async () => {
    const r = await client.post('/api/reference/countries', { code: 'XX' });
    assert.equal(r.status, 404);
  });
});
