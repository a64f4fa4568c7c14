import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildOffice } from '../../../test/factories.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { systemActor } from '../access/actor.ts';
import type { Database } from '../db/connect.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { activityFile, organisationFile } from './iati-export.read.ts';
import { importIatiFile } from './iati-import.apply.ts';
import { DEMO_PUBLISHER, setActivityUnit, setPublisher } from './iati-settings.service.ts';
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
    // The same publisher (the demonstration's example identifier), so its activities are recognised as its own.
    await setPublisher(empty.db, DEMO_PUBLISHER, systemActor('system', 'round trip'));
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

test('documents (confidential ones left out), related activities and disbursements are published', async () => {
  const xml = new TextDecoder().decode(await collect(activityFile(database.db)));
  const activity = /<iati-activity [^>]*>(?:(?!<\/iati-activity>)[\s\S])*?XE-EXAMPLE-DEVCOOP-DEMO-IND-23-01-EUR<\/iati-identifier>[\s\S]*?<\/iati-activity>/.exec(xml)?.[0] ?? '';
  assert.ok(activity, 'the garment project is published');
  const links = [...activity.matchAll(/<document-link format="([^"]+)" url="([^"]+)">[\s\S]*?<category code="([^"]+)"\/>/g)].map((m) => `${m[3]} ${m[2]}`);
  assert.deepEqual(links, ['A07 https://example.org/devcoop-demo/ind-23-01-evaluation.pdf', 'A02 https://example.org/devcoop-demo/ind-23-01-summary.pdf']);
  assert.doesNotMatch(xml, /ind-23-01-contract/, 'the confidential contract is never published');
  assert.match(activity, /<related-activity ref="XE-EXAMPLE-DEVCOOP-DEMO-PAK-24-01-EUR" type="3"\/>/);
  // Disbursements are delivered money: with the expenditure transactions they add up to the expenditure of the delivery facts.
  const year = new Date().getUTCFullYear() - 1;
  const sumOf = (type: string) =>
    [
      ...activity.matchAll(
        new RegExp(`<transaction><transaction-type code="${type}"/><transaction-date iso-date="${year}-[^"]+"/><value currency="USD" value-date="[^"]+">([^<]+)</value>`, 'g'),
      ),
    ]
      .map((m) => Math.round(Number(m[1]) * 100))
      .reduce((a, b) => a + b, 0);
  assert.ok(sumOf('3') > 0, 'quarterly disbursements are transactions of type 3');
  const facts = await database.db
    .selectFrom('project_finance as f')
    .innerJoin('projects as p', 'p.id', 'f.project_id')
    .select('f.expenditure')
    .where('p.code', '=', 'IND/23/01/EUR')
    .where('f.year', '=', year)
    .executeTakeFirstOrThrow();
  assert.equal(sumOf('3') + sumOf('4'), Math.round(Number(facts.expenditure) * 100));
});

test('one activity per country programme outcome and biennium: valid, one per outcome and biennium of its published projects, budgets at the link shares', async () => {
  const admin = systemActor('system', 'test');
  const db = database.db;
  await setActivityUnit(db, 'cpo_biennium', admin);
  try {
    const bytes = await collect(activityFile(db, { pageSize: 50 }));
    const report = await validateIatiFile(bytes);
    assert.deepEqual(
      report.withFindings.flatMap((r) => r.findings.filter((f) => f.severity !== 'warning').map((f) => `${r.identifier} ${f.rule} ${f.message}`)),
      [],
    );
    // Expected activities, counted in SQL from the links: each outcome, each biennium (odd year first) a published linked project runs in.
    const expected = await sql<{ n: string }>`select count(*) as n from (
        select distinct l.cpo_id, (case when y % 2 = 1 then y else y - 1 end) as b
        from project_cpo_links l join projects p on p.id = l.project_id
        cross join generate_series(extract(year from p.planned_start)::int, extract(year from p.planned_end)::int) as y
        where p.confidential = false and p.status in ('approved', 'active', 'closed')) x`.execute(db);
    assert.equal(report.records, Number(expected.rows[0]?.n));
    assert.ok(report.records > 50);
    // One outcome's budget for a year: the sum of its projects' allocations at the link's share, rounded to cents.
    const one = await sql<{ code: string; country: string; year: number; amount: string }>`
      select c.code, d.country_code as country, f.year, round(sum(f.allocation * l.share / 100), 2)::text as amount
      from project_cpo_links l join projects p on p.id = l.project_id join cpos c on c.id = l.cpo_id join dwcps d on d.id = c.dwcp_id
      join project_finance f on f.project_id = p.id and f.problems = '[]'::jsonb
      where p.confidential = false and p.status in ('approved', 'active', 'closed') and f.allocation is not null
      group by c.code, d.country_code, f.year order by count(*) desc, c.code, f.year limit 1`.execute(db);
    const row = one.rows[0];
    assert.ok(row);
    const b = row.year % 2 === 1 ? row.year : row.year - 1;
    const xml = new TextDecoder().decode(bytes);
    const activity = new RegExp(`<iati-identifier>XE-EXAMPLE-DEVCOOP-DEMO-${row.code}-${b}-${b + 1}</iati-identifier>[\\s\\S]*?</iati-activity>`).exec(xml)?.[0] ?? '';
    assert.match(activity, new RegExp(`<recipient-country code="${row.country}" percentage="100"/>`));
    const budget = new RegExp(
      `<budget type="1" status="2"><period-start iso-date="${row.year}-01-01"/><period-end iso-date="${row.year}-12-31"/><value currency="USD" value-date="[^"]+">([^<]+)</value>`,
    ).exec(activity);
    assert.equal(Number(budget?.[1]), Number(row.amount));
    assert.doesNotMatch(xml, /XE-EXAMPLE-DEVCOOP-DEMO-IND\/23|XE-EXAMPLE-DEVCOOP-DEMO-IND-23-01-EUR/, 'projects are not published as activities of their own');
  } finally {
    await setActivityUnit(db, 'project', admin);
  }
});
