import type { Locale } from '../../shared/locales.ts';
import { ratioPercent } from '../../shared/money.ts';

/**
 * A report as a neutral document: a title block, then headings, paragraphs and tables. Every format
 * (HTML, DOCX, PDF, XLSX) is rendered from this one model, so they always say the same thing.
 */
export interface TitleBlock {
  /** "Governing Body", "Donor progress report", … */
  body: string;
  /** "338th Session, Geneva, 12–26 March 2020" */
  session?: string;
  /** "GB.338/INS/9" */
  symbol?: string;
  /** "Date: 2 March 2020" */
  date?: string;
  section?: string;
}

/** A table row: cells, or a group heading spanning the row ("Component 1: …"). */
export type Row = { cells: string[] } | { group: string };

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string; note?: boolean }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; name: string; caption?: string; columns: string[]; rows: Row[]; widths?: number[] };

export interface ReportDoc {
  /** file name stem: letters, digits, dashes */
  fileName: string;
  title: string;
  titleBlock: TitleBlock;
  /** "As at 2 March 2020" */
  asAt: string;
  blocks: Block[];
  language: Locale;
}

export const REPORT_FORMATS = ['html', 'docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export { longDate } from './report-words.ts';

/** The tables of a report, for the XLSX download. */
export const tablesOf = (doc: ReportDoc) => doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

/** An exact decimal amount as the papers write it: "US$3,600,000", "EUR 1,250.50" (no float on the way). */
export function moneyText(amount: string, currency: string): string {
  const [int, frac] = amount.replace(/^-/, '').split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = frac && /[1-9]/.test(frac) ? `.${frac.padEnd(2, '0').slice(0, 2)}` : '';
  const sign = amount.startsWith('-') ? '-' : '';
  return `${sign}${currency === 'USD' ? 'US$' : `${currency} `}${grouped}${cents}`;
}

/** A 4-decimal ratio as a percentage for a table ("0.8125" → "81.3%"); a dash when there is none. */
export const percentText = (ratio: string | null) => (ratio === null ? '–' : `${ratioPercent(ratio, 1)}%`);
