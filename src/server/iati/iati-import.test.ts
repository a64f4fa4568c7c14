import assert from 'node:assert/strict';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { SHARED_IATI } from '../../../test/helpers/shared-iati.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import { systemActor } from '../access/actor.ts';
import type { Database } from '../db/connect.ts';
import { importIatiFile } from './iati-import.apply.ts';
import type { IatiFileError } from './iati-xml.reader.ts';

const actor = systemActor('import', 'iati test');
const manifest = parse(readFileSync(join(SHARED_IATI, 'real', 'MANIFEST.csv')), { columns: true }) as Record<string, string>[];
const realFile = (name: string) => join(SHARED_IATI, 'real', name);
const importFile = (db: Database['db'], name: string) => importIatiFile(db, createReadStream(realFile(name)), { name, bytes: statSync(realFile(name)).size }, actor);

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

async function snapshot() {
  const db = database.db;
  const a = await sql<{
    n: string;
    h: string;
  }>`select count(*) as n, md5(coalesce(string_agg(row(iati_identifier, title, description, reporting_org_ref, planned_start, actual_end, countries, sectors, participating_orgs)::text, '|' order by iati_identifier), '')) as h from iati_activities`.execute(
    db,
  );
  const t = await sql<{
    n: string;
    h: string;
  }>`select count(*) as n, md5(coalesce(string_agg(row(a.iati_identifier, t.seq, t.type_code, t.transaction_date, t.value, t.currency, t.provider_activity_id)::text, '|' order by a.iati_identifier, t.seq), '')) as h
    from iati_transactions t join iati_activities a on a.id = t.activity_id`.execute(db);
  return { activities: a.rows[0], transactions: t.rows[0] };
}

describe('IATI import of real files from 21 publishers (versions 1.0 to 2.03)', () => {
  test('every file imports; activity and transaction counts match MANIFEST.csv (imported + skipped, each skip explained)', async () => {
    const lines: string[] = [];
    for (const m of manifest) {
      const report = await importFile(database.db, m.file as string);
      const activities = report.activities.imported + report.activities.skipped;
      const transactions = report.transactions.imported + report.transactions.skipped;
      lines.push(
        `${m.file}: ${report.activities.imported} activities (+${report.activities.skipped} skipped), ${report.transactions.imported} transactions (+${report.transactions.skipped} skipped)`,
      );
      assert.equal(activities, Number(m.activities), `${m.file} activities`);
      assert.equal(transactions, Number(m.transactions), `${m.file} transactions`);
      for (const o of report.outcomes) for (const s of o.skipped) assert.ok(s.reason && s.line > 0, `${m.file}: a skip says why and where`);
    }
    console.log(lines.map((l) => `# ${l}`).join('\n'));
  });

  test('re-importing the same file updates and never duplicates: the database is the same', async () => {
    const name = 'hdx-saved-dportal_107.xml';
    const first = await snapshot();
    const again = await importFile(database.db, name);
    assert.equal(again.activities.new, 0);
    assert.equal(again.activities.updated, again.activities.imported);
    assert.deepEqual(await snapshot(), first);
  });

  test('1.0x files: letter transaction types, texts without narratives, activity dates by name', async () => {
    const row = await database.db
      .selectFrom('iati_activities')
      .select(['iati_identifier', 'iati_version', 'title', 'reporting_org_name'])
      .where('iati_version', 'like', '1.0%')
      .orderBy('iati_identifier')
      .executeTakeFirstOrThrow();
    assert.ok(row.title && row.reporting_org_name, JSON.stringify(row));
    const types = await database.db
      .selectFrom('iati_transactions as t')
      .innerJoin('iati_activities as a', 'a.id', 't.activity_id')
      .select('t.type_code')
      .distinct()
      .where('a.iati_version', 'like', '1.0%')
      .execute();
    for (const t of types) assert.match(t.type_code, /^\d+$/, 'letter codes are mapped to 2.03 numbers');
  });

  test('a file that stops half-way, or declares a DOCTYPE, changes nothing', async () => {
    const before = await snapshot();
    const text = readFileSync(realFile('hdx-saved-dportal_22.xml'), 'utf8').replaceAll('hdx', 'HDX');
    const truncated = text.slice(0, Math.floor(text.length * 0.7));
    await assert.rejects(importIatiFile(database.db, [Buffer.from(truncated)], { name: 'cut.xml', bytes: truncated.length }, actor), (e: IatiFileError) => e.code === '0.1.1');
    const doctype = `<!DOCTYPE x [<!ENTITY e "e">]>${text.slice(text.indexOf('<iati-activities'))}`;
    await assert.rejects(importIatiFile(database.db, [Buffer.from(doctype)], { name: 'dt.xml', bytes: doctype.length }, actor), /DOCTYPE/);
    assert.deepEqual(await snapshot(), before);
    const imports = await database.db.selectFrom('iati_imports').select('file_name').where('file_name', 'in', ['cut.xml', 'dt.xml']).execute();
    assert.deepEqual(imports, []);
  });

  test('an organisation file is refused with a clear message', async () => {
    const xml = readFileSync(join(SHARED_IATI, 'examples', 'organisation-standard-example-annotated.xml'));
    await assert.rejects(importIatiFile(database.db, [xml], { name: 'org.xml', bytes: xml.length }, actor), /organisation file/);
  });
});
