import type { Kysely, Transaction } from 'kysely';
import { FinanceMapping, type ImportMapping, type ImportMappingList, type ImportPreview } from '../../shared/contracts/finance.ts';
import type { Actor } from '../access/actor.ts';
import { type OfficeScope, officeScope, requireRight } from '../access/rights.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError, notFound } from '../errors.ts';
import { readTable } from '../spreadsheets/read-table.ts';
import type { SpreadsheetLimits } from '../spreadsheets/table.ts';
import { UnreadableFile } from '../spreadsheets/unreadable.ts';
import { presentImportMapping } from './finance-imports.presenter.ts';
import type { FinancialMapping } from './financial-lines.parse.ts';

export const MAPPING_FIELDS = ['projectCode', 'period', 'amount', 'currency', 'sourceRef', 'kind'] as const;

/*
 * Saved column mappings, one per ERP export layout, reused by name. Each belongs to an office or to the whole
 * organisation (office_id null). With `finance.import` (403 without it) an actor of organisation-wide reach reads and
 * changes them all and saves the organisation's; an office-scoped actor reads the organisation's and those of its
 * offices (its own and below), saves its office's, and deletes only those of its offices: another office's mapping is
 * not found (404), an organisation-wide one is refused (403).
 */

/** The mappings within an actor's reach: the organisation's, and those of the offices in its scope. */
function reachable(db: Kysely<DB> | Transaction<DB>, scope: OfficeScope) {
  const q = db.selectFrom('import_mappings as m').leftJoin('offices as o', 'o.id', 'm.office_id');
  if (scope.kind === 'all') return q;
  return q.where((eb) => eb.or([eb('m.office_id', 'is', null), eb('o.path', 'like', `${scope.path}%`)]));
}

const COLUMNS = ['m.id', 'm.name', 'm.mapping', 'm.created_at', 'm.office_id', 'o.name as office_name'] as const;

/** The saved mappings the actor may use: the organisation's first, then by name. */
export async function listMappings(db: Kysely<DB>, actor: Actor): Promise<ImportMappingList> {
  const rows = await reachable(db, officeScope(actor, 'finance.import'))
    .select(COLUMNS)
    .orderBy((eb) => eb('m.office_id', 'is not', null))
    .orderBy('m.name')
    .execute();
  return { items: rows.map(presentImportMapping), total: rows.length };
}

/** Saves a mapping: the organisation's when the actor's reach is organisation-wide, else its office's. */
export async function saveMapping(db: Kysely<DB>, name: string, mapping: FinancialMapping, actor: Actor): Promise<ImportMapping> {
  const scope = officeScope(actor, 'finance.import');
  const officeId = scope.kind === 'all' ? null : (actor.officeId ?? null);
  if (scope.kind !== 'all' && !officeId) throw new AppError('FORBIDDEN', 'Your account has no office, so it has no office-scoped rights');
  return inTransaction(db, async (trx) => {
    // Names are unique across the organisation (an import names its mapping); one out of reach is not shown.
    const dup = await trx.selectFrom('import_mappings').select('id').where('name', '=', name).executeTakeFirst();
    if (dup) {
      const seen = await reachable(trx, scope).select('m.id').where('m.id', '=', dup.id).executeTakeFirst();
      if (seen) throw new AppError('CONFLICT', `A mapping named "${name}" exists already; choose another name or delete it first`, { field: 'name', id: dup.id });
      throw new AppError('CONFLICT', `Another office has a mapping named "${name}"; choose another name`, { field: 'name' });
    }
    const row = await trx
      .insertInto('import_mappings')
      .values({ name, mapping: JSON.stringify(mapping), office_id: officeId })
      .returning(['id', 'name', 'created_at', 'office_id'])
      .executeTakeFirstOrThrow();
    const office = officeId ? await trx.selectFrom('offices').select('name').where('id', '=', officeId).executeTakeFirst() : undefined;
    await writeAudit(trx, actor, { action: 'create', entityType: 'import_mapping', entityId: row.id, after: { name, mapping, officeId } });
    return presentImportMapping({ ...row, mapping, office_name: office?.name ?? null });
  });
}

/** Deletes a mapping of the actor's offices (or any, for an organisation-wide reach). */
export async function deleteMapping(db: Kysely<DB>, id: string, actor: Actor) {
  const scope = officeScope(actor, 'finance.import');
  await inTransaction(db, async (trx) => {
    const row = await reachable(trx, scope).select(['m.name', 'm.mapping', 'm.office_id']).where('m.id', '=', id).forUpdate('m').executeTakeFirst();
    if (!row) throw notFound('Mapping', id);
    if (scope.kind !== 'all' && row.office_id === null) {
      throw new AppError('FORBIDDEN', `"${row.name}" is the organisation's mapping: only a role with organisation-wide reach deletes it`);
    }
    await trx.deleteFrom('import_mappings').where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'delete', entityType: 'import_mapping', entityId: id, before: { name: row.name, mapping: row.mapping, officeId: row.office_id } });
  });
}

/** A saved mapping by name, among those the actor may use (one out of its reach is as unknown). */
export async function mappingByName(db: Kysely<DB>, name: string, actor: Actor): Promise<FinancialMapping> {
  const row = await reachable(db, officeScope(actor, 'finance.import')).select('m.mapping').where('m.name', '=', name).executeTakeFirst();
  if (!row) throw new AppError('INVALID_INPUT', `mappingName: there is no saved mapping named "${name}"`, { field: 'mappingName' });
  return row.mapping as FinancialMapping;
}

/**
 * The mapping an import names: a saved one by name (among those the actor may use), or one given as JSON. Checks
 * the import right first, so a caller refused learns nothing about the saved mappings.
 */
export async function mappingAsked(db: Kysely<DB>, asked: { mapping?: string; mappingName?: string }, actor: Actor): Promise<FinancialMapping> {
  requireRight(actor, 'finance.import');
  if (asked.mappingName) return mappingByName(db, asked.mappingName, actor);
  try {
    return FinanceMapping.parse(JSON.parse(asked.mapping ?? ''));
  } catch {
    throw new AppError('INVALID_INPUT', 'mapping: a JSON object naming the columns projectCode, period, amount, currency, sourceRef and kind (or mappingName: a saved one)', {
      field: 'mapping',
    });
  }
}

const GUESSES: Record<(typeof MAPPING_FIELDS)[number], RegExp> = {
  projectCode: /project|grant|award|code/i,
  period: /period|month|date/i,
  amount: /amount|value|sum|montant|monto/i,
  currency: /curr|devise|moneda/i,
  sourceRef: /line|ref|voucher|document|id$/i,
  kind: /type|kind|category|nature/i,
};

/** The first step of an import: the file's columns and first rows, and a guessed mapping to start from. */
export async function previewFile(file: { name: string; bytes: Uint8Array }, actor: Actor, limits?: SpreadsheetLimits): Promise<ImportPreview> {
  requireRight(actor, 'finance.import');
  try {
    const table = await readTable(file.bytes, file.name, limits);
    const guess: Partial<FinancialMapping> = {};
    for (const f of MAPPING_FIELDS) {
      const h = table.headers.find((x) => x && GUESSES[f].test(x) && !Object.values(guess).includes(x));
      if (h) guess[f] = h;
    }
    return { sheet: table.sheet, columns: table.headers.filter(Boolean), rows: table.rows.length, sample: table.rows.slice(0, 5).map((r) => r.cells), guess };
  } catch (err) {
    if (err instanceof UnreadableFile)
      throw new AppError('INVALID_INPUT', err.message, { field: 'file', ...(err.row === null ? {} : { row: err.row }), ...(err.column === null ? {} : { column: err.column }) });
    throw err;
  }
}
