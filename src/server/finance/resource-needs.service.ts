import type { Kysely, Transaction } from 'kysely';
import type { ResourceNeed, ResourceNeedCreate, ResourceNeedList, ResourceNeedUpdate } from '../../shared/contracts/finance.ts';
import { amountProblem } from '../../shared/money.ts';
import type { Actor } from '../access/actor.ts';
import { countryScope } from '../access/rights.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../db/versioned.ts';
import { AppError, notFound } from '../errors.ts';
import { assertCountryInScope } from '../modules/countries/countries.queries.ts';
import { assertCurrency } from '../modules/reference/reference.check.ts';
import { presentResourceNeed } from './resource-needs.presenter.ts';

type NeedInput = ResourceNeedCreate;

/** The country a CPO belongs to, checked against the actor's reach for programming. */
async function writableCpo(db: Kysely<DB> | Transaction<DB>, cpoId: string, actor: Actor) {
  const cpo = await db.selectFrom('cpos').innerJoin('dwcps', 'dwcps.id', 'cpos.dwcp_id').select(['cpos.id', 'dwcps.country_code']).where('cpos.id', '=', cpoId).executeTakeFirst();
  if (!cpo) throw notFound('Country programme outcome', cpoId);
  await assertCountryInScope(db, countryScope(actor, 'programming.write'), cpo.country_code);
}

function check(input: Partial<NeedInput>, currency: string) {
  for (const k of ['needed', 'availableAtIdentification'] as const) {
    const v = input[k];
    if (v === undefined) continue;
    const problem = amountProblem(v, currency);
    if (problem) throw new AppError('INVALID_INPUT', `${k}: ${problem}`, { field: k });
  }
}

/** Records the resources a country programme outcome needs for a period (the outcome-based workplan). */
export async function createNeed(db: Kysely<DB>, cpoId: string, input: NeedInput, actor: Actor): Promise<ResourceNeed> {
  if (input.yearTo < input.yearFrom) throw new AppError('INVALID_INPUT', 'yearTo: must not be before yearFrom', { field: 'yearTo' });
  check(input, input.currency);
  return inTransaction(db, async (trx) => {
    await writableCpo(trx, cpoId, actor);
    await assertCurrency(trx, input.currency);
    const dup = await trx
      .selectFrom('resource_needs')
      .select('id')
      .where('cpo_id', '=', cpoId)
      .where('year_from', '=', input.yearFrom)
      .where('year_to', '=', input.yearTo)
      .executeTakeFirst();
    if (dup) throw new AppError('CONFLICT', `This outcome already has a resource need for ${input.yearFrom}–${input.yearTo}; change that one`, { id: dup.id });
    const row = await trx
      .insertInto('resource_needs')
      .values({
        cpo_id: cpoId,
        year_from: input.yearFrom,
        year_to: input.yearTo,
        currency: input.currency,
        needed: input.needed,
        available_at_identification: input.availableAtIdentification ?? '0',
        identified_on: input.identifiedOn,
        note: input.note ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const need = presentResourceNeed(row);
    await writeAudit(trx, actor, { action: 'create', entityType: 'resource_need', entityId: row.id, after: need });
    return need;
  });
}

/** Changes the amounts or the note of a resource need (optimistic concurrency). */
export async function updateNeed(db: Kysely<DB>, id: string, input: ResourceNeedUpdate, actor: Actor): Promise<ResourceNeed> {
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'resource_needs',
      id,
      version: input.version,
      entityType: 'resource_need',
      label: 'resource need',
      present: presentResourceNeed,
      authorize: async (trx, current) => {
        await writableCpo(trx, current.cpo_id, actor);
        check(input, current.currency);
      },
    },
    'update',
    async (trx, current) =>
      updateVersioned(trx, 'resource_needs', current, {
        needed: input.needed,
        available_at_identification: input.availableAtIdentification,
        note: input.note,
      }),
  );
  return presentResourceNeed(row);
}

/** The resource needs recorded for a country programme outcome, oldest period first (programming read scope). */
export async function listNeeds(db: Kysely<DB>, cpoId: string, actor: Actor): Promise<ResourceNeedList> {
  const cpo = await db.selectFrom('cpos').innerJoin('dwcps', 'dwcps.id', 'cpos.dwcp_id').select(['cpos.id', 'dwcps.country_code']).where('cpos.id', '=', cpoId).executeTakeFirst();
  if (!cpo) throw notFound('Country programme outcome', cpoId);
  await assertCountryInScope(db, countryScope(actor, 'programming.read'), cpo.country_code);
  const rows = await db.selectFrom('resource_needs').selectAll().where('cpo_id', '=', cpoId).orderBy('year_from').orderBy('year_to').execute();
  return { items: rows.map(presentResourceNeed), total: rows.length };
}
