import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { presentCodelist, presentCodelistWithCodes, presentFundingSource, presentNamedCode, presentSdgGoal, presentSdgIndicator, presentSdgTarget } from './reference.presenter.ts';

/** Read-only reference data from the IATI 2.03 codelists and the SDG framework. Public: these are published standards. */

/** A list in the API's one envelope: reference lists are answered whole. */
const all = <T>(items: T[]) => ({ items, total: items.length });

export const findCountries = async (db: Kysely<DB>) => all((await db.selectFrom('countries').selectAll().orderBy('code').execute()).map(presentNamedCode));

export const findCurrencies = async (db: Kysely<DB>) => all((await db.selectFrom('currencies').selectAll().orderBy('code').execute()).map(presentNamedCode));

export const findRegions = async (db: Kysely<DB>) => all((await db.selectFrom('regions').selectAll().orderBy('code').execute()).map(presentNamedCode));

export const findFundingSources = async (db: Kysely<DB>) => all((await db.selectFrom('funding_sources').selectAll().orderBy('code').execute()).map(presentFundingSource));

export const findCodelists = async (db: Kysely<DB>) =>
  all(
    (
      await db
        .selectFrom('codelists')
        .leftJoin('codelist_codes', 'codelist_codes.codelist', 'codelists.name')
        .select(['codelists.name', 'codelists.title', 'codelists.category', 'codelists.complete', 'codelists.embedded', 'codelists.source'])
        .select((eb) => eb.fn.count<number>('codelist_codes.code').as('code_count'))
        .groupBy('codelists.name')
        .orderBy('codelists.name')
        .execute()
    ).map(presentCodelist),
  );

export async function getCodelist(db: Kysely<DB>, name: string) {
  const list = await db.selectFrom('codelists').selectAll().where('name', '=', name).executeTakeFirst();
  if (!list) throw notFound('Codelist', name);
  const codes = await db
    .selectFrom('codelist_codes')
    .select(['code', 'name_en', 'name_fr', 'name_es', 'description', 'category', 'status'])
    .where('codelist', '=', name)
    .orderBy('code')
    .execute();
  return presentCodelistWithCodes(list, codes);
}

export const findSdgGoals = async (db: Kysely<DB>) =>
  all(
    (
      await db
        .selectFrom('sdg_goals')
        .selectAll()
        .orderBy((eb) => eb.cast('code', 'integer'))
        .execute()
    ).map(presentSdgGoal),
  );

export async function findSdgTargets(db: Kysely<DB>, goal?: string) {
  let q = db.selectFrom('sdg_targets').selectAll().orderBy('code');
  if (goal) q = q.where('goal_code', '=', goal);
  return all((await q.execute()).map(presentSdgTarget));
}

export async function findSdgIndicators(db: Kysely<DB>, target?: string) {
  let q = db.selectFrom('sdg_indicators').selectAll().orderBy('code');
  if (target) q = q.where('target_code', '=', target);
  return all((await q.execute()).map(presentSdgIndicator));
}
