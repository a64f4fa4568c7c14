import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { isoDate } from '../../shared/dates.ts';
import type { SpreadsheetLimits, Table } from './table.ts';
import { UnreadableFile } from './unreadable.ts';
import { inflatePart, readCentralDirectory, type ZipPart } from './zip-archive.ts';

/**
 * The first sheet of an XLSX workbook, read as a stream: the archive's declared sizes are checked before anything
 * is inflated (zip-archive.ts), each part is inflated and parsed chunk by chunk (saxes), rows are kept as they come
 * and counted against the row limit. Cells read as ExcelJS reads them: a formula by its computed value, a date
 * (a number in a date format) as YYYY-MM-DD, shared and inline strings, rich text joined.
 */
export async function readXlsxTable(bytes: Uint8Array, fileName: string, limits: SpreadsheetLimits): Promise<Table> {
  const parts = readCentralDirectory(bytes, fileName, limits);
  const unreadable = (why: string) => new UnreadableFile(`${fileName} is not a readable XLSX workbook: ${why}`);
  const part = (name: string | undefined) => (name ? parts.get(name) : undefined);

  const workbookName = parts.has('xl/workbook.xml') ? 'xl/workbook.xml' : [...parts.keys()].find((n) => /(^|\/)workbook\.xml$/.test(n));
  const workbook = part(workbookName);
  if (!workbook || !workbookName) throw unreadable('it has no workbook part (xl/workbook.xml)');
  let sheet: { name: string; rid: string } | null = null;
  let date1904 = false;
  await parseXml(bytes, workbook, fileName, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(tag, 'date1904') ?? '');
      if (name === 'sheet' && !sheet) sheet = { name: attr(tag, 'name') ?? 'Sheet1', rid: attr(tag, 'r:id') ?? attr(tag, 'id') ?? '' };
    },
  });
  const first = sheet as { name: string; rid: string } | null;
  if (!first) throw new UnreadableFile(`${fileName} has no worksheet`);

  const base = workbookName.slice(0, workbookName.lastIndexOf('/') + 1);
  const targets = new Map<string, string>();
  let sharedStringsName: string | undefined;
  let stylesName: string | undefined;
  const rels = part(`${base}_rels/${workbookName.slice(base.length)}.rels`);
  if (rels) {
    await parseXml(bytes, rels, fileName, {
      open(tag) {
        if (local(tag.name) !== 'Relationship') return;
        const target = resolve(base, attr(tag, 'Target') ?? '');
        const type = attr(tag, 'Type') ?? '';
        targets.set(attr(tag, 'Id') ?? '', target);
        if (type.endsWith('/sharedStrings')) sharedStringsName = target;
        if (type.endsWith('/styles')) stylesName = target;
      },
    });
  }
  const sheetPart = part(targets.get(first.rid)) ?? part(`${base}worksheets/sheet1.xml`);
  if (!sheetPart) throw unreadable(`the part of sheet "${first.name}" is missing`);

  // Styles: which cell formats show a number as a date.
  const dateStyles = new Set<number>();
  const styles = part(stylesName ?? `${base}styles.xml`);
  if (styles) {
    const customDate = new Set<number>();
    let inCellXfs = false;
    let xf = 0;
    await parseXml(bytes, styles, fileName, {
      open(tag) {
        const name = local(tag.name);
        if (name === 'numFmt' && isDateFormat(attr(tag, 'formatCode') ?? '')) customDate.add(Number(attr(tag, 'numFmtId')));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attr(tag, 'numFmtId') ?? 0);
          if (BUILT_IN_DATES.has(id) || customDate.has(id)) dateStyles.add(xf);
          xf++;
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
  }

  // Shared strings: the text of each <si>, its runs joined, phonetic runs (<rPh>) left out.
  const shared: string[] = [];
  const sst = part(sharedStringsName ?? `${base}sharedStrings.xml`);
  if (sst) {
    let text = '';
    let inT = false;
    let phonetic = 0;
    await parseXml(bytes, sst, fileName, {
      open(tag) {
        const name = local(tag.name);
        if (name === 'si') text = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && !phonetic) inT = true;
      },
      text(t) {
        if (inT) text += t;
      },
      close(name) {
        if (name === 't') inT = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') shared.push(text);
      },
    });
  }

  // The sheet, row by row.
  const headers: string[] = [];
  const rows: Table['rows'] = [];
  let rowNumber = 0;
  let col = 0;
  let cell: { col: number; type: string; style: number } | null = null;
  let value = '';
  let inline = '';
  let into: 'v' | 't' | null = null;
  let phonetic = 0;
  let current: string[] = [];
  const endRow = () => {
    if (rowNumber === 1) {
      current.forEach((h, i) => {
        headers[i] = h;
      });
      return;
    }
    const cells: Record<string, string> = {};
    let any = false;
    headers.forEach((h, i) => {
      if (!h) return;
      const v = current[i] ?? '';
      cells[h] = v;
      if (v !== '') any = true;
    });
    if (!any) return;
    if (rows.length === limits.maxRows) throw tooManyRows(fileName, limits.maxRows, rowNumber);
    rows.push({ row: rowNumber, cells });
  };
  await parseXml(bytes, sheetPart, fileName, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'row') {
        const r = Number(attr(tag, 'r'));
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        col = 0;
        current = [];
      } else if (name === 'c') {
        const ref = attr(tag, 'r');
        col = ref ? columnIndex(ref) : col + 1;
        cell = { col, type: attr(tag, 't') ?? 'n', style: Number(attr(tag, 's') ?? 0) };
        value = '';
        inline = '';
      } else if (cell && name === 'v') into = 'v';
      else if (cell && name === 'rPh') phonetic++;
      else if (cell && name === 't' && !phonetic) into = 't';
    },
    text(t) {
      if (into === 'v') value += t;
      else if (into === 't') inline += t;
    },
    close(name) {
      if (name === 'v' || name === 't') into = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        current[cell.col - 1] = cellText(cell.type, cell.style, value, inline, shared, dateStyles, date1904);
        cell = null;
      } else if (name === 'row') endRow();
    },
  });
  return { sheet: first.name, headers: headers.filter(Boolean), rows };
}

export const tooManyRows = (fileName: string, max: number, row: number) =>
  new UnreadableFile(
    `${fileName} has more than ${max.toLocaleString('en')} data rows, the limit of one import (setting DEVCOOP_IMPORT_MAX_ROWS): split the export into smaller files`,
    { row },
  );

/** Built-in number formats that show a date (ECMA-376 18.8.30, and the East Asian ones). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** As ExcelJS decides: a format is a date when, outside quotes and brackets, it has y, m, d, h, s or b. */
const isDateFormat = (code: string) =>
  /[ymdhMsb]/.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );

function cellText(type: string, style: number, value: string, inline: string, shared: string[], dateStyles: Set<number>, date1904: boolean): string {
  switch (type) {
    case 's':
      return (shared[Number(value)] ?? '').trim();
    case 'inlineStr':
      return inline.trim();
    case 'str':
      return value.trim();
    case 'b':
      return value === '1' || value === 'true' ? 'true' : 'false';
    case 'e':
      return '';
    case 'd':
      return value.trim().slice(0, 10);
    default: {
      if (value.trim() === '') return '';
      const n = Number(value);
      if (!Number.isFinite(n)) return value.trim();
      if (dateStyles.has(style)) return isoDate(new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
      return String(n);
    }
  }
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const attr = (tag: SaxesTagPlain, name: string) => (tag.attributes as Record<string, string>)[name];

/** A1-style reference → column number (A = 1). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** A relationship's target, as a part name: absolute ("/xl/…") or relative to the workbook's folder. */
function resolve(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

interface XmlHandlers {
  open?(tag: SaxesTagPlain): void;
  text?(text: string): void;
  close?(localName: string): void;
}

/** Parses one part as it is inflated; a DOCTYPE is refused (no entity is ever expanded). */
async function parseXml(bytes: Uint8Array, part: ZipPart, fileName: string, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= new UnreadableFile(`${fileName} is not a readable XLSX workbook: the part ${part.name} is not well-formed XML (${e.message})`);
  });
  parser.on('doctype', () => {
    failure ??= new UnreadableFile(`${fileName} is not a readable XLSX workbook: the part ${part.name} declares a DOCTYPE, which a workbook never does`);
  });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const close = handlers.close;
  if (close) parser.on('closetag', (tag) => close(local(tag.name)));
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of inflatePart(bytes, part, fileName)) {
    try {
      parser.write(decoder.decode(chunk, { stream: true }));
    } catch (err) {
      failure ??= err as Error; // a row over the limit, thrown by a handler
    }
    if (failure) throw failure;
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
}
