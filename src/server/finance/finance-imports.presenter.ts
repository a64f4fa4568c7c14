import type { Selectable } from 'kysely';
import type { Allocation, FinanceMapping, ImportIssue, ImportMapping, ImportReport } from '../../shared/contracts/finance.ts';
import type { AllocationsTable } from '../db/tables/portfolio.ts';
import type { ImportReport as Report } from './financial-lines.apply.ts';

/** A project's allocation for a year. */
export const presentAllocation = (a: Selectable<AllocationsTable>): Allocation => ({
  projectId: a.project_id,
  year: a.year,
  amount: a.amount,
  currency: a.currency,
  source: a.source,
});

const presentMappingColumns = (m: FinanceMapping): FinanceMapping => ({
  projectCode: m.projectCode,
  period: m.period,
  amount: m.amount,
  currency: m.currency,
  sourceRef: m.sourceRef,
  kind: m.kind,
});

/** A saved column mapping (office null: the organisation's). */
export const presentImportMapping = (r: {
  id: string;
  name: string;
  mapping: unknown;
  created_at: string;
  office_id: string | null;
  office_name: string | null;
}): ImportMapping => ({
  id: r.id,
  name: r.name,
  mapping: presentMappingColumns(r.mapping as FinanceMapping),
  createdAt: r.created_at,
  officeId: r.office_id,
  officeName: r.office_name,
});

const presentIssue = (i: ImportIssue): ImportIssue => ({ severity: i.severity, sheet: i.sheet, row: i.row, column: i.column, message: i.message });

/** The import's report: taken (counts) or refused (nothing stored), told apart by `ok`. */
export const presentImportReport = (r: Report): ImportReport =>
  r.ok
    ? {
        ok: true,
        dryRun: r.dryRun,
        alreadyImported: r.alreadyImported,
        rows: r.rows,
        inserted: r.inserted,
        updated: r.updated,
        unchanged: r.unchanged,
        issues: r.issues.map(presentIssue),
      }
    : { ok: false, dryRun: r.dryRun, rows: r.rows, issues: r.issues.map(presentIssue) };
