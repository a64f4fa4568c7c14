/** Writing IATI XML as strings, element by element: escaping and attributes in one place. Pure. */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters; they are dropped from published text.
export const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export type Attrs = Record<string, string | number | null | undefined>;

/** An element with its attributes (null and undefined left out) and content (already XML). */
export function el(name: string, attrs: Attrs = {}, ...content: (string | null | undefined | false)[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
  const inner = content.filter((c): c is string => typeof c === 'string' && c !== '').join('');
  return inner ? `<${name}${a}>${inner}</${name}>` : `<${name}${a}/>`;
}

/** Narratives of a text in several languages; the first is in the file's default language. */
export function narratives(texts: { lang?: string; text: string | null | undefined }[]): string {
  return texts
    .filter((t) => t.text?.trim())
    .map((t) => el('narrative', t.lang ? { 'xml:lang': t.lang } : {}, esc((t.text as string).trim())))
    .join('');
}
