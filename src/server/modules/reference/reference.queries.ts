import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The SQL of the reference data (the IATI 2.03 codelists, the SDG framework). Published standards, public:
 * no read takes a scope.
 */

export const selectCountries = (db: Kysely<DB>) => db.selectFrom('countries').selectAll().orderBy('code').execute();

export const selectCurrencies = (db: Kysely<DB>) => db.selectFrom('currencies').selectAll().orderBy('code').execute();

export const selectRegions = (db: Kysely<DB>) => db.selectFrom('regions').selectAll().orderBy('code').execute();

export const selectFundingSources = (db: Kysely<DB>) => db.selectFrom('funding_sources').selectAll().orderBy('code').execute();

/** Every codelist with how many codes it has, in one statement. */
export const selectCodelists = (db: Kysely<DB>) =>
  db
    .selectFrom('codelists')
    .leftJoin('codelist_codes', 'codelist_codes.codelist', 'codelists.name')
    .select(['codelists.name', 'codelists.title', 'codelists.category', 'codelists.complete', 'codelists.embedded', 'codelists.source'])
    .select((eb) => eb.fn.count<number>('codelist_codes.code').as('code_count'))
    .groupBy('codelists.name')
    .orderBy('codelists.name')
    .execute();

/** The codes of one codelist, in code order. */
export const selectCodelistCodes = (db: Kysely<DB>, name: string) =>
  db.selectFrom('codelist_codes').select(['code', 'name_en', 'name_fr', 'name_es', 'description', 'category', 'status']).where('codelist', '=', name).orderBy('code').execute();

export const selectSdgGoals = (db: Kysely<DB>) =>
  db
    .selectFrom('sdg_goals')
    .selectAll()
    .orderBy((eb) => eb.cast('code', 'integer'))
    .execute();

/** The SDG targets, of one goal when given. */
export function selectSdgTargets(db: Kysely<DB>, goal?: string) {
  let q = db.selectFrom('sdg_targets').selectAll().orderBy('code');
  if (goal) q = q.where('goal_code', '=', goal);
  return q.execute();
}

/** The SDG indicators, of one target when given. */
export function selectSdgIndicators(db: Kysely<DB>, target?: string) {
  let q = db.selectFrom('sdg_indicators').selectAll().orderBy('code');
  if (target) q = q.where('target_code', '=', target);
  return q.execute();
}

/** The titles of the SDG targets named, in one statement (none asked, none read). */
export async function sdgTargetTitles(db: Kysely<DB>, codes: string[]) {
  return codes.length ? db.selectFrom('sdg_targets').select(['code', 'title_en', 'title_fr', 'title_es']).where('code', 'in', codes).execute() : [];
}
