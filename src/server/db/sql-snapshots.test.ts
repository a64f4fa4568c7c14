import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { format } from 'sql-formatter';
import { buildAgreement, buildAllocation, buildFinancialLines, buildOffice, buildPartner, buildProject, signedInAs } from '../../../test/factories.ts';
import { buildApp, type Client, ok } from '../../../test/helpers/api.ts';
import { SqlRecorder } from '../../../test/helpers/sql-recorder.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from './connect.ts';

/**
 * The SQL behind the API's heavier reads (dashboards, scoped lists, exports), checked in (immich's habit): each
 * request's statements, in order, formatted, are compared with `sql-snapshots/<name>.sql`. So a change to a query
 * shows in review as a change to its SQL, and a query per row shows as a list that grows with the rows.
 * After a deliberate change: `UPDATE_SQL_SNAPSHOTS=1 npx tsx test/run-tests.ts sql-snapshots`, and read the diff.
 */
const DIR = join(import.meta.dirname, 'sql-snapshots');
const UPDATE = process.env.UPDATE_SQL_SNAPSHOTS === '1';

const SNAPSHOTS: [name: string, path: (ids: Record<string, string>) => string][] = [
  ['offices-list', () => '/api/offices?limit=50'],
  ['projects-list', () => '/api/projects?limit=50&status=active'],
  ['partners-list', () => '/api/partners'],
  ['agreements-list', () => '/api/agreements'],
  ['delivery-page', () => '/api/delivery?year=2024&limit=20'],
  ['delivery-trend', () => '/api/delivery/trend?from=2023&to=2024'],
  ['delivery-curve', () => '/api/delivery/curve?year=2024'],
  ['portfolio-summary', () => '/api/portfolio/summary?year=2024'],
  ['funding-alignment', () => '/api/funding-alignment?year=2024'],
  ['resource-gaps', () => '/api/resource-gaps?year=2024'],
  ['watch-list', () => '/api/early-warnings?asOf=2024-09-30'],
  ['delivery-by-office', () => '/api/delivery/groups?year=2024&by=office'],
];

let database: Database;
let hq: Client;
const recorder = new SqlRecorder();
const ids: Record<string, string> = {};

before(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const root = await buildOffice(db, { code: 'HQ' });
  const ke = await buildOffice(db, { code: 'CO-KE', name: 'Country Office for Kenya', officeType: 'country_office', parentId: root.id, countryCode: 'KE' });
  const donor = await buildPartner(db, 'Donor A');
  const agreements = [];
  for (const code of ['AG-1', 'AG-2', 'AG-3'])
    agreements.push(await buildAgreement(db, { code, partnerId: donor.id, periodStart: '2023-01-01', amounts: [{ year: 2024, amount: '300000.00' }] }));
  for (const code of ['K1', 'K2', 'K3']) {
    const p = await buildProject(db, {
      code,
      officeId: ke.id,
      plannedStart: '2023-01-01',
      partners: [{ partnerId: donor.id, role: 'funding' }],
      agreementIds: agreements.map((a) => a.id),
      status: 'active',
      activeOn: '2023-01-15',
    });
    await buildAllocation(db, p.id, 2024, '200000.00');
  }
  await buildFinancialLines(db, [
    { projectCode: 'K1', period: '2024-03', amount: '50000.00' },
    { projectCode: 'K2', period: '2024-04', amount: '30000.00' },
  ]);
  // The app reads through the recorder; the set-up above did not.
  const app = buildApp({ ...database, db: db.withPlugin(recorder) });
  hq = await signedInAs(app, db, 'hq_officer');
});
after(() => database.close());

describe('SQL snapshots', () => {
  for (const [name, path] of SNAPSHOTS) {
    test(name, async () => {
      recorder.statements = [];
      ok(await hq.get(path(ids)));
      // The session lookup that starts every request is the middleware's, the same for all: left out.
      const own = recorder.statements.filter((s) => !/from "sessions"/.test(s) || /"projects"/.test(s));
      const text = `${own.map((s, i) => `-- statement ${i + 1} of ${own.length}\n${format(s, { language: 'postgresql', keywordCase: 'lower' })};`).join('\n\n')}\n`;
      const file = join(DIR, `${name}.sql`);
      if (UPDATE) writeFileSync(file, text);
      assert.ok(existsSync(file), `no snapshot of ${name}: UPDATE_SQL_SNAPSHOTS=1 writes it`);
      assert.equal(text, readFileSync(file, 'utf8'), `the SQL of ${path(ids)} changed: if on purpose, UPDATE_SQL_SNAPSHOTS=1 and review the diff`);
    });
  }
});
