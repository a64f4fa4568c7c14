import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IatiRecordReport, IatiValidationReport } from '../../shared/contracts/iati.ts';
import { toCsv } from '../spreadsheets/export-table.ts';
import { checkCodelists, orgIdPrefixes } from './iati-codelists.check.ts';
import { recordDocument } from './iati-dom.ts';
import { checkRules, type Finding } from './iati-rules.ts';
import { IatiFileError, readIatiXml, type XEl } from './iati-xml.reader.ts';
import { XsdSlices } from './iati-xsd.slices.ts';
import type { XsdFinding } from './iati-xsd.ts';

/**
 * Findings listed per rule (and codelist, and severity); beyond, they are counted. A messy file of hundreds of MB
 * can break one rule in every activity: its report stays readable and the memory it takes bounded.
 */
export const LISTED_PER_RULE = 1000;

const SUPPORTED = new Set(['2.01', '2.02', '2.03']);

const fileFinding = (rule: string, message: string, line: number | null = null): Finding => ({ rule, severity: 'critical', category: 'file', message, line, path: '' });

async function* chunksOf(bytes: Uint8Array, size = 1 << 20) {
  for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(size, bytes.length - i));
}

const identifierOf = (el: XEl) => el.children.find((c) => c.name === 'iati-identifier' || c.name === 'organisation-identifier')?.text ?? '';

export interface ValidateOptions {
  now?: Date;
  /** Refuse files larger than this (IATI_MAX_FILE_MB). */
  maxBytes?: number;
  /** Called with the bytes read so far. */
  progress?: (bytes: number) => void;
  /** Characters of records validated against the XSD at a time (tests make it small). */
  sliceChars?: number;
  /** Findings listed per rule (tests make it small). */
  listedPerRule?: number;
}

/**
 * Validates an IATI file as the official validator does, before publishing or on upload: well-formed
 * XML and an IATI root (0.1.1, 0.2.1), a supported version (0.6.1), the XSD of that version (0.3.1, each
 * error placed in its activity by line), the codelists as mapping.xml assigns them, the IATI ruleset,
 * and unique activity identifiers (1.1.2). Findings are grouped by activity with line and path. A file
 * named by its path is read as a stream; memory is that of one XSD slice, the identifiers (for 1.1.2) and
 * the findings listed, whatever the size of the file.
 */
/** The report of a validation (shared/contracts/iati.ts). */
export async function validateIatiFile(file: Uint8Array | { path: string }, options: ValidateOptions = {}): Promise<IatiValidationReport> {
  const report: IatiValidationReport = {
    kind: null,
    version: null,
    bytes: file instanceof Uint8Array ? file.length : (await stat(file.path)).size,
    records: 0,
    valid: false,
    counts: { critical: 0, error: 0, warning: 0 },
    file: [],
    withFindings: [],
    listedPerRule: options.listedPerRule ?? LISTED_PER_RULE,
    unlisted: [],
  };
  const ctx = { now: options.now ?? new Date(), orgIdPrefixes: orgIdPrefixes() };
  const seen = new Map<string, number>();
  const unlisted = new Map<string, IatiValidationReport['unlisted'][number]>();
  /** Counts a finding and lists it in `list` unless its rule has had its share. */
  const add = (list: Finding[], f: Finding) => {
    report.counts[f.severity]++;
    const key = `${f.rule}|${f.codelist ?? ''}|${f.severity}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= report.listedPerRule) list.push(f);
    else {
      const u = unlisted.get(key) ?? { rule: f.rule, ...(f.codelist ? { codelist: f.codelist } : {}), severity: f.severity, count: 0 };
      u.count++;
      unlisted.set(key, u);
    }
  };
  // Records read since the last XSD slice: the slice's findings are placed in them by line, then those with
  // findings join the report and the others are forgotten.
  let open: IatiRecordReport[] = [];
  const settle = (xsdFindings: XsdFinding[]) => {
    for (const x of xsdFindings) {
      const owner = x.line === null ? undefined : recordAt(open, x.line);
      add(owner ? owner.findings : report.file, { rule: '0.3.1', severity: 'critical', category: 'schema', message: x.message, line: x.line, path: '' });
    }
    for (const r of open) if (r.findings.length) report.withFindings.push({ ...r, findings: r.findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) });
    open = [];
  };
  /** The line of the first record with each identifier (1.1.2). */
  const ids = new Map<string, number>();
  let supported = true;
  let xsd: XsdSlices | null = new XsdSlices(options.sliceChars);
  try {
    await readIatiXml(
      file instanceof Uint8Array ? chunksOf(file) : createReadStream(file.path, { highWaterMark: 1 << 20 }),
      {
        root: (root) => {
          report.kind = root.name === 'iati-activities' ? 'activities' : 'organisations';
          report.version = root.attrs.version ?? null;
          xsd?.setRoot(root);
          if (root.bare) add(report.file, fileFinding('0.2.1', `The file is a single <${root.name.replace(/s$/, '')}> without its <${root.name}> root element`, 1));
          else if (!report.version) add(report.file, { ...fileFinding('0.6.1', 'The root element has no @version; it is read as 2.03'), severity: 'warning' });
          else if (!SUPPORTED.has(report.version.trim())) {
            supported = false;
            xsd = null;
            add(report.file, fileFinding('0.6.1', `Version ${report.version} is not supported: IATI validation covers versions 2.01, 2.02 and 2.03. Publish in 2.03.`));
          }
        },
        record: async (el, root) => {
          const rec: IatiRecordReport = { identifier: identifierOf(el).trim(), line: el.line, findings: [] };
          report.records++;
          open.push(rec);
          if (!supported) return settle([]);
          const doc = recordDocument(el, root);
          for (const f of checkRules(doc, ctx)) add(rec.findings, f);
          for (const f of checkCodelists(doc)) add(rec.findings, f);
          if (el.name === 'iati-activity') {
            const first = ids.get(rec.identifier);
            if (first !== undefined)
              add(rec.findings, {
                rule: '1.1.2',
                severity: 'error',
                category: 'identifiers',
                message: rec.identifier
                  ? `The activity identifier ${rec.identifier} is also used by the activity at line ${first}`
                  : 'The activity identifier is empty, as is another one',
                line: el.line,
                path: 'iati-identifier',
              });
            else ids.set(rec.identifier, el.line);
          }
          const sliced = await xsd?.recordEnd(el.end, el.endLine);
          if (sliced) settle(sliced);
        },
      },
      { maxBytes: options.maxBytes, progress: options.progress, text: (t) => xsd?.add(t) },
    );
    settle(xsd && report.kind ? await xsd.finish() : []);
  } catch (e) {
    if (!(e instanceof IatiFileError)) throw e;
    add(report.file, fileFinding(e.code, e.message, e.line ?? null));
    settle([]);
  }
  report.unlisted = [...unlisted.values()];
  report.valid = report.counts.critical === 0 && report.counts.error === 0;
  return report;
}

/** The record a line falls in: the last one starting at or before it (records are in file order). */
function recordAt(records: IatiRecordReport[], line: number): IatiRecordReport | undefined {
  let lo = 0;
  let hi = records.length - 1;
  let found: IatiRecordReport | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = records[mid] as IatiRecordReport;
    if (r.line <= line) {
      found = r;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The report as a CSV file, one finding per row. */
export function reportCsv(report: IatiValidationReport) {
  const columns = ['activity', 'line', 'rule', 'severity', 'category', 'path', 'message'].map((key) => ({ key, label: key }));
  return toCsv(columns, reportRows(report));
}

/** The report as CSV rows (one finding per row) for a spreadsheet. */
export function reportRows(report: IatiValidationReport) {
  const rows: Record<string, string | number | null>[] = report.file.map((f) => ({
    activity: '',
    line: f.line,
    rule: f.rule,
    severity: f.severity,
    category: f.category,
    path: f.path,
    message: f.message,
  }));
  for (const r of report.withFindings)
    for (const f of r.findings) rows.push({ activity: r.identifier, line: f.line, rule: f.rule, severity: f.severity, category: f.category, path: f.path, message: f.message });
  for (const u of report.unlisted)
    rows.push({
      activity: '',
      line: null,
      rule: u.rule,
      severity: u.severity,
      category: u.codelist ?? '',
      path: '',
      message: `${u.count} more findings of this rule${u.codelist ? ` (${u.codelist})` : ''} are counted but not listed: the first ${report.listedPerRule} are`,
    });
  return rows;
}
