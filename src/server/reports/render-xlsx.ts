import ExcelJS from 'exceljs';
import { neutralise } from '../spreadsheets/export-table.ts';
import { type ReportDoc, tablesOf } from './report-model.ts';

/** The tables of a report, one sheet each (group rows kept as merged rows), text neutralised. */
export async function renderXlsx(doc: ReportDoc): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'devcoop';
  const used = new Set<string>();
  for (const t of tablesOf(doc)) {
    let name = t.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${t.name.slice(0, 28)} ${n}`;
    used.add(name);
    const sheet = book.addWorksheet(name);
    sheet.columns = t.columns.map((c) => ({ header: c, width: Math.min(60, Math.max(14, c.length + 4)) }));
    sheet.getRow(1).font = { bold: true };
    for (const r of t.rows) {
      if ('group' in r) {
        const row = sheet.addRow([neutralise(r.group)]);
        row.font = { bold: true };
        if (t.columns.length > 1) sheet.mergeCells(row.number, 1, row.number, t.columns.length);
      } else sheet.addRow(r.cells.map(neutralise));
    }
    sheet.eachRow((row) => {
      row.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
