import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { REFERENCE_DIR } from '../standards/load-reference.ts';

export type IatiFileKind = 'activities' | 'organisations';

export interface XsdFinding {
  line: number | null;
  message: string;
}

const SCHEMA_DIR = join(REFERENCE_DIR, 'iati-schema');

/** The schema folder for a file's declared version: 2.03 unless it says 2.01, 2.02 or 1.0x. */
export function schemaVersion(version: string | undefined): '2.03' | '2.02' | '2.01' | '1.05' {
  const v = (version ?? '').trim();
  if (v === '2.01' || v === '2.02') return v;
  if (/^1\.0\d?$/.test(v)) return '1.05';
  return '2.03';
}

const cache = new Map<string, { schema: { fileName: string; contents: string }; preload: { fileName: string; contents: string }[] }>();
function schemaFiles(kind: IatiFileKind, version: ReturnType<typeof schemaVersion>) {
  const key = `${kind}-${version}`;
  let files = cache.get(key);
  if (!files) {
    const dir = version === '2.03' ? SCHEMA_DIR : join(SCHEMA_DIR, 'other-versions', version);
    const read = (name: string) => ({ fileName: name, contents: readFileSync(join(dir, name), 'utf8') });
    files = { schema: read(`iati-${kind}-schema.xsd`), preload: [read('iati-common.xsd'), read('xml.xsd')] };
    cache.set(key, files);
  }
  return files;
}

/**
 * Validates files against the official IATI XSD of a version with libxml2 (xmllint compiled to
 * WebAssembly, no network, no system package), several files per call. Returns the findings of each file
 * by its name: an empty list means valid. Files are read by xmllint's streaming reader.
 */
export async function validateXsd(files: { name: string; contents: string | Uint8Array }[], kind: IatiFileKind, version: ReturnType<typeof schemaVersion> = '2.03') {
  const { schema, preload } = schemaFiles(kind, version);
  const named = files.map((f, i) => ({ fileName: `input-${i}.xml`, contents: f.contents }));
  const size = files.reduce((n, f) => n + (typeof f.contents === 'string' ? f.contents.length * 2 : f.contents.length), 0);
  const result = await validateXML({
    xml: named,
    schema,
    preload,
    stream: true,
    initialMemoryPages: Math.min(memoryPages.max, memoryPages.defaultInitialMemoryPages + Math.ceil((size * 2) / (64 * 1024))),
    maxMemoryPages: memoryPages.max,
  });
  const out = new Map<string, XsdFinding[]>(files.map((f) => [f.name, []]));
  for (const e of result.errors) {
    const i = e.loc ? Number(/input-(\d+)\.xml/.exec(e.loc.fileName)?.[1]) : Number.NaN;
    const target = Number.isNaN(i) ? files[0] : files[i];
    if (!target) continue;
    // "fails to validate" merely repeats that there were errors.
    if (/fails to validate$|validates$/.test(e.message.trim())) continue;
    out.get(target.name)?.push({ line: e.loc?.lineNumber ?? null, message: e.message.trim() });
  }
  if (!result.valid) {
    for (const f of files) {
      const list = out.get(f.name) ?? [];
      if (!list.length && new RegExp(`input-${files.indexOf(f)}\\.xml fails to validate`).test(result.rawOutput))
        list.push({ line: null, message: 'The file does not follow the IATI schema' });
    }
  }
  return out;
}
