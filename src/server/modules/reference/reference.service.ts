import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { presentCodelist, presentCodelistWithCodes, presentFundingSource, presentNamedCode, presentSdgGoal, presentSdgIndicator, presentSdgTarget } from './reference.presenter.ts';
import {
  selectCodelistCodes,
  selectCodelists,
  selectCountries,
  selectCurrencies,
  selectFundingSources,
  selectRegions,
  selectSdgGoals,
  selectSdgIndicators,
  selectSdgTargets,
} from './reference.queries.ts';

/** Read-only reference data from the IATI 2.03 codelists and the SDG framework. Public: these are published standards. */

/** A list in the API's one envelope: reference lists are answered whole. */
const all = <T>(items: T[]) => ({ items, total: items.length });

export const findCountries = async (db: Kysely<DB>) => all((await selectCountries(db)).map(presentNamedCode));

export const findCurrencies = async (db: Kysely<DB>) => all((await selectCurrencies(db)).map(presentNamedCode));

export const findRegions = async (db: Kysely<DB>) => all((await selectRegions(db)).map(presentNamedCode));

export const findFundingSources = async (db: Kysely<DB>) => all((await selectFundingSources(db)).map(presentFundingSource));

export const findCodelists = async (db: Kysely<DB>) => all((await selectCodelists(db)).map(presentCodelist));

export async function getCodelist(db: Kysely<DB>, name: string) {
  const list = await db.selectFrom('codelists').selectAll().where('name', '=', name).executeTakeFirst();
  if (!list) throw notFound('Codelist', name);
  return presentCodelistWithCodes(list, await selectCodelistCodes(db, name));
}

export const findSdgGoals = async (db: Kysely<DB>) => all((await selectSdgGoals(db)).map(presentSdgGoal));

export const findSdgTargets = async (db: Kysely<DB>, goal?: string) => all((await selectSdgTargets(db, goal)).map(presentSdgTarget));

export const findSdgIndicators = async (db: Kysely<DB>, target?: string) => all((await selectSdgIndicators(db, target)).map(presentSdgIndicator));
