import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { checkCodelists, orgIdPrefixes } from './iati-codelists.check.ts';
import { recordDocument } from './iati-dom.ts';
import { checkRules, type Finding } from './iati-rules.ts';
import { IatiFileError, readIatiXml, type XEl } from './iati-xml.reader.ts';
import { XsdSlices } from './iati-xsd.slices.ts';
import type { IatiFileKind } from './iati-xsd.ts';

export interface RecordReport {
  /** the iati-identifier (or organisation-identifier) as written, '' when missing */
  identifier: string;
  line: number;
  findings: Finding[];
}

export interface ValidationReport {
  kind: IatiFileKind | null;
  version: string | null;
  bytes: number;
  records: number;
  /** true when nothing critical and no error was found (warnings alone keep a file valid) */
  valid: boolean;
  counts: { critical: number; error: number; warning: number };
  /** findings about the file as a whole (not XML, not IATI, unsupported version) */
  file: Finding[];
  /** the records with findings, in file order */
  withFindings: RecordReport[];
}

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
}

/**
 * Validates an IATI file as the official validator does, before publishing or on upload: well-formed
 * XML and an IATI root (0.1.1, 0.2.1), a supported version (0.6.1), the XSD of that version (0.3.1, each
 * error placed in its activity by line), the codelists as mapping.xml assigns them, the IATI ruleset,
 * and unique activity identifiers (1.1.2). Findings are grouped by activity with line and path. A file
 * named by its path is read as a stream: memory is that of one record and one XSD slice, whatever its size.
 */
export async function validateIatiFile(file: Uint8Array | { path: string }, options: ValidateOptions = {}): Promise<ValidationReport> {
  const report: ValidationReport = {
    kind: null,
    version: null,
    bytes: file instanceof Uint8Array ? file.length : (await stat(file.path)).size,
    records: 0,
    valid: false,
    counts: { critical: 0, error: 0, warning: 0 },
    file: [],
    withFindings: [],
  };
  const ctx = { now: options.now ?? new Date(), orgIdPrefixes: orgIdPrefixes() };
  const records: RecordReport[] = [];
  const ids = new Map<string, RecordReport>();
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
          if (root.bare) report.file.push(fileFinding('0.2.1', `The file is a single <${root.name.replace(/s$/, '')}> without its <${root.name}> root element`, 1));
          else if (!report.version) report.file.push({ ...fileFinding('0.6.1', 'The root element has no @version; it is read as 2.03'), severity: 'warning' });
          else if (!SUPPORTED.has(report.version.trim())) {
            supported = false;
            xsd = null;
            report.file.push(fileFinding('0.6.1', `Version ${report.version} is not supported: IATI validation covers versions 2.01, 2.02 and 2.03. Publish in 2.03.`));
          }
        },
        record: async (el, root) => {
          const rec: RecordReport = { identifier: identifierOf(el).trim(), line: el.line, findings: [] };
          records.push(rec);
          if (!supported) return;
          const doc = recordDocument(el, root);
          rec.findings.push(...checkRules(doc, ctx), ...checkCodelists(doc));
          if (el.name === 'iati-activity') {
            const first = ids.get(rec.identifier);
            if (first)
              rec.findings.push({
                rule: '1.1.2',
                severity: 'error',
                category: 'identifiers',
                message: rec.identifier
                  ? `The activity identifier ${rec.identifier} is also used by the activity at line ${first.line}`
                  : 'The activity identifier is empty, as is another one',
                line: el.line,
                path: 'iati-identifier',
              });
            else ids.set(rec.identifier, rec);
          }
          await xsd?.recordEnd(el.end, el.endLine);
        },
      },
      { maxBytes: options.maxBytes, progress: options.progress, text: (t) => xsd?.add(t) },
    );
  } catch (e) {
    if (!(e instanceof IatiFileError)) throw e;
    report.file.push(fileFinding(e.code, e.message, e.line ?? null));
    return finish(report, records);
  }
  if (xsd && report.kind) {
    for (const x of await xsd.finish()) {
      const owner = x.line === null ? undefined : recordAt(records, x.line);
      const finding: Finding = { rule: '0.3.1', severity: 'critical', category: 'schema', message: x.message, line: x.line, path: '' };
      if (owner) owner.findings.push(finding);
      else report.file.push(finding);
    }
  }
  return finish(report, records);
}

/** The record a line falls in: the last one starting at or before it (records are in file order). */
function recordAt(records: RecordReport[], line: number): RecordReport | undefined {
  let lo = 0;
  let hi = records.length - 1;
  let found: RecordReport | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = records[mid] as RecordReport;
    if (r.line <= line) {
      found = r;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function finish(report: ValidationReport, records: RecordReport[]): ValidationReport {
  report.records = records.length;
  report.withFindings = records.filter((r) => r.findings.length).map((r) => ({ ...r, findings: r.findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }));
  for (const f of [...report.file, ...report.withFindings.flatMap((r) => r.findings)]) report.counts[f.severity]++;
  report.valid = report.counts.critical === 0 && report.counts.error === 0;
  return report;
}

/** The report as CSV rows (one finding per row) for a spreadsheet. */
export function reportRows(report: ValidationReport) {
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
  return rows;
}
