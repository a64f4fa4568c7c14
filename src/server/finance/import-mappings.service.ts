import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { requireRight } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError, notFound } from '../errors.ts';
import { writeAudit } from '../modules/audit/audit.service.ts';
import { readTable, type SpreadsheetLimits, UnreadableFile } from '../spreadsheets/read-table.ts';
import type { FinancialMapping } from './financial-lines.parse.ts';

export const MAPPING_FIELDS = ['projectCode', 'period', 'amount', 'currency', 'sourceRef', 'kind'] as const;

/** Saved column mappings, one per ERP export layout, reused by name: to the roles that import (`finance.import`). */
export async function listMappings(db: Kysely<DB>, actor: Actor) {
  requireRight(actor, 'finance.import');
  const rows = await db.selectFrom('import_mappings').select(['id', 'name', 'mapping', 'created_at']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, mapping: r.mapping as FinancialMapping, createdAt: r.created_at }));
}

export async function saveMapping(db: Kysely<DB>, name: string, mapping: FinancialMapping, actor: Actor) {
  requireRight(actor, 'finance.import');
  return inTransaction(db, async (trx) => {
    const dup = await trx.selectFrom('import_mappings').select('id').where('name', '=', name).executeTakeFirst();
    if (dup) throw new AppError('CONFLICT', `A mapping named "${name}" exists already; choose another name or delete it first`, { id: dup.id });
    const row = await trx
      .insertInto('import_mappings')
      .values({ name, mapping: JSON.stringify(mapping) })
      .returning(['id', 'name', 'created_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'import_mapping', entityId: row.id, after: { name, mapping } });
    return { id: row.id, name: row.name, mapping, createdAt: row.created_at };
  });
}

export async function deleteMapping(db: Kysely<DB>, id: string, actor: Actor) {
  requireRight(actor, 'finance.import');
  await inTransaction(db, async (trx) => {
    const row = await trx.deleteFrom('import_mappings').where('id', '=', id).returning(['name', 'mapping']).executeTakeFirst();
    if (!row) throw notFound('Mapping', id);
    await writeAudit(trx, actor, { action: 'delete', entityType: 'import_mapping', entityId: id, before: row });
  });
}

export async function mappingByName(db: Kysely<DB>, name: string, actor: Actor): Promise<FinancialMapping> {
  requireRight(actor, 'finance.import');
  const row = await db.selectFrom('import_mappings').select('mapping').where('name', '=', name).executeTakeFirst();
  if (!row) throw new AppError('INVALID_INPUT', `mappingName: there is no saved mapping named "${name}"`, { field: 'mappingName' });
  return row.mapping as FinancialMapping;
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
export async function previewFile(file: { name: string; bytes: Uint8Array }, limits?: SpreadsheetLimits) {
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
