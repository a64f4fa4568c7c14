import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { DEFAULT_SPREADSHEET_LIMITS, firstInvalidUtf8, readTable } from './read-table.ts';

/** How the importer read cells when it loaded the whole workbook with ExcelJS (before it streamed). */
function excelText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return excelText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

describe('reading spreadsheets', () => {
  test('the streaming XLSX reader reads every kind of cell as ExcelJS does', async () => {
    for (const date1904 of [false, true]) {
      const book = new ExcelJS.Workbook();
      book.properties.date1904 = date1904;
      const sheet = book.addWorksheet('ERP export');
      book.addWorksheet('Second sheet').addRow(['ignored']);
      sheet.addRow(['Text', 'Number', 'Date', 'Formula', 'Rich', 'Bool', 'Empty', 'Error']);
      sheet.addRow([
        '  KEN/24/01 ',
        1250.5,
        new Date(Date.UTC(2024, 2, 15)),
        { formula: 'B2*2', result: 2501 },
        { richText: [{ text: 'a ' }, { font: { bold: true }, text: 'b' }] },
        true,
        null,
        { error: '#N/A' },
      ]);
      sheet.addRow(['x', 0.1 + 0.2, new Date(Date.UTC(1999, 11, 31)), { formula: 'A3&"y"', result: 'xy' }, 'café & <tag>', false, '', 'ok']);
      sheet.getCell('C4').value = new Date(Date.UTC(2024, 0, 1));
      sheet.getCell('C4').numFmt = 'dd/mm/yyyy';
      sheet.getCell('B4').value = 45292;
      sheet.getCell('B4').numFmt = '#,##0.00';
      sheet.addRow([]);
      sheet.getCell('A6').value = { text: 'link', hyperlink: 'https://example.org' };
      const bytes = new Uint8Array(await book.xlsx.writeBuffer());
      const loaded = new ExcelJS.Workbook();
      await loaded.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = loaded.worksheets[0] as ExcelJS.Worksheet;
      const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(excelText);
      const expected: { row: number; cells: Record<string, string> }[] = [];
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const cells = Object.fromEntries(headers.map((h, i) => [h, excelText(row.getCell(i + 1).value)]));
        if (Object.values(cells).some((v) => v !== '')) expected.push({ row: n, cells });
      });
      const table = await readTable(bytes, 'erp.xlsx');
      assert.deepEqual(table, { sheet: 'ERP export', headers, rows: expected }, `date1904: ${date1904}`);
      assert.equal(table.rows[0]?.cells.Date, '2024-03-15');
    }
  });

  test('CSV: semicolons, quotes, a BOM, empty lines; invalid UTF-8 found at its byte', async () => {
    const csv = '\uFEFFa;b\n1;"x;y"\n\n2;"line\nbreak"\n';
    assert.deepEqual(await readTable(new TextEncoder().encode(csv), 'f.csv'), {
      sheet: 'f.csv',
      headers: ['a', 'b'],
      rows: [
        { row: 2, cells: { a: '1', b: 'x;y' } },
        { row: 3, cells: { a: '2', b: 'line\nbreak' } },
      ],
    });
    assert.equal(firstInvalidUtf8(new TextEncoder().encode('ok € 𝄞 é')), -1);
    assert.equal(firstInvalidUtf8(new Uint8Array([0x61, 0xe9, 0x2c])), 1, 'Latin-1 é');
    assert.equal(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80])), 1, 'overlong');
    assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0, 'a surrogate');
    assert.equal(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82])), 1, 'cut short');
    assert.equal(DEFAULT_SPREADSHEET_LIMITS.maxRows, 300_000);
  });
});
