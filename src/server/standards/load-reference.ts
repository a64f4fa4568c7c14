import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { parseCodelist } from './parse-codelist.ts';

/** The shipped copies of the IATI codelists (CC BY 4.0) and the SDG list (MIT); see NOTICE. */
export const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../reference');

const localName = (locale: 'fr' | 'es', type: 'region' | 'currency') => {
  const names = new Intl.DisplayNames([locale], { type, fallback: 'none' });
  return (code: string) => {
    try {
      return names.of(code);
    } catch {
      return undefined;
    }
  };
};

function checksum(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

async function chunkedInsert<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function loadCodelists(trx: Transaction<DB>, files: string[]) {
  const index = new Map<string, string>();
  const indexCsv = parseCsv(readFileSync(join(REFERENCE_DIR, 'iati-codelists', 'INDEX.csv')), { columns: true }) as Record<string, string>[];
  for (const row of indexCsv) if (row.codelist && row.source) index.set(row.codelist, row.source);

  await trx.deleteFrom('codelist_codes').execute();
  await trx.deleteFrom('codelists').execute();
  const lists = files.map((f) => parseCodelist(readFileSync(f, 'utf8')));
  for (const list of lists) {
    await trx
      .insertInto('codelists')
      .values({
        name: list.name,
        title: list.title || list.name,
        category: list.category ?? null,
        complete: list.complete,
        embedded: list.embedded,
        source: index.get(list.name) ?? 'IATI codelists',
      })
      .execute();
    await chunkedInsert(list.items, (chunk) =>
      trx
        .insertInto('codelist_codes')
        .values(
          chunk.map((i) => ({
            codelist: list.name,
            code: i.code,
            name_en: i.name.en || i.code,
            name_fr: i.name.fr ?? null,
            name_es: null,
            description: i.description ?? null,
            category: i.category ?? null,
            status: i.status,
          })),
        )
        .onConflict((oc) => oc.columns(['codelist', 'code']).doNothing())
        .execute(),
    );
  }
  return lists;
}

async function loadNamedCodes(trx: Transaction<DB>, lists: ReturnType<typeof parseCodelist>[]) {
  const byName = new Map(lists.map((l) => [l.name, l]));
  const countryFr = localName('fr', 'region');
  const countryEs = localName('es', 'region');
  const currencyFr = localName('fr', 'currency');
  const currencyEs = localName('es', 'currency');

  // Upserts, never deletes: other tables refer to these codes, and withdrawn codes keep their rows.
  const countries = (byName.get('Country')?.items ?? []).filter((i) => /^[A-Z]{2}$/.test(i.code));
  for (const c of countries) {
    const row = {
      code: c.code,
      name_en: c.name.en,
      name_fr: countryFr(c.code) ?? c.name.fr ?? c.name.en,
      name_es: countryEs(c.code) ?? c.name.en,
      status: c.status,
    };
    await trx
      .insertInto('countries')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  }

  for (const c of byName.get('Currency')?.items ?? []) {
    const row = {
      code: c.code,
      name_en: c.name.en,
      name_fr: currencyFr(c.code) ?? c.name.fr ?? c.name.en,
      name_es: currencyEs(c.code) ?? c.name.en,
      status: c.status,
    };
    await trx
      .insertInto('currencies')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  }
  for (const r of byName.get('Region')?.items ?? []) {
    const row = { code: r.code, name_en: r.name.en, name_fr: r.name.fr ?? r.name.en, name_es: r.name.en, status: r.status };
    await trx
      .insertInto('regions')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  }
}

async function loadSdg(trx: Transaction<DB>, file: string) {
  const rows = parseCsv(readFileSync(file), { columns: true }) as Record<string, string>[];
  await trx.deleteFrom('sdg_indicators').execute();
  await trx.deleteFrom('sdg_targets').execute();
  await trx.deleteFrom('sdg_goals').execute();
  // The translations come partly in decomposed Unicode (e + combining accent): store the composed form, so search and comparison work.
  const nfc = (v: string | undefined) => (v ?? '').normalize('NFC');
  const titles = (r: Record<string, string>) => ({ title_en: nfc(r.title_en), title_fr: nfc(r.title_fr || r.title_en), title_es: nfc(r.title_es || r.title_en) });
  const of = (level: string) => rows.filter((r) => r.level === level);
  await trx
    .insertInto('sdg_goals')
    .values(of('goal').map((r) => ({ code: r.code ?? '', short_en: r.short_en || null, ...titles(r) })))
    .execute();
  await chunkedInsert(of('target'), (chunk) =>
    trx
      .insertInto('sdg_targets')
      .values(chunk.map((r) => ({ code: r.code ?? '', goal_code: r.goal ?? '', ...titles(r) })))
      .execute(),
  );
  await chunkedInsert(of('indicator'), (chunk) =>
    trx
      .insertInto('sdg_indicators')
      .values(chunk.map((r) => ({ code: r.code ?? '', target_code: r.target ?? '', ...titles(r) })))
      .execute(),
  );
}

/**
 * Loads the reference data into the database, in one transaction, when the shipped files differ
 * from what was last loaded. Returns whether anything was loaded.
 */
export async function loadReferenceData(db: Kysely<DB>): Promise<boolean> {
  const codelistDir = join(REFERENCE_DIR, 'iati-codelists');
  const files = readdirSync(codelistDir)
    .filter((f) => f.endsWith('.xml') && f !== 'mapping.xml' && f !== 'codelist.xsd')
    .sort()
    .map((f) => join(codelistDir, f));
  const sdgFile = join(REFERENCE_DIR, 'sdg', 'sdg-goals-targets-indicators.csv');
  const sum = checksum([...files, sdgFile]);
  const last = await db.selectFrom('reference_loads').select('checksum').where('source', '=', 'standards').executeTakeFirst();
  if (last?.checksum === sum) return false;
  await db.transaction().execute(async (trx) => {
    const lists = await loadCodelists(trx, files);
    await loadNamedCodes(trx, lists);
    await loadSdg(trx, sdgFile);
    await trx
      .insertInto('reference_loads')
      .values({ source: 'standards', checksum: sum })
      .onConflict((oc) => oc.column('source').doUpdateSet({ checksum: sum, loaded_at: new Date().toISOString() }))
      .execute();
  });
  return true;
}
