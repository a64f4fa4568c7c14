import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { REFERENCE_DIR } from '../standards/load-reference.ts';
import { parseCodelist } from '../standards/parse-codelist.ts';
import { lineOf, pathOf, xp } from './iati-dom.ts';
import type { Finding } from './iati-rules.ts';

const DIR = join(REFERENCE_DIR, 'iati-codelists');

interface Mapping {
  path: string;
  codelist: string;
  condition: string | null;
}

/**
 * mapping.xml's `//iati-activity/…` as a path from the root: a record document holds its activity (or organisation)
 * only directly under the root, so both select the same nodes, but `//` walks every node of the record for each
 * of the ~100 mappings (most of the validation time on activities with many transactions).
 */
const fromRoot = (path: string) =>
  path
    .replace(/^\/\/(iati-activities|iati-organisations)\//, '/$1/')
    .replace(/^\/\/iati-activity\//, '/iati-activities/iati-activity/')
    .replace(/^\/\/iati-organisation\//, '/iati-organisations/iati-organisation/');

let loaded: { mappings: Mapping[]; codes: Map<string, { complete: boolean; active: Set<string>; withdrawn: Set<string> }> } | null = null;

/** mapping.xml (which codelist applies where, with vocabulary conditions) and the shipped codelists, read once. */
function reference() {
  if (loaded) return loaded;
  const doc = new DOMParser().parseFromString(readFileSync(join(DIR, 'mapping.xml'), 'utf8'), 'text/xml');
  const mappings: Mapping[] = [];
  for (const m of Array.from(doc.getElementsByTagName('mapping'))) {
    const path = m.getElementsByTagName('path')[0]?.textContent?.trim();
    const codelist = m.getElementsByTagName('codelist')[0]?.getAttribute('ref');
    if (path && codelist) mappings.push({ path: fromRoot(path), codelist, condition: m.getElementsByTagName('condition')[0]?.textContent?.trim() || null });
  }
  const codes = new Map<string, { complete: boolean; active: Set<string>; withdrawn: Set<string> }>();
  for (const f of readdirSync(DIR).filter((f) => f.endsWith('.xml') && f !== 'mapping.xml')) {
    const list = parseCodelist(readFileSync(join(DIR, f), 'utf8'));
    codes.set(list.name || f.replace(/\.xml$/, ''), {
      complete: list.complete,
      active: new Set(list.items.filter((i) => i.status === 'active').map((i) => i.code)),
      withdrawn: new Set(list.items.filter((i) => i.status === 'withdrawn').map((i) => i.code)),
    });
  }
  loaded = { mappings, codes };
  return loaded;
}

/** The registration agency prefixes of organisation identifiers (the ruleset's ORG-ID-PREFIX set). */
export function orgIdPrefixes(): string[] {
  const list = reference().codes.get('OrganisationRegistrationAgency');
  return list ? [...list.active, ...list.withdrawn] : [];
}

/**
 * Checks every coded value of a record against the codelist mapping.xml assigns to its place (a
 * condition such as `@vocabulary = '1' or not(@vocabulary)` picks the list). A code not on a complete
 * list is an error; a withdrawn code, or one missing from an open list, is a warning.
 */
export function checkCodelists(doc: Document): Finding[] {
  const { mappings, codes } = reference();
  const out: Finding[] = [];
  for (const m of mappings) {
    const list = codes.get(m.codelist);
    if (!list) continue;
    for (const n of xp.nodes(m.path, doc)) {
      const owner = (n as Attr).ownerElement ?? n.parentNode;
      // The root's attributes are copied into every record's document: the file-level check reads them once.
      if (owner === doc.documentElement) continue;
      if (m.condition && owner && !xp.bool(m.condition, owner)) continue;
      const value = (n.nodeValue ?? n.textContent ?? '').trim();
      if (list.active.has(value)) continue;
      const withdrawn = list.withdrawn.has(value);
      out.push({
        rule: 'codelist',
        severity: withdrawn || !list.complete ? 'warning' : 'error',
        category: 'codelists',
        message: withdrawn
          ? `${value} is a withdrawn code of the ${m.codelist} codelist`
          : value === ''
            ? `The value is empty; it must be a code of the ${m.codelist} codelist`
            : `${value} is not a code of the ${m.codelist} codelist`,
        line: lineOf(n),
        path: pathOf(n),
        codelist: m.codelist,
        value,
      });
    }
  }
  return out;
}
