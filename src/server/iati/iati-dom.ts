import { DOMImplementation, type Element as XElement } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import type { RootInfo, XEl } from './iati-xml.reader.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAMESPACES = { xml: XML_NS };

/** A DOM element that remembers the line it was read from. */
export type LinedNode = Node & { lineNumber?: number };

/**
 * One activity (or organisation) as a small DOM document of its own, under a copy of the file's root,
 * so the ruleset's absolute XPaths (`/iati-activities/iati-activity/…`) apply record by record and the
 * memory stays that of one record.
 */
export function recordDocument(el: XEl, root: RootInfo): Document {
  const doc = new DOMImplementation().createDocument(null, root.name, null);
  const top = doc.documentElement as XElement;
  for (const [k, v] of Object.entries(root.attrs)) setAttr(top, k, v);
  top.appendChild(build(doc, el));
  number(doc as unknown as Ordered, 0);
  return doc as unknown as Document;
}

/** A node numbered in document order: its own place and the last place inside it (attributes count as inside). */
type Ordered = Node & { docPos?: number; docEnd?: number };

/** Numbers a tree in document order, iteratively: a file decides how deep it nests, never the stack. */
function number(top: Ordered, start: number): number {
  let next = start;
  let node: Ordered | null = top;
  while (node) {
    node.docPos = next++;
    const attrs = (node as unknown as Element).attributes;
    if (attrs) for (let i = 0; i < attrs.length; i++) (attrs[i] as unknown as Ordered).docPos = (attrs[i] as unknown as Ordered).docEnd = next++;
    if (node.firstChild) {
      node = node.firstChild as Ordered;
      continue;
    }
    // A leaf: it ends here, and so does each ancestor whose last child this is; then on to the next sibling.
    let done: Ordered | null = node;
    node = null;
    while (done) {
      done.docEnd = next - 1;
      if (done === top) break;
      if (done.nextSibling) {
        node = done.nextSibling as Ordered;
        break;
      }
      done = done.parentNode as Ordered | null;
    }
  }
  return next;
}

/*
 * XPath sorts every node set into document order with compareDocumentPosition, which xmldom answers by walking
 * ancestors: a third of the validation time on activities with many transactions. Nodes of a record document are
 * numbered once (above), so the comparison is two integers; other nodes keep xmldom's own answer.
 */
const NodeProto = Object.getPrototypeOf(Object.getPrototypeOf(new DOMImplementation().createDocument(null, 'x', null).documentElement)) as {
  compareDocumentPosition(this: Ordered, other: Ordered): number;
};
const slowCompare = NodeProto.compareDocumentPosition;
NodeProto.compareDocumentPosition = function (this: Ordered, other: Ordered) {
  const a = this.docPos;
  const b = other.docPos;
  if (a === undefined || b === undefined || this.ownerDocument !== other.ownerDocument) return slowCompare.call(this, other);
  if (a === b) return 0;
  // 0x02 other precedes, 0x08 other contains this; 0x04 other follows, 0x10 this contains other.
  if (b < a) return a <= (other.docEnd as number) ? 0x02 | 0x08 : 0x02;
  return b <= (this.docEnd as number) ? 0x04 | 0x10 : 0x04;
};

function setAttr(node: XElement, name: string, value: string) {
  if (name.startsWith('xml:')) node.setAttributeNS(XML_NS, name, value);
  else if (!name.startsWith('xmlns')) node.setAttribute(name, value);
}

/** The DOM of a record as read, built iteratively (children appended in order, depth-first). */
function build(doc: ReturnType<DOMImplementation['createDocument']>, top: XEl): XElement {
  const make = (el: XEl) => {
    const node = doc.createElement(el.name);
    (node as unknown as LinedNode).lineNumber = el.line;
    for (const [k, v] of Object.entries(el.attrs)) setAttr(node, k, v);
    if (el.text.trim() || (!el.children.length && el.text)) node.appendChild(doc.createTextNode(el.text));
    return node;
  };
  const root = make(top);
  const work: { el: XEl; node: XElement; next: number }[] = [{ el: top, node: root, next: 0 }];
  while (work.length) {
    const w = work[work.length - 1] as (typeof work)[number];
    const child = w.el.children[w.next++];
    if (!child) {
      work.pop();
      continue;
    }
    const node = make(child);
    w.node.appendChild(node);
    work.push({ el: child, node, next: 0 });
  }
  return root;
}

interface Compiled {
  evaluateBoolean(o: { node: Node; namespaces: Record<string, string> }): boolean;
  evaluateNumber(o: { node: Node; namespaces: Record<string, string> }): number;
  select(o: { node: Node; namespaces: Record<string, string> }): Node[];
}
const compiled = new Map<string, Compiled>();
function expr(e: string): Compiled {
  let c = compiled.get(e);
  if (!c) {
    c = (xpath as unknown as { parse: (s: string) => Compiled }).parse(e);
    compiled.set(e, c);
  }
  return c;
}

/** XPath 1.0 over a record's DOM, each expression compiled once. */
export const xp = {
  nodes: (e: string, node: Node): Node[] => expr(e).select({ node, namespaces: NAMESPACES }),
  bool: (e: string, node: Node): boolean => expr(e).evaluateBoolean({ node, namespaces: NAMESPACES }),
  /** The string values of the nodes selected. */
  values: (e: string, node: Node): string[] => xp.nodes(e, node).map((n) => n.nodeValue ?? n.textContent ?? ''),
};

/** The line of a node, or of its owner element for an attribute. */
export function lineOf(n: Node): number | null {
  const owner = (n as Attr).ownerElement ?? n;
  return (owner as LinedNode).lineNumber ?? (n.parentNode as LinedNode | null)?.lineNumber ?? null;
}

/** A readable path of a node within its record: transaction/description/@xml:lang. */
export function pathOf(n: Node): string {
  const parts: string[] = [];
  let cur: Node | null = n;
  if ((n as Attr).ownerElement) {
    parts.push(`@${(n as Attr).name}`);
    cur = (n as Attr).ownerElement;
  }
  while (cur && cur.nodeType === 1 && !['iati-activity', 'iati-organisation', 'iati-activities', 'iati-organisations'].includes((cur as Element).tagName)) {
    parts.unshift((cur as Element).tagName);
    cur = cur.parentNode;
  }
  return parts.join('/');
}
