import { amountProblem } from '../../shared/money.ts';
import type { Table } from '../spreadsheets/read-table.ts';

/** Which column of the file holds each field (column names as they appear in the first row). */
export interface FinancialMapping {
  projectCode: string;
  period: string;
  amount: string;
  currency: string;
  sourceRef: string;
  /** A column saying 'expenditure' or 'commitment', or one of those words for the whole file. */
  kind: string;
}

export interface ImportIssue {
  severity: 'critical' | 'error' | 'warning';
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export interface ParsedLine {
  row: number;
  projectCode: string;
  kind: (typeof KINDS)[number];
  period: string;
  amount: string;
  currency: string;
  sourceRef: string;
}

const KINDS = ['expenditure', 'commitment', 'disbursement'] as const;

/** Reads a period as the first of its month: 2024-03, 2024-03-15, 03/2024, 15/03/2024. */
export function toMonth(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]));
  m = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return valid(Number(m[3]), Number(m[2]));
  return null;
}
const valid = (y: number, mo: number) => (y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 ? `${y}-${String(mo).padStart(2, '0')}-01` : null);

/**
 * Turns the rows of an ERP export into financial lines, with every problem located by sheet, row and
 * column. Pure: the database checks (known project, currency, dates) come after.
 */
export function parseFinancialLines(table: Table, mapping: FinancialMapping): { lines: ParsedLine[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const fixedKind = (KINDS as readonly string[]).includes(mapping.kind) ? (mapping.kind as ParsedLine['kind']) : null;
  const needed = (['projectCode', 'period', 'amount', 'currency', 'sourceRef'] as const).map((k) => mapping[k]).concat(fixedKind ? [] : [mapping.kind]);
  for (const column of needed) {
    if (!table.headers.includes(column))
      issues.push({ severity: 'critical', sheet: table.sheet, row: 1, column, message: `The column "${column}" is not in the file (columns: ${table.headers.join(', ')})` });
  }
  if (issues.length) return { lines: [], issues };
  const lines: ParsedLine[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const problems: [string, string][] = [];
    const projectCode = cells[mapping.projectCode] ?? '';
    const period = toMonth(cells[mapping.period] ?? '');
    const amount = (cells[mapping.amount] ?? '').replace(/[\s,](?=\d{3}\b)/g, '');
    const currency = (cells[mapping.currency] ?? '').toUpperCase();
    const sourceRef = cells[mapping.sourceRef] ?? '';
    const kindText = fixedKind ?? (cells[mapping.kind] ?? '').toLowerCase();
    if (!projectCode) problems.push([mapping.projectCode, 'The project code is empty']);
    if (!period) problems.push([mapping.period, `"${cells[mapping.period] ?? ''}" is not a month (use 2024-03 or 03/2024)`]);
    if (!/^[A-Z]{3}$/.test(currency)) problems.push([mapping.currency, `"${currency}" is not an ISO 4217 currency code`]);
    else {
      const problem = amountProblem(amount, currency, { allowNegative: true });
      if (problem) problems.push([mapping.amount, `"${cells[mapping.amount] ?? ''}": ${problem}`]);
    }
    if (!sourceRef) problems.push([mapping.sourceRef, 'The line reference is empty: it is what makes a re-import update instead of duplicate']);
    if (!(KINDS as readonly string[]).includes(kindText)) problems.push([mapping.kind, `"${kindText}" is not expenditure, commitment or disbursement`]);
    const key = `${kindText}/${sourceRef}`;
    if (sourceRef && seen.has(key)) problems.push([mapping.sourceRef, `The line reference ${sourceRef} appears again (first on row ${seen.get(key)})`]);
    seen.set(key, row);
    for (const [column, message] of problems) issues.push({ severity: 'error', sheet: table.sheet, row, column, message });
    if (!problems.length) lines.push({ row, projectCode, kind: kindText as ParsedLine['kind'], period: period as string, amount, currency, sourceRef });
  }
  if (table.rows.length === 0) issues.push({ severity: 'critical', sheet: table.sheet, row: null, column: null, message: 'The file has no data rows' });
  return { lines, issues };
}
