import { amountProblem } from '../../shared/money.ts';
import { yieldToOthers } from '../spreadsheets/read-table.ts';
import type { Table } from '../spreadsheets/table.ts';

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

/** A problem of an ERP file, located by sheet, row and column (the importer's report). */
export interface FinancialLineIssue {
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

/**
 * What the table financial_lines stores (migrations 0006, 0011), checked here so that a dry run refuses all the
 * import would: numeric(20, 4) is held by amountProblem (16 digits before the point, a currency's decimals, 4 at most).
 */
export const FINANCIAL_LINE_LIMITS = { sourceRefMaxChars: 100, amountDigits: 20, amountDecimals: 4 } as const;

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

const NUL_MESSAGE = 'The cell holds a NUL character (U+0000), which cannot be stored: is the file a text export saved as UTF-8?';

/**
 * Turns the rows of an ERP export into financial lines, with every problem located by sheet, row and
 * column. Pure: the database checks (known project, currency, dates) come after. Every rule of the table the
 * lines go to is checked here (FINANCIAL_LINE_LIMITS, a test holds them to the schema), so a dry run refuses
 * whatever the import would. Hands the event loop back every 1,000 rows, and says then how many are read (`onRows`).
 */
export async function parseFinancialLines(
  table: Table,
  mapping: FinancialMapping,
  onRows?: (done: number) => void,
): Promise<{ lines: ParsedLine[]; issues: FinancialLineIssue[] }> {
  const issues: FinancialLineIssue[] = [];
  const fixedKind = (KINDS as readonly string[]).includes(mapping.kind) ? (mapping.kind as ParsedLine['kind']) : null;
  const needed = (['projectCode', 'period', 'amount', 'currency', 'sourceRef'] as const).map((k) => mapping[k]).concat(fixedKind ? [] : [mapping.kind]);
  for (const column of needed) {
    if (!table.headers.includes(column))
      issues.push({ severity: 'critical', sheet: table.sheet, row: 1, column, message: `The column "${column}" is not in the file (columns: ${table.headers.join(', ')})` });
  }
  if (issues.length) return { lines: [], issues };
  const lines: ParsedLine[] = [];
  const seen = new Map<string, number>();
  const columns = [mapping.projectCode, mapping.period, mapping.amount, mapping.currency, mapping.sourceRef, ...(fixedKind ? [] : [mapping.kind])];
  let n = 0;
  for (const { row, cells } of table.rows) {
    if (++n % 1000 === 0) {
      onRows?.(n);
      await yieldToOthers(); // a large file: other requests are served meanwhile
    }
    const problems: [string, string][] = [];
    // A NUL cannot be stored (nor sent to the database in a query): said once for its cell, which is not checked further.
    const nul = new Set(columns.filter((c) => cells[c]?.includes('\u0000')));
    for (const column of nul) problems.push([column, NUL_MESSAGE]);
    const ok = (column: string) => !nul.has(column);
    const projectCode = cells[mapping.projectCode] ?? '';
    const period = toMonth(cells[mapping.period] ?? '');
    const amount = (cells[mapping.amount] ?? '').replace(/[\s,](?=\d{3}\b)/g, '');
    const currency = (cells[mapping.currency] ?? '').toUpperCase();
    const sourceRef = cells[mapping.sourceRef] ?? '';
    const kindText = fixedKind ?? (cells[mapping.kind] ?? '').toLowerCase();
    if (!projectCode) problems.push([mapping.projectCode, 'The project code is empty']);
    if (!period && ok(mapping.period)) problems.push([mapping.period, `"${cells[mapping.period] ?? ''}" is not a month (use 2024-03 or 03/2024)`]);
    if (!ok(mapping.currency)) {
      // said above
    } else if (!/^[A-Z]{3}$/.test(currency)) problems.push([mapping.currency, `"${currency}" is not an ISO 4217 currency code`]);
    else if (ok(mapping.amount)) {
      const problem = amountProblem(amount, currency, { allowNegative: true });
      if (problem) problems.push([mapping.amount, `"${cells[mapping.amount] ?? ''}": ${problem}`]);
    }
    // characters, as char_length counts them, not UTF-16 units (never more than these)
    const refLength = sourceRef.length > FINANCIAL_LINE_LIMITS.sourceRefMaxChars ? [...sourceRef].length : sourceRef.length;
    if (!sourceRef) problems.push([mapping.sourceRef, 'The line reference is empty: it is what makes a re-import update instead of duplicate']);
    else if (refLength > FINANCIAL_LINE_LIMITS.sourceRefMaxChars)
      problems.push([mapping.sourceRef, `The line reference has ${refLength} characters; at most ${FINANCIAL_LINE_LIMITS.sourceRefMaxChars} are stored`]);
    if (!(KINDS as readonly string[]).includes(kindText) && ok(mapping.kind)) problems.push([mapping.kind, `"${kindText}" is not expenditure, commitment or disbursement`]);
    const key = `${kindText}/${sourceRef}`;
    if (sourceRef && ok(mapping.sourceRef) && seen.has(key)) problems.push([mapping.sourceRef, `The line reference ${sourceRef} appears again (first on row ${seen.get(key)})`]);
    seen.set(key, row);
    for (const [column, message] of problems) issues.push({ severity: 'error', sheet: table.sheet, row, column, message });
    if (!problems.length) lines.push({ row, projectCode, kind: kindText as ParsedLine['kind'], period: period as string, amount, currency, sourceRef });
  }
  if (table.rows.length === 0) issues.push({ severity: 'critical', sheet: table.sheet, row: null, column: null, message: 'The file has no data rows' });
  return { lines, issues };
}
