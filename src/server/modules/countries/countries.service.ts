import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ConstituentCreate, ConstituentUpdate, CountryProfileCreate, CountryProfileUpdate } from '../../../shared/contracts/programming.ts';
import type { Actor } from '../../access/actor.ts';
import { countryScope, inScope, officeScope } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCountry } from '../reference/reference.check.ts';
import { presentConstituent, presentCountryProfile, presentCountryProgramme } from './countries.presenter.ts';
import { assertCountryInScope, NAMES, selectConstituents, selectProgramme, selectProgrammes } from './countries.queries.ts';

/** A country programme with its names, by code (the caller has checked the scope). */
async function programmeWithNames(db: Kysely<DB>, code: string) {
  const row = await db
    .selectFrom('country_profiles')
    .innerJoin('offices', 'offices.id', 'country_profiles.covering_office_id')
    .innerJoin('countries', 'countries.code', 'country_profiles.country_code')
    .selectAll('country_profiles')
    .select(NAMES)
    .where('country_profiles.country_code', '=', code)
    .executeTakeFirstOrThrow();
  return presentCountryProgramme(row);
}

/** Country programmes (profiles) the actor may see, with the country's names and covering office. */
export async function findCountryProfiles(db: Kysely<DB>, actor: Actor) {
  return (await selectProgrammes(db, countryScope(actor, 'programming.read'))).map(presentCountryProgramme);
}

export async function getCountryProfile(db: Kysely<DB>, code: string, actor: Actor) {
  const row = await selectProgramme(db, countryScope(actor, 'programming.read'), code);
  if (!row) throw notFound('Country programme', code);
  return presentCountryProgramme(row);
}

/** The covering office must exist and lie within the actor's offices. */
async function checkCoveringOffice(db: Kysely<DB>, actor: Actor, officeId: string) {
  const office = await db.selectFrom('offices').select(['id', 'path']).where('id', '=', officeId).executeTakeFirst();
  const scope = countryScope(actor, 'programming.write');
  if (!office || (scope.kind !== 'country' && !inScope(scope, office.path))) {
    throw new AppError('INVALID_INPUT', `Office ${officeId} does not exist or is outside your offices`, { field: 'coveringOfficeId' });
  }
}

/** Starts the country programme of a country: presence and covering office. */
export async function createCountryProfile(db: Kysely<DB>, input: z.infer<typeof CountryProfileCreate>, actor: Actor) {
  officeScope(actor, 'programming.write');
  return inTransaction(db, async (trx) => {
    await assertCountry(trx, input.countryCode);
    await checkCoveringOffice(trx, actor, input.coveringOfficeId);
    const row = await trx
      .insertInto('country_profiles')
      .values({
        country_code: input.countryCode,
        presence: input.presence,
        covering_office_id: input.coveringOfficeId,
        rc_office: input.rcOffice ?? null,
        multi_country_rc: input.multiCountryRc ?? false,
        delivering_as_one: input.deliveringAsOne ?? false,
        notes: input.notes ?? null,
        is_synthetic: actor.via === 'demo',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'country_profile', entityId: row.country_code, after: presentCountryProfile(row) });
    return programmeWithNames(trx, row.country_code);
  });
}

export async function updateCountryProfile(db: Kysely<DB>, code: string, input: z.infer<typeof CountryProfileUpdate>, actor: Actor) {
  const scope = countryScope(actor, 'programming.write');
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'country_profiles',
      key: 'country_code',
      id: code,
      version: input.version,
      entityType: 'country_profile',
      label: 'country programme',
      authorize: (trx) => assertCountryInScope(trx, scope, code),
      present: presentCountryProfile,
    },
    'update',
    async (trx, current) => {
      if (input.coveringOfficeId) await checkCoveringOffice(trx, actor, input.coveringOfficeId);
      return updateVersioned(
        trx,
        'country_profiles',
        current,
        {
          presence: input.presence,
          covering_office_id: input.coveringOfficeId,
          rc_office: input.rcOffice,
          multi_country_rc: input.multiCountryRc,
          delivering_as_one: input.deliveringAsOne,
          notes: input.notes,
        },
        'country_code',
      );
    },
  );
  return programmeWithNames(db, row.country_code);
}

/** The tripartite constituents of a country. */
export async function findConstituents(db: Kysely<DB>, code: string, actor: Actor) {
  return (await selectConstituents(db, countryScope(actor, 'programming.read'), code)).map(presentConstituent);
}

export async function createConstituent(db: Kysely<DB>, code: string, input: z.infer<typeof ConstituentCreate>, actor: Actor) {
  const scope = countryScope(actor, 'programming.write');
  return inTransaction(db, async (trx) => {
    await assertCountryInScope(trx, scope, code);
    const row = await trx
      .insertInto('constituents')
      .values({
        country_code: code,
        kind: input.kind,
        name: input.name,
        acronym: input.acronym ?? null,
        contact_name: input.contactName ?? null,
        contact_email: input.contactEmail ?? null,
        is_synthetic: actor.via === 'demo',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'constituent', entityId: row.id, after: presentConstituent(row) });
    return presentConstituent(row);
  });
}

export async function updateConstituent(db: Kysely<DB>, id: string, input: z.infer<typeof ConstituentUpdate>, actor: Actor) {
  const scope = countryScope(actor, 'programming.write');
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'constituents',
      id,
      version: input.version,
      entityType: 'constituent',
      label: 'constituent',
      authorize: (trx, current) => assertCountryInScope(trx, scope, current.country_code),
      present: presentConstituent,
    },
    'update',
    async (trx, current) =>
      updateVersioned(trx, 'constituents', current, {
        kind: input.kind,
        name: input.name,
        acronym: input.acronym,
        contact_name: input.contactName,
        contact_email: input.contactEmail,
      }),
  );
  return presentConstituent(row);
}

export async function deleteConstituent(db: Kysely<DB>, id: string, version: number, actor: Actor) {
  const scope = countryScope(actor, 'programming.write');
  await changeVersioned(
    db,
    actor,
    {
      table: 'constituents',
      id,
      version,
      entityType: 'constituent',
      label: 'constituent',
      authorize: (trx, current) => assertCountryInScope(trx, scope, current.country_code),
      present: presentConstituent,
    },
    'delete',
    async (trx) => {
      await trx.deleteFrom('constituents').where('id', '=', id).execute();
      return null;
    },
  );
}
