import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildOffice } from '../../../test/factories.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { systemActor } from '../access/actor.ts';
import type { Database } from '../db/connect.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { activityFile, organisationFile } from './iati-export.load.ts';
import { importIatiFile } from './iati-import.apply.ts';
import { validateIatiFile } from './iati-validate.ts';

let database: Database;
before(async () => {
  database = await openTestDatabase();
  await loadDemo(database.db, { email: 'admin@example.org', password: 'a demonstration password' });
});
after(() => database.close());

const collect = async (gen: AsyncGenerator<string>) => {
  let s = '';
  for await (const chunk of gen) s += chunk;
  return new TextEncoder().encode(s);
};

test("the demonstration portfolio's activity file is XSD-valid with no rule or codelist error", async () => {
  const report = await validateIatiFile(await collect(activityFile(database.db, { pageSize: 100 })));
  const published = await database.db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('confidential', '=', false)
    .where('status', 'in', ['approved', 'active', 'closed'])
    .executeTakeFirstOrThrow();
  assert.equal(report.records, Number(published.n), 'every published project is an activity, across pages');
  assert.ok(report.records > 200);
  assert.deepEqual(
    report.withFindings.flatMap((r) => r.findings.filter((f) => f.severity !== 'warning').map((f) => `${r.identifier} ${f.rule} ${f.message}`)),
    [],
  );
  assert.deepEqual(report.file, []);
});

test('the demonstration organisation file is valid', async () => {
  const report = await validateIatiFile(await collect(organisationFile(database.db)));
  assert.equal(report.valid, true, JSON.stringify(report.withFindings));
  assert.equal(report.counts.warning, 0);
});

test('round trip: the export imported into an empty devcoop exports the same file, timestamps aside', async () => {
  const first = new TextDecoder().decode(await collect(activityFile(database.db)));
  const empty = await openTestDatabase();
  try {
    await buildOffice(empty.db, { code: 'HQ' });
    const report = await importIatiFile(empty.db, [Buffer.from(first)], { name: 'activities.xml', bytes: first.length }, systemActor('import', 'round trip'));
    assert.equal(report.activities.asProjects, report.activities.imported, 'every activity is one of ours: it becomes a project');
    assert.equal(report.activities.skipped, 0);
    const second = new TextDecoder().decode(await collect(activityFile(empty.db)));
    const strip = (xml: string) => xml.replace(/(generated|last-updated)-datetime="[^"]*"/g, '$1-datetime=""');
    const a = strip(first).split('\n');
    const b = strip(second).split('\n');
    assert.equal(b.length, a.length);
    for (let i = 0; i < a.length; i++) assert.equal(b[i], a[i], `activity line ${i + 1} differs`);
  } finally {
    await empty.close();
  }
});
