import { SaxesParser } from 'saxes';

/** An element as read: its name as written (prefix included), attributes, children, text, and where it starts. */
export interface XEl {
  name: string;
  attrs: Record<string, string>;
  children: XEl[];
  text: string;
  line: number;
  /** For a record: where it ends in the decoded text (the index after its closing `>`) and on which line. */
  end?: number;
  endLine?: number;
}

/**
 * Why a file cannot be read at all; `code` is the validator's file-level rule (0.1.1 not XML, 0.2.1 not IATI, 0.9.1 beyond
 * a limit of the reader: the file's size, an element's depth, a text's length).
 */
export class IatiFileError extends Error {
  constructor(
    readonly code: '0.1.1' | '0.2.1' | '0.9.1',
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export interface RootInfo {
  name: 'iati-activities' | 'iati-organisations';
  attrs: Record<string, string>;
  /** The file is a single activity or organisation without the wrapping root element. */
  bare?: boolean;
  /** Where the root's start tag ends in the decoded text (the index after its `>`) and on which line. */
  end?: number;
  endLine?: number;
}

export interface ReadHandlers {
  root?: (root: RootInfo) => void;
  /** Each iati-activity or iati-organisation as soon as it is complete; awaited before reading on. */
  record: (el: XEl, root: RootInfo) => void | Promise<void>;
}

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 1 GiB). */
  maxBytes?: number;
  /** Called with the bytes read so far. */
  progress?: (bytes: number) => void;
  /** Called with the text of the file as it is decoded, before it is parsed (positions above index into it). */
  text?: (text: string) => void;
  /** Called with the XML parser once its handlers are set: for the test that keeps its properties fast (see readIatiXml). */
  inspectParser?: (parser: object) => void;
  /** Refuse an element nested deeper than this, the root counting as 1 (default MAX_DEPTH). */
  maxDepth?: number;
  /** Refuse a text, an element's text or an attribute value longer than this many characters (default MAX_TEXT_CHARS). */
  maxText?: number;
}

/**
 * How deep elements may nest. IATI's own elements nest at most about 10 deep (the 21 real files of ../shared nest 8 at
 * most); the rest is room for other namespaces' extensions. Past it the reader stops: a file can never drive a walk of
 * its tree (the validation DOM, XPath, the import) into a stack overflow.
 */
export const MAX_DEPTH = 100;

/**
 * How long one text (or an element's text, or an attribute value) may be, in characters. The longest narrative of the 21
 * real files of ../shared is 13,000 characters; a million is a book. Past it the file is refused, not cut: a narrative
 * cut short would be stored and shown as the publisher's own words.
 */
export const MAX_TEXT_CHARS = 1_000_000;

/** Characters handed to the XML parser at a time: the text it holds before an event is checked between pieces. */
const PIECE = 64 * 1024;

const thousands = (n: number) => n.toLocaleString('en');

const RECORDS = new Set(['iati-activity', 'iati-organisation']);
const ROOTS = new Set(['iati-activities', 'iati-organisations']);

/**
 * A copy of a string cut from the file that does not keep the file's chunk alive: V8 keeps the whole
 * parent of a sliced string, so an identifier kept for the report would otherwise hold 64 KB of XML, and
 * memory would grow with the file. Strings under 13 characters are copies already.
 */
const own = (s: string) => (s.length > 12 ? ` ${s}`.slice(1) : s);

/**
 * Element names as kept: one copy of each (names are cut from the file like any text, and a name kept in a
 * finding's path would hold its chunk). A file of endless distinct names keeps its own copies past the first 10,000.
 */
const names = new Map<string, string>();
function nameOf(s: string) {
  let name = names.get(s);
  if (name === undefined) {
    name = own(s);
    if (names.size < 10_000) names.set(name, name);
  }
  return name;
}

/**
 * Reads an IATI file as a stream, keeping in memory one activity (or organisation) at a time. A DOCTYPE is
 * refused as soon as it is seen, so external entities and entity bombs are never expanded (saxes expands
 * none itself); a file that is not XML, not IATI, truncated, or larger than `maxBytes` ends in an
 * IatiFileError with the line and column. Returns the root and the number of records read.
 *
 * The parser takes seven event handlers and no more: saxes stores each under a computed name, and V8 turns an
 * object given an eighth property that way into a dictionary, after which saxes' per-character loop runs 3.4×
 * slower (a 100 MB file parsed in 9.9 s instead of 2.9; iati-xml.reader.test.ts checks the parser stays fast).
 */
export async function readIatiXml(source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, handlers: ReadHandlers, options: ReadOptions = {}) {
  const maxBytes = options.maxBytes ?? 1024 ** 3;
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const maxText = options.maxText ?? MAX_TEXT_CHARS;
  const parser = new SaxesParser({ position: true });
  // What saxes holds before it fires an event: a text, comment or CDATA section (`text`), a name (`name`).
  const held = parser as unknown as { text: string; name: string };
  let root: RootInfo | null = null;
  const stack: XEl[] = [];
  let pending: XEl[] = [];
  let count = 0;
  let failure: IatiFileError | null = null;
  let notIati: IatiFileError | null = null;
  const fail = (e: IatiFileError) => {
    failure ??= e;
  };
  parser.on('doctype', () =>
    fail(new IatiFileError('0.1.1', 'The file declares a DOCTYPE; IATI files have none, and DTDs and entities are refused for safety', parser.line, parser.column)),
  );
  parser.on('error', (e) => fail(new IatiFileError('0.1.1', `Not well-formed XML: ${e.message.replace(/^[^:]*:\d+:\d+: /, '')}`, parser.line, parser.column)));
  // The line where a tag starts (an open tag may span lines; 'opentag' fires at its end).
  let tagLine = 1;
  // The line where a text the parser has just read (or still holds) began: where it ends less its line breaks.
  // (Worked out only for a refusal; following every comment and processing instruction instead would cost a
  // handler each, and see `readIatiXml` on why the parser takes no more handlers.)
  const startOf = (text: string) => {
    let line = parser.line;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line--;
    return line;
  };
  // How deep the parser is: the root is 1.
  let depth = 0;
  const tooLong = (line: number, what: string) =>
    fail(new IatiFileError('0.9.1', `${what} at line ${line} is longer than the limit of ${thousands(maxText)} characters for one text (the file is not read further)`, line));
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (failure) return;
    if (depth > maxDepth) {
      fail(
        new IatiFileError(
          '0.9.1',
          `The element <${tag.name.slice(0, 100)}> at line ${tagLine} is nested ${thousands(depth)} deep, beyond the limit of ${maxDepth} (IATI's elements nest about 10 deep; the file is not read further)`,
          tagLine,
        ),
      );
      return;
    }
    if (notIati) return;
    const attrs = tag.attributes as Record<string, string>;
    for (const k in attrs) {
      if ((attrs[k] as string).length > maxText) return tooLong(tagLine, `The attribute @${k.slice(0, 100)} of <${tag.name.slice(0, 100)}>`);
      attrs[k] = own(attrs[k] as string);
    }
    if (!root && RECORDS.has(tag.name)) {
      // An activity without its <iati-activities> wrapper (found in older single-activity files): read it.
      root = { name: tag.name === 'iati-activity' ? 'iati-activities' : 'iati-organisations', attrs: {}, bare: true };
      handlers.root?.(root);
    }
    if (!root) {
      if (!ROOTS.has(tag.name)) {
        // Read on without keeping anything: a file that is not even well-formed is reported as such.
        notIati ??= new IatiFileError('0.2.1', `Not an IATI file: the root element is <${tag.name}>, not <iati-activities> or <iati-organisations>`, parser.line, parser.column);
        return;
      }
      root = { name: tag.name as RootInfo['name'], attrs, end: parser.position, endLine: parser.line };
      handlers.root?.(root);
      return;
    }
    const el: XEl = { name: nameOf(tag.name), attrs, children: [], text: '', line: tagLine };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    if (parent || RECORDS.has(tag.name)) stack.push(el);
  });
  const onText = (t: string) => {
    if (failure) return;
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.text.length + t.length > maxText) return tooLong(t.length > maxText ? startOf(t) : top.line, t.length > maxText ? 'A text' : `The text of <${top.name}>`);
    top.text += own(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    depth--;
    if (failure || !stack.length || stack[stack.length - 1]?.name !== tag.name) return;
    const el = stack.pop() as XEl;
    if (stack.length) return;
    el.end = parser.position;
    el.endLine = parser.line;
    pending.push(el);
  });

  /**
   * Hands the text to the parser a piece at a time, and stops at a text (or comment, or name) the parser is still
   * holding that is already over the limit: an event would come only at its end, which may be hundreds of MB on.
   */
  const write = (text: string) => {
    for (let i = 0; i < text.length && !failure; i += PIECE) {
      parser.write(text.length <= PIECE ? text : text.slice(i, i + PIECE));
      if (held.text.length > maxText) tooLong(startOf(held.text), 'A text');
      else if (held.name.length > maxText) tooLong(parser.line, 'A name');
    }
  };
  options.inspectParser?.(parser);
  let bytes = 0;
  // Decodes across chunk boundaries (a character may be split between two chunks) and drops a BOM.
  const decoder = new TextDecoder('utf-8');
  const flush = async () => {
    const batch = pending;
    pending = [];
    for (const el of batch) {
      count++;
      await handlers.record(el, root as RootInfo);
    }
  };
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > maxBytes) throw new IatiFileError('0.9.1', `The file is larger than the limit of ${Math.round(maxBytes / 1024 ** 2)} MB (IATI_MAX_FILE_MB)`);
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    options.text?.(text);
    write(text);
    // The records completed before a failure are handed on first, so a report counts them whatever the chunks.
    await flush();
    if (failure) throw failure;
    options.progress?.(bytes);
  }
  if (bytes === 0) throw new IatiFileError('0.1.1', 'The file is empty');
  const rest = decoder.decode();
  options.text?.(rest);
  write(rest);
  if (!failure) parser.close();
  await flush();
  if (failure) throw failure;
  if (notIati) throw notIati;
  if (!root) throw new IatiFileError('0.1.1', 'Not XML: no root element was found');
  return { root: root as RootInfo, records: count };
}
