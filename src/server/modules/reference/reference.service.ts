import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';

/** Read-only reference data from the IATI 2.03 codelists and the SDG framework. Public: these are published standards. */
export const findCountries = (db: Kysely<DB>) => db.selectFrom('countries').select(['code', 'name_en', 'name_fr', 'name_es', 'status']).orderBy('code').execute();

export const findCurrencies = (db: Kysely<DB>) => db.selectFrom('currencies').select(['code', 'name_en', 'name_fr', 'name_es', 'status']).orderBy('code').execute();

export const findRegions = (db: Kysely<DB>) => db.selectFrom('regions').select(['code', 'name_en', 'name_fr', 'name_es', 'status']).orderBy('code').execute();

export const findCodelists = (db: Kysely<DB>) =>
  db
    .selectFrom('codelists')
    .leftJoin('codelist_codes', 'codelist_codes.codelist', 'codelists.name')
    .select(['codelists.name', 'codelists.title', 'codelists.category', 'codelists.complete', 'codelists.embedded', 'codelists.source'])
    .select((eb) => eb.fn.count<number>('codelist_codes.code').as('items'))
    .groupBy('codelists.name')
    .orderBy('codelists.name')
    .execute();

export async function getCodelist(db: Kysely<DB>, name: string) {
  const list = await db.selectFrom('codelists').selectAll().where('name', '=', name).executeTakeFirst();
  if (!list) throw notFound('Codelist', name);
  const items = await db
    .selectFrom('codelist_codes')
    .select(['code', 'name_en', 'name_fr', 'name_es', 'description', 'category', 'status'])
    .where('codelist', '=', name)
    .orderBy('code')
    .execute();
  return { ...list, items };
}

export const findSdgGoals = (db: Kysely<DB>) =>
  db
    .selectFrom('sdg_goals')
    .selectAll()
    .orderBy((eb) => eb.cast('code', 'integer'))
    .execute();

export function findSdgTargets(db: Kysely<DB>, goal?: string) {
  let q = db.selectFrom('sdg_targets').selectAll().orderBy('code');
  if (goal) q = q.where('goal_code', '=', goal);
  return q.execute();
}

export function findSdgIndicators(db: Kysely<DB>, target?: string) {
  let q = db.selectFrom('sdg_indicators').selectAll().orderBy('code');
  if (target) q = q.where('target_code', '=', target);
  return q.execute();
}
