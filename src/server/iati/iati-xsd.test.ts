import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { filesUnder, SHARED_IATI } from '../../../test/helpers/shared-iati.ts';
import { readIatiXml } from './iati-xml.reader.ts';
import { XsdSlices } from './iati-xsd.slices.ts';
import { type IatiFileKind, schemaVersion, validateXsd, type XsdFinding } from './iati-xsd.ts';

// The official schema tests of IATI-Schemas 2.03: the schema is chosen by the path, as upstream does.
const cases = filesUnder('tests')
  .filter((f) => f.startsWith('should-'))
  .map((f) => ({ name: f, kind: (/organisation/.test(f) ? 'organisations' : 'activities') as IatiFileKind, expected: f.startsWith('should-pass') }));

describe('XSD step against the official IATI 2.03 schema tests', () => {
  test(`all ${cases.length} should-pass files accepted and should-fail files refused`, async () => {
    const wrong: string[] = [];
    let passed = 0;
    let failed = 0;
    for (const kind of ['activities', 'organisations'] as const) {
      const mine = cases.filter((c) => c.kind === kind);
      for (let i = 0; i < mine.length; i += 50) {
        const batch = mine.slice(i, i + 50);
        const found = await validateXsd(
          batch.map((c) => ({ name: c.name, contents: readFileSync(join(SHARED_IATI, 'tests', c.name)) })),
          kind,
        );
        for (const c of batch) {
          const valid = (found.get(c.name) ?? []).length === 0;
          if (valid) passed++;
          else failed++;
          if (valid !== c.expected) wrong.push(`${c.name}: ${valid ? 'accepted' : `refused (${found.get(c.name)?.[0]?.message})`}`);
        }
      }
    }
    const shouldPass = cases.filter((c) => c.expected).length;
    console.log(`# IATI schema tests: ${shouldPass} should-pass, ${cases.length - shouldPass} should-fail; accepted ${passed}, refused ${failed}`);
    assert.deepEqual(wrong, []);
    assert.ok(cases.length > 400, 'the official tests were found');
  });

  test('a finding names the line and the element', async () => {
    const xml = '<iati-activities version="2.03">\n<iati-activity>\n<foo/>\n</iati-activity>\n</iati-activities>';
    const [findings] = [...(await validateXsd([{ name: 'x', contents: xml }], 'activities')).values()];
    assert.equal(findings?.[0]?.line, 3);
    assert.match(findings?.[0]?.message ?? '', /foo/);
  });

  test('the schema follows the declared version', () => {
    assert.deepEqual(['2.03', '2.02', '2.01', '1.03', '1.0', undefined, 'xx'].map(schemaVersion), ['2.03', '2.02', '2.01', '1.05', '1.05', '2.03', '2.03']);
  });

  test('in slices: the findings of each slice come back as it is cut, on the lines of the file, those of the root once', async () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<iati-activities version="2.03" generated-datetime="not a date">',
      '<iati-activity><iati-identifier>XM-1</iati-identifier><foo/></iati-activity>',
      '<iati-activity><iati-identifier>XM-2</iati-identifier>',
      '<bar/></iati-activity>',
      '</iati-activities>',
    ].join('\n');
    const slices = new XsdSlices(1);
    const cuts: XsdFinding[][] = [];
    await readIatiXml(
      [xml],
      { root: (r) => slices.setRoot(r), record: async (el) => void cuts.push((await slices.recordEnd(el.end, el.endLine)) ?? []) },
      { text: (t) => slices.add(t) },
    );
    const rest = await slices.finish();
    assert.deepEqual(
      cuts.map((c) => c.map((f) => f.line)),
      [[2, 3], [5]],
    );
    assert.match(cuts[0]?.[0]?.message ?? '', /generated-datetime/);
    assert.match(cuts[1]?.[0]?.message ?? '', /bar/);
    assert.deepEqual(rest, [], 'the last slice (no record) repeats nothing about the root');
  });
});
