import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A table read from a CSV or XLSX file: the first row holds the column names. Pure (bytes in, rows out). */
export interface Table {
  sheet: string;
  headers: string[];
  rows: { row: number; cells: Record<string, string> }[];
}

export class UnreadableFile extends Error {}

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b; // a zip: XLSX

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue); // a formula: its computed value
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/** Reads the first sheet of an XLSX file, or a CSV file (comma or semicolon separated). */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  if (isXlsx(bytes)) {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (err) {
      throw new UnreadableFile(`${fileName} is not a readable XLSX workbook: ${(err as Error).message}`);
    }
    const sheet = book.worksheets[0];
    if (!sheet) throw new UnreadableFile(`${fileName} has no worksheet`);
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      headers[col - 1] = cellText(cell.value);
    });
    const rows: Table['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      if (n === 1) return;
      const cells: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h) cells[h] = cellText(row.getCell(i + 1).value);
      });
      if (Object.values(cells).some((v) => v !== '')) rows.push({ row: n, cells });
    });
    return { sheet: sheet.name, headers: headers.filter(Boolean), rows };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    throw new UnreadableFile(`${fileName} is not a readable CSV file: ${(err as Error).message}`);
  }
  const [head, ...body] = records;
  if (!head) throw new UnreadableFile(`${fileName} is empty`);
  return {
    sheet: fileName,
    headers: head,
    rows: body.map((r, i) => ({ row: i + 2, cells: Object.fromEntries(head.map((h, j) => [h, r[j] ?? ''])) })),
  };
}
