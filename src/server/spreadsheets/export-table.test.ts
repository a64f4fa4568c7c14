import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { neutralise, toCsv, toXlsx } from './export-table.ts';

describe('table export', () => {
  test('formula-like cells are neutralised; negative numbers are not', () => {
    assert.deepEqual(['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)', '-12.50', 'plain'].map(neutralise), ['\'=HYPERLINK("x")', "'+1+1", "'-2+3", "'@SUM(A1)", '-12.50', 'plain']);
  });
  test('CSV quotes what needs quoting and starts with a BOM', () => {
    const csv = toCsv(
      [
        { key: 'a', label: 'Office' },
        { key: 'b', label: 'Amount' },
      ],
      [{ a: 'Country Office for Kenya, Rwanda', b: '=1+2' }],
    );
    assert.equal(csv, '\uFEFFOffice,Amount\r\n"Country Office for Kenya, Rwanda",\'=1+2\r\n');
  });
  test('XLSX: readable labels, numbers as numbers, formulas as text', async () => {
    const bytes = await toXlsx(
      'Delivery',
      [
        { key: 'a', label: 'Project' },
        { key: 'b', label: 'Allocation (USD)', numeric: true },
      ],
      [{ a: '=cmd|calc', b: '100000.00' }],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.equal(sheet?.getCell('A1').value, 'Project');
    assert.equal(sheet?.getCell('A2').value, "'=cmd|calc");
    assert.equal(sheet?.getCell('B2').value, 100000);
  });
});
