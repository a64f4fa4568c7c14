import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Office, OfficeCreate, OfficeUpdate } from '../../../shared/contracts/offices.ts';
import type { Actor } from '../../access/actor.ts';
import { inScope, type OfficeScope, officeScope } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB, Office as OfficeRow } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned, type VersionedChange } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCountry } from '../reference/reference.check.ts';
import { presentOffice } from './offices.presenter.ts';
import { countDependents, type OfficeListFilter, repathSubtree, selectOffice, selectOffices } from './offices.queries.ts';

/** One office the actor may see, or NOT_FOUND. */
export async function getOffice(db: Kysely<DB>, id: string, actor: Actor): Promise<Office> {
  const row = await selectOffice(db, id, officeScope(actor, 'offices.read'));
  if (!row) throw notFound('Office', id);
  return presentOffice(row);
}

/** A page of the offices the actor may see, in tree order. */
export async function findOffices(db: Kysely<DB>, filter: OfficeListFilter, actor: Actor) {
  const { rows, total } = await selectOffices(db, officeScope(actor, 'offices.read'), filter);
  return { items: rows.map(presentOffice), total };
}

async function checkParent(db: Kysely<DB>, scope: OfficeScope, officeType: string, parentId: string | null): Promise<OfficeRow | null> {
  if (officeType === 'headquarters') {
    if (parentId) throw new AppError('INVALID_INPUT', 'Headquarters is the root of the office tree and has no parent office', { field: 'parentId' });
    if (scope.kind !== 'all') throw new AppError('FORBIDDEN', 'Only an administrator can create or change a headquarters');
    return null;
  }
  if (!parentId) throw new AppError('INVALID_INPUT', 'Every office except headquarters belongs to a parent office', { field: 'parentId' });
  const parent = await selectOffice(db, parentId, scope);
  if (!parent) throw new AppError('INVALID_INPUT', `Parent office ${parentId} does not exist or is outside your offices`, { field: 'parentId' });
  return parent;
}

/** Creates an office under a parent within the actor's reach; audited. */
export async function createOffice(db: Kysely<DB>, input: OfficeCreate, actor: Actor): Promise<Office> {
  const scope = officeScope(actor, 'offices.write');
  return inTransaction(db, async (trx) => {
    const parent = await checkParent(trx, scope, input.officeType, input.parentId);
    await assertCountry(trx, input.countryCode);
    const id = randomUUID();
    const row = await trx
      .insertInto('offices')
      .values({
        id,
        code: input.code,
        name: input.name,
        office_type: input.officeType,
        parent_id: input.parentId,
        path: `${parent?.path ?? '/'}${id}/`,
        country_code: input.countryCode ?? null,
        city: input.city ?? null,
        email: input.email ?? null,
        is_synthetic: actor.via === 'demo',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const office = presentOffice(row);
    await writeAudit(trx, actor, { action: 'create', entityType: 'office', entityId: id, after: office });
    return office;
  });
}

/** An office change under optimistic concurrency: locked, within the actor's reach (404 outside it), versioned, audited. */
const officeChange = (id: string, version: number, scope: OfficeScope): VersionedChange<'offices'> => ({
  table: 'offices',
  id,
  version,
  entityType: 'office',
  label: 'office',
  authorize: async (_trx, current) => {
    if (!inScope(scope, current.path)) throw notFound('Office', id);
  },
  present: presentOffice,
});

/** Changes an office if the client read its current version (else CONFLICT); moving it re-roots its subtree. */
export async function updateOffice(db: Kysely<DB>, id: string, input: OfficeUpdate, actor: Actor): Promise<Office> {
  const scope = officeScope(actor, 'offices.write');
  const row = await changeVersioned(db, actor, officeChange(id, input.version, scope), 'update', async (trx, current) => {
    const officeType = input.officeType ?? current.office_type;
    const parentId = input.parentId === undefined ? current.parent_id : input.parentId;
    let path = current.path;
    if (officeType !== current.office_type || parentId !== current.parent_id) {
      if (current.path === (scope.kind === 'subtree' ? scope.path : null)) {
        throw new AppError('FORBIDDEN', 'You cannot move or retype the office your own rights are anchored on');
      }
      const parent = await checkParent(trx, scope, officeType, parentId);
      if (parent?.path.startsWith(current.path)) {
        throw new AppError('INVALID_INPUT', 'An office cannot be moved under itself or one of its own offices', { field: 'parentId' });
      }
      path = `${parent?.path ?? '/'}${id}/`;
    }
    await assertCountry(trx, input.countryCode);
    if (path !== current.path) await repathSubtree(trx, current.path, path);
    return updateVersioned(trx, 'offices', current, {
      code: input.code,
      name: input.name,
      office_type: officeType,
      parent_id: parentId,
      country_code: input.countryCode,
      city: input.city,
      email: input.email,
    });
  });
  return presentOffice(row);
}

/** Deletes an office with no offices or users below it, if the client read its current version. */
export async function deleteOffice(db: Kysely<DB>, id: string, version: number, actor: Actor): Promise<void> {
  const scope = officeScope(actor, 'offices.write');
  await changeVersioned(db, actor, officeChange(id, version, scope), 'delete', async (trx, current) => {
    if (scope.kind === 'subtree' && current.path === scope.path) throw new AppError('FORBIDDEN', 'You cannot delete the office your own rights are anchored on');
    const deps = await countDependents(trx, id);
    if (deps.children || deps.users) {
      throw new AppError('CONFLICT', `The office still has ${deps.children} office(s) and ${deps.users} user(s) attached; move or remove them first`, deps);
    }
    await trx.deleteFrom('offices').where('id', '=', id).execute();
    return null;
  });
}
