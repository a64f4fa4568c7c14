import type { RootInfo } from './iati-xml.reader.ts';
import { type IatiFileKind, schemaVersion, validateXsd, type XsdFinding } from './iati-xsd.ts';

/** Characters of records per slice: xmllint's memory follows the slice, not the file. */
export const SLICE_CHARS = 8 * 1024 * 1024;

/**
 * Validates a file against the XSD in slices of whole records as it is read, so memory stays that of
 * one slice whatever the size of the file. Each slice after the first is the file's own prolog and root
 * start tag, then the next records as written, then the root's end tag; a finding's line is moved back
 * to the file's. The XSD constrains each record on its own (IATI's schema has no identity constraints
 * across records), so the findings are those of the whole file; the root's own are reported once.
 */
export class XsdSlices {
  /** The decoded text from stream position `base` on. */
  private text = '';
  private base = 0;
  private root: RootInfo | null = null;
  private header = '';
  /** Where the current slice's records start (stream position, line); the first slice starts at 0. */
  private start = 0;
  private startLine = 1;
  private first = true;

  constructor(private readonly sliceChars = SLICE_CHARS) {}

  add(text: string) {
    this.text += text;
  }

  setRoot(root: RootInfo) {
    this.root = root;
    if (root.end !== undefined) this.header = this.text.slice(0, root.end - this.base);
  }

  /**
   * After each record: validates the records read since the last slice when they are enough, and returns their
   * findings (lines in the file); null when the slice goes on.
   */
  async recordEnd(end: number | undefined, endLine: number | undefined): Promise<XsdFinding[] | null> {
    if (!this.header || end === undefined || endLine === undefined || end - this.start < this.sliceChars) return null;
    const found = await this.validate(end);
    this.text = this.text.slice(end - this.base);
    this.base = end;
    this.start = end;
    this.startLine = endLine;
    this.first = false;
    return found;
  }

  /** Validates the rest of the file, up to its end, and returns those findings. */
  async finish(): Promise<XsdFinding[]> {
    const found = await this.validate(this.base + this.text.length, true);
    this.text = '';
    return found;
  }

  private async validate(end: number, last = false): Promise<XsdFinding[]> {
    const root = this.root as RootInfo;
    const kind: IatiFileKind = root.name === 'iati-activities' ? 'activities' : 'organisations';
    const records = this.text.slice(this.start - this.base, end - this.base);
    const slice = `${this.first ? '' : this.header}${records}${last ? '' : `</${root.name}>`}`;
    // XML reads a lone CR as a line end, as the reader counts lines; libxml2 counts only LF. Same document, same lines.
    const contents = slice.includes('\r') ? slice.replace(/\r(?!\n)/g, '\n') : slice;
    const found = (await validateXsd([{ name: 'slice', contents }], kind, schemaVersion(root.attrs.version))).get('slice') ?? [];
    if (this.first) return found;
    // The header's last line is where the records of this slice start in the file.
    const shift = this.startLine - (root.endLine ?? 1);
    const aboutRoot = new RegExp(`(^|: )Element '(\\{[^}]*\\})?${root.name}'`);
    return found.filter((f) => !aboutRoot.test(f.message)).map((f) => ({ ...f, line: f.line === null ? null : f.line + shift }));
  }
}
