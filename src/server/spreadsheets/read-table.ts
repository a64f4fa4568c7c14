import { parse as csvParser } from 'csv-parse';
import { parse as parseCsv } from 'csv-parse/sync';
import type { SpreadsheetLimits, Table } from './table.ts';
import { UnreadableFile } from './unreadable.ts';
import { readXlsxTable, tooManyRows } from './xlsx-table.ts';

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = { maxRows: 300_000, maxUncompressedBytes: 500 * 2 ** 20, maxCompressionRatio: 100 };

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b; // a zip: XLSX

/** Lets other requests be served: heavy reading goes by chunks with this between them. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the first sheet of an XLSX file, or a CSV file (UTF-8, comma or semicolon separated), within the limits.
 * Both are read by chunks, handing the event loop back between them, so a large file does not stall other requests.
 */
export async function readTable(bytes: Uint8Array, fileName: string, limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS): Promise<Table> {
  if (isXlsx(bytes)) return readXlsxTable(bytes, fileName, limits);
  return readCsvTable(bytes, fileName, limits);
}

/** Bytes of CSV parsed between two hand-overs of the event loop: a few hundred rows, a few milliseconds. */
const CHUNK = 16 * 1024;

async function readCsvTable(bytes: Uint8Array, fileName: string, limits: SpreadsheetLimits): Promise<Table> {
  const firstLineEnd = bytes.indexOf(0x0a);
  const firstLine = new TextDecoder().decode(bytes.subarray(0, firstLineEnd < 0 ? bytes.length : firstLineEnd));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = csvParser({ delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  let failure: Error | null = null;
  parser.on('error', (err) => {
    failure ??= err;
  });
  let head: string[] | null = null;
  const rows: Table['rows'] = [];
  const take = () => {
    for (let r: string[] | null = parser.read(); r !== null; r = parser.read()) {
      if (!head) {
        head = r;
        continue;
      }
      if (rows.length === limits.maxRows) throw tooManyRows(fileName, limits.maxRows, rows.length + 2);
      const cells: Record<string, string> = {};
      for (let j = 0; j < head.length; j++) cells[head[j] as string] = r[j] ?? '';
      rows.push({ row: rows.length + 2, cells });
    }
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let at = 0; at < bytes.length; at += CHUNK) {
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true });
    } catch {
      throw notUtf8(bytes, fileName, delimiter);
    }
    parser.write(text);
    take();
    if (failure) throw notCsv(fileName, failure);
    await yieldToOthers();
  }
  try {
    parser.write(decoder.decode());
  } catch {
    throw notUtf8(bytes, fileName, delimiter);
  }
  parser.end();
  await new Promise<void>((resolve, reject) => {
    const drain = () => {
      try {
        take();
      } catch (err) {
        reject(err);
      }
    };
    parser.once('end', resolve);
    parser.once('error', () => resolve());
    parser.on('readable', drain);
    drain();
  });
  if (failure) throw notCsv(fileName, failure);
  const headers = head as string[] | null;
  if (!headers) throw new UnreadableFile(`${fileName} is empty`);
  return { sheet: fileName, headers, rows };
}

const notCsv = (fileName: string, err: Error) =>
  err instanceof UnreadableFile ? err : new UnreadableFile(`${fileName} is not a readable CSV file: ${err.message}`, { row: (err as { lines?: number }).lines ?? null });

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n >= b.length) return i; // not a lead byte, or a sequence cut short by the end
    const c1 = b[i + 1] as number;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Where a CSV stops being UTF-8: its line, and the column when the header line is readable (delimiters counted
 * outside quotes). The line is given as the row too: they are the same unless a quoted cell spans lines.
 */
function notUtf8(bytes: Uint8Array, fileName: string, delimiter: string): UnreadableFile {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return new UnreadableFile(`${fileName}: the file is UTF-16 text; save it again as "CSV UTF-8" and import it`, { row: 1 });
  const at = Math.max(0, firstInvalidUtf8(bytes));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column: string | null = null;
  if (line > 1) {
    const firstLineEnd = bytes.indexOf(0x0a);
    try {
      const [header] = parseCsv(new TextDecoder().decode(bytes.subarray(0, firstLineEnd)), { delimiter, trim: true, bom: true, relax_column_count: true }) as string[][];
      const before = new TextDecoder().decode(bytes.subarray(lineStart, at));
      let index = 0;
      let quoted = false;
      for (const ch of before) {
        if (ch === '"') quoted = !quoted;
        else if (ch === delimiter && !quoted) index++;
      }
      column = header?.[index] ?? null;
    } catch {
      column = null;
    }
  }
  const byte = `0x${(bytes[at] as number).toString(16).toUpperCase().padStart(2, '0')}`;
  return new UnreadableFile(
    `${fileName}: Line ${line} is not UTF-8 text (byte ${byte}${column ? ` in column ${column}` : ''}): the file seems saved as Latin-1 or Windows-1252; save it again as "CSV UTF-8" and import it`,
    { row: line, column },
  );
}
