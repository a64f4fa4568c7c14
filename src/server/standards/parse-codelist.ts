import { SaxesParser } from 'saxes';

export interface CodelistItem {
  code: string;
  name: { en: string; fr?: string };
  description?: string;
  category?: string;
  status: 'active' | 'withdrawn';
}

export interface Codelist {
  name: string;
  title: string;
  category?: string;
  complete: boolean;
  embedded: boolean;
  items: CodelistItem[];
}

/** Reads one IATI codelist file (the `codelist.xsd` format). Pure: text in, data out. */
export function parseCodelist(xml: string): Codelist {
  const parser = new SaxesParser({ xmlns: false });
  const list: Codelist = { name: '', title: '', complete: false, embedded: false, items: [] };
  const stack: string[] = [];
  let item: CodelistItem | null = null;
  let text = '';
  let lang = 'en';

  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    text = '';
    if (tag.name === 'codelist') {
      list.name = String(tag.attributes.name ?? '');
      list.complete = tag.attributes.complete === '1';
      list.embedded = tag.attributes.embedded === '1';
    } else if (tag.name === 'codelist-item') {
      item = { code: '', name: { en: '' }, status: tag.attributes.status === 'withdrawn' ? 'withdrawn' : 'active' };
    } else if (tag.name === 'narrative') {
      lang = String(tag.attributes['xml:lang'] ?? 'en');
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    const parent = stack[stack.length - 2];
    const grand = stack[stack.length - 3];
    const value = text.replace(/\s+/g, ' ').trim().normalize('NFC');
    if (item) {
      if (tag.name === 'code' && parent === 'codelist-item') item.code = value;
      else if (tag.name === 'category' && parent === 'codelist-item') item.category = value;
      else if (tag.name === 'narrative' && parent === 'name' && (lang === 'en' || lang === 'fr')) item.name[lang] = value;
      else if (tag.name === 'narrative' && parent === 'description' && lang === 'en') item.description = value;
      else if (tag.name === 'codelist-item') {
        list.items.push(item);
        item = null;
      }
    } else if (tag.name === 'narrative' && grand === 'metadata' && lang === 'en') {
      if (parent === 'name') list.title = value;
      else if (parent === 'category') list.category = value;
    }
    stack.pop();
    text = '';
  });
  parser.write(xml).close();
  if (!list.name) throw new Error('not an IATI codelist: the root <codelist name="…"> is missing');
  return list;
}
