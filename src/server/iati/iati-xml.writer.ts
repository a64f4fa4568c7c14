/** Writing IATI XML as strings, element by element: escaping and attributes in one place. Pure. */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters; they are dropped from published text.
const UNSAFE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
/** Text or an attribute value made safe for XML: markup characters escaped, characters XML 1.0 forbids dropped. */
export const esc = (s: string) => (UNSAFE.test(s) ? s.replace(/[&<>"]/g, (c) => ESC[c] as string).replace(FORBIDDEN, '') : s);

export type Attrs = Record<string, string | number | null | undefined>;

/** An element with its attributes (null, undefined and empty left out) and content (already XML). */
export function el(name: string, attrs: Attrs = {}, ...content: (string | null | undefined | false)[]): string {
  // One array of parts joined once: a large export calls this millions of times, so no entries/filter/map copies
  // (and no `+=`, whose nested strings were slower to flatten when measured).
  const parts = [`<${name}`];
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== null && v !== undefined && v !== '') parts.push(` ${k}="${esc(String(v))}"`);
  }
  parts.push('>');
  const start = parts.length;
  for (const c of content) if (c) parts.push(c);
  if (parts.length === start) parts[start - 1] = '/>';
  else parts.push(`</${name}>`);
  return parts.join('');
}

/** Narratives of a text in several languages; the first is in the file's default language. */
export function narratives(texts: { lang?: string; text: string | null | undefined }[]): string {
  let out = '';
  for (const t of texts) {
    const text = t.text?.trim();
    if (text) out += el('narrative', t.lang ? { 'xml:lang': t.lang } : {}, esc(text));
  }
  return out;
}
