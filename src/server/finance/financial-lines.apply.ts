import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { sameDecimal } from '../../shared/money.ts';
import { DELIVERY_STATUSES, isStatusIn } from '../../shared/project-statuses.ts';
import type { Actor } from '../access/actor.ts';
import { requireRight, scopeFor } from '../access/rights.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';
import { readTable, yieldToOthers } from '../spreadsheets/read-table.ts';
import type { SpreadsheetLimits } from '../spreadsheets/table.ts';
import { UnreadableFile } from '../spreadsheets/unreadable.ts';
import { type FinancialLineIssue, type FinancialMapping, type ParsedLine, parseFinancialLines } from './financial-lines.parse.ts';
import { refreshProjectFinance } from './project-finance.refresh.ts';

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  alreadyImported: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  issues: FinancialLineIssue[];
}

const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * The database's checks: known projects within the actor's offices, known currencies, no money before a project
 * starts. Money of a project that delivery views leave out (in the pipeline or in appraisal) is stored with a
 * warning: the ERP has spent it, so refusing would only hide it, and once the project is approved it counts.
 */
async function checkAgainstDatabase(db: Kysely<DB>, sheet: string, lines: ParsedLine[], mapping: FinancialMapping, actor: Actor, onLines?: (done: number) => void) {
  const issues: FinancialLineIssue[] = [];
  const codes = [...new Set(lines.map((l) => l.projectCode))];
  const projects = new Map<string, { id: string; start: string; status: string }>();
  for (const part of chunks(codes, 1000)) {
    const rows = await scopedProjects(db, scopeFor(actor, 'finance.import'))
      .select(['projects.id', 'projects.code', 'projects.status', 'projects.planned_start', 'projects.actual_start'])
      .where('projects.code', 'in', part)
      .execute();
    for (const r of rows) projects.set(r.code, { id: r.id, start: (r.actual_start ?? r.planned_start).slice(0, 7), status: r.status });
  }
  const currencies = new Set((await db.selectFrom('currencies').select('code').execute()).map((c) => c.code));
  const resolved: (ParsedLine & { projectId: string })[] = [];
  const undelivered = new Map<string, number[]>();
  let n = 0;
  for (const l of lines) {
    if (++n % 5000 === 0) {
      onLines?.(n);
      await yieldToOthers();
    }
    const project = projects.get(l.projectCode);
    if (!project) issues.push({ severity: 'error', sheet, row: l.row, column: mapping.projectCode, message: `Unknown project code ${l.projectCode} (or outside your offices)` });
    else if (!currencies.has(l.currency))
      issues.push({ severity: 'error', sheet, row: l.row, column: mapping.currency, message: `${l.currency} is not a currency of the IATI Currency codelist` });
    else if (l.kind !== 'commitment' && l.period.slice(0, 7) < project.start) {
      issues.push({
        severity: 'error',
        sheet,
        row: l.row,
        column: mapping.period,
        message: `${l.kind === 'disbursement' ? 'A disbursement' : 'Expenditure'} in ${l.period.slice(0, 7)} is before project ${l.projectCode} starts (${project.start})`,
      });
    } else {
      resolved.push({ ...l, projectId: project.id });
      if (!isStatusIn(DELIVERY_STATUSES, project.status)) {
        const rows = undelivered.get(l.projectCode) ?? [];
        undelivered.set(l.projectCode, rows);
        rows.push(l.row);
      }
    }
  }
  for (const [code, rows] of undelivered) {
    const status = projects.get(code)?.status === 'pipeline' ? 'the pipeline' : projects.get(code)?.status;
    const listed = `${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ` and ${rows.length - 10} more` : ''}`;
    issues.push({
      severity: 'warning',
      sheet,
      row: rows[0] ?? null,
      column: mapping.projectCode,
      message: `Project ${code} is in ${status} (${rows.length} line${rows.length === 1 ? '' : 's'}: row${rows.length === 1 ? '' : 's'} ${listed}): its money is stored, but delivery views count ${DELIVERY_STATUSES.slice(0, -1).join(', ')} and ${DELIVERY_STATUSES.at(-1)} projects only, so it shows in none until the project is approved`,
    });
  }
  return { issues, resolved };
}

/** How the importer's work is shared out when it reports how far it is: reading the file, its rows parsed, checked, stored. */
const SHARE = { read: 0.1, parsed: 0.5, checked: 0.7 } as const;

export interface ImportOptions {
  dryRun: boolean;
  limits?: SpreadsheetLimits;
  /**
   * How far the import is, as a share of its work (0 to 1): after the file is read, then as its rows are parsed,
   * checked against the database and stored (each counted as it goes, cheaply: where the importer hands the
   * event loop back anyway).
   */
  progress?: (share: number) => void;
  /** Called last inside the transaction of an import that stores lines, with its report (a job completes in it). */
  beforeCommit?: (trx: Transaction<DB>, report: ImportReport) => Promise<void>;
}

/**
 * Imports expenditure and commitments from an ERP export (CSV or XLSX) with a column mapping: validated
 * whole, then applied in one transaction or not at all; a dry run only reports. Lines are keyed by their
 * ERP reference, so importing the same file again changes nothing.
 */
export async function importFinancialLines(
  db: Kysely<DB>,
  file: { name: string; bytes: Uint8Array },
  mapping: FinancialMapping,
  options: ImportOptions,
  actor: Actor,
): Promise<ImportReport> {
  requireRight(actor, 'finance.import');
  const report: ImportReport = { ok: false, dryRun: options.dryRun, alreadyImported: false, rows: 0, inserted: 0, updated: 0, unchanged: 0, issues: [] };
  const share = (from: number, to: number, done: number, of: number) => options.progress?.(from + ((to - from) * done) / Math.max(1, of));
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(file.bytes, file.name, options.limits);
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    report.issues.push({ severity: 'critical', sheet: file.name, row: err.row, column: err.column, message: err.message });
    return report;
  }
  report.rows = table.rows.length;
  options.progress?.(SHARE.read);
  const parsed = await parseFinancialLines(table, mapping, (n) => share(SHARE.read, SHARE.parsed, n, table.rows.length));
  options.progress?.(SHARE.parsed);
  const checked = await checkAgainstDatabase(db, table.sheet, parsed.lines, mapping, actor, (n) => share(SHARE.parsed, SHARE.checked, n, parsed.lines.length));
  options.progress?.(SHARE.checked);
  report.issues = [...parsed.issues, ...checked.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (report.issues.some((i) => i.severity !== 'warning')) return report;

  const sha = createHash('sha256').update(file.bytes).digest('hex');
  // A dry run only reads: outside a transaction, so that on PGlite (one connection, held by a transaction to its
  // end) other requests are served between its statements.
  const run = <T>(fn: (q: Kysely<DB>) => Promise<T>) => (options.dryRun ? fn(db) : inTransaction(db, fn));
  return run(async (trx) => {
    // Imports that write take turns: two at once would both find a line new and the second would stop at the
    // unique key (a 409 on PostgreSQL). Waiting, the second finds what the first stored: "already imported",
    // the same answer as one after the other. Held to the end of the transaction; PGlite serialises anyway.
    if (!options.dryRun) await sql`select pg_advisory_xact_lock(hashtext('devcoop.financial_lines'))`.execute(trx);
    const existing = new Map<string, { amount: string; period: string; currency: string; project_id: string }>();
    for (const part of chunks(checked.resolved, 1000)) {
      const rows = await trx
        .selectFrom('financial_lines')
        .select(['kind', 'source_ref', 'amount', 'period', 'currency', 'project_id'])
        .where(
          'source_ref',
          'in',
          part.map((l) => l.sourceRef),
        )
        .execute();
      for (const r of rows) existing.set(`${r.kind}/${r.source_ref}`, r);
      // PGlite answers within the same turn of the event loop (its statements run on this thread): without this,
      // hundreds of statements in a row would keep every other request waiting.
      await yieldToOthers();
    }
    const fresh: typeof checked.resolved = [];
    const changed: typeof checked.resolved = [];
    let n = 0;
    for (const l of checked.resolved) {
      if (++n % 5000 === 0) await yieldToOthers();
      const e = existing.get(`${l.kind}/${l.sourceRef}`);
      if (!e) fresh.push(l);
      else if (!sameDecimal(e.amount, l.amount) || e.period !== l.period || e.currency !== l.currency || e.project_id !== l.projectId) changed.push(l);
    }
    Object.assign(report, { inserted: fresh.length, updated: changed.length, unchanged: checked.resolved.length - fresh.length - changed.length, ok: true });
    const previous = await trx.selectFrom('imports').select('id').where('file_sha256', '=', sha).executeTakeFirst();
    report.alreadyImported = Boolean(previous);
    if (options.dryRun || (fresh.length === 0 && changed.length === 0)) return report;
    const imp = await trx
      .insertInto('imports')
      .values({
        kind: 'financial',
        file_name: file.name,
        file_sha256: sha,
        actor_label: actor.label,
        rows: report.rows,
        inserted: fresh.length,
        updated: changed.length,
        unchanged: report.unchanged,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let stored = 0;
    for (const part of chunks(fresh, 1000)) {
      await trx
        .insertInto('financial_lines')
        .values(part.map((l) => ({ project_id: l.projectId, kind: l.kind, period: l.period, amount: l.amount, currency: l.currency, source_ref: l.sourceRef, import_id: imp.id })))
        .execute();
      stored += part.length;
      share(SHARE.checked, 1, stored, fresh.length + changed.length);
      await yieldToOthers();
    }
    for (const l of changed) {
      if (++stored % 1000 === 0) share(SHARE.checked, 1, stored, fresh.length + changed.length);
      await trx
        .updateTable('financial_lines')
        .set({ project_id: l.projectId, period: l.period, amount: l.amount, currency: l.currency, import_id: imp.id })
        .where('kind', '=', l.kind)
        .where('source_ref', '=', l.sourceRef)
        .execute();
    }
    const touched = [...fresh, ...changed].map((l) => l.projectId);
    for (const l of changed) {
      const before = existing.get(`${l.kind}/${l.sourceRef}`);
      if (before) touched.push(before.project_id);
    }
    await refreshProjectFinance(trx, { projectIds: touched });
    await writeAudit(trx, actor, {
      action: 'import',
      entityType: 'financial_import',
      entityId: String(imp.id),
      after: { file: file.name, sha256: sha, rows: report.rows, inserted: fresh.length, updated: changed.length, unchanged: report.unchanged },
    });
    // Not a dry run: `trx` is the import's transaction (inTransaction above).
    await options.beforeCommit?.(trx as Transaction<DB>, report);
    return report;
  });
}
