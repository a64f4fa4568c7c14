import ExcelJS from 'exceljs';

export interface Column {
  key: string;
  label: string;
  /** Write the value as a number in XLSX (it stays an exact decimal string in CSV). */
  numeric?: boolean;
}

/**
 * A cell another program could run as a formula (starting with = + - @, or a tab/carriage return) is
 * written with a leading apostrophe, so a downloaded file never executes anything (CSV injection).
 */
export function neutralise(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

const quote = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read accents right). Pure. */
export function toCsv(columns: Column[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map((c) => quote(c.label)), ...rows.map((r) => columns.map((c) => quote(neutralise(r[c.key]))))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** A downloadable file: its name, type and bytes (or text). */
export interface DownloadFile {
  name: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

/** A table as a CSV or XLSX file named `base`.csv or `base`.xlsx. */
export async function tableFile(table: { title: string; columns: Column[]; rows: Record<string, unknown>[] }, format: 'csv' | 'xlsx', base: string): Promise<DownloadFile> {
  if (format === 'csv') return { name: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(table.columns, table.rows) };
  return { name: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx(table.title, table.columns, table.rows) };
}

/** XLSX with a header row; numeric columns as numbers, everything else as neutralised text. */
export async function toXlsx(sheetName: string, columns: Column[], rows: Record<string, unknown>[]): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(12, c.label.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.numeric && r[c.key] !== null && r[c.key] !== '' ? Number(r[c.key]) : neutralise(r[c.key])])));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
