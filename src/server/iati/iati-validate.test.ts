import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { SHARED_IATI } from '../../../test/helpers/shared-iati.ts';
import { reportRows, validateIatiFile } from './iati-validate.ts';
import { type IatiFileError, readIatiXml } from './iati-xml.reader.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const allFindings = (r: Awaited<ReturnType<typeof validateIatiFile>>) => [...r.file, ...r.withFindings.flatMap((x) => x.findings)];

describe('IATI validation: the official validator rule tests (read from ../shared, never copied)', () => {
  const dir = join(SHARED_IATI, 'rules-tests');
  const rows = parse(readFileSync(join(dir, 'EXPECTATIONS.csv')), { columns: true }) as Record<string, string>[];
  for (const r of rows) {
    test(`${r.file}: ${r.expected_rule_ids || r.expected_codelist_errors || (r.expected_valid === 'true' ? 'valid' : r.group)}`, async () => {
      const report = await validateIatiFile(readFileSync(join(dir, r.file as string)));
      const found = allFindings(report);
      const rules = new Set(found.map((f) => f.rule));
      // Rule ids 1000.x need the live IATI Datastore; the expectations list rule ids that must be among the findings.
      for (const id of (r.expected_rule_ids ?? '').split(' ').filter((x) => x && !x.startsWith('1000.'))) assert.ok(rules.has(id), `${id} expected; found ${[...rules].join(' ')}`);
      const lists = new Set(found.filter((f) => f.codelist && f.severity === 'error').map((f) => f.codelist));
      for (const list of (r.expected_codelist_errors ?? '').split(' ').filter(Boolean)) assert.ok(lists.has(list), `a ${list} codelist error expected`);
      // The official 'valid' flag follows the critical findings (not XML, not IATI, schema, version).
      if (r.expected_valid) assert.equal(report.counts.critical === 0, r.expected_valid === 'true', JSON.stringify(report.file));
      if (r['xsd_valid_2.03'] === 'False' && !rules.has('0.1.1') && !rules.has('0.2.1')) assert.ok(rules.has('0.3.1'), 'a schema error is reported');
      for (const f of found.filter((x) => x.rule !== '0.1.1' && x.rule !== '0.2.1' && x.rule !== '0.6.1')) assert.ok(f.line === null || f.line > 0);
    });
  }

  test('a rule finding is placed in its activity, with line and path', async () => {
    const report = await validateIatiFile(readFileSync(join(dir, 'iati-act-atLeastOne-error-02.xml')));
    const f = report.withFindings.flatMap((r) => r.findings.map((x) => ({ ...x, activity: r.identifier }))).find((x) => x.rule === '4.4.1');
    assert.equal(f?.line, 269, 'transaction/description opens on line 269 (the upstream test counts from 0: 268)');
    assert.equal(f?.path, 'transaction/description');
    assert.ok(f?.activity);
    const csv = reportRows(report);
    assert.ok(csv.some((row) => row.rule === '4.4.1' && row.line === 269));
  });
});

describe('IATI files that must be refused before anything is read', () => {
  const read = (xml: string, maxBytes?: number) => readIatiXml([Buffer.from(xml)], { record: () => {} }, { maxBytes });
  test('an external entity (XXE) is refused at the DOCTYPE, the file never opened', async () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><iati-activities version="2.03"><iati-activity><iati-identifier>&x;</iati-identifier></iati-activity></iati-activities>';
    await assert.rejects(read(xxe), (e: IatiFileError) => e.code === '0.1.1' && /DOCTYPE/.test(e.message));
    const report = await validateIatiFile(enc(xxe));
    assert.equal(report.valid, false);
    assert.equal(report.records, 0);
    assert.doesNotMatch(JSON.stringify(report), /root:/);
  });
  test('an entity bomb (billion laughs) is refused without expanding anything', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><iati-activities version="2.03"><iati-activity><iati-identifier>&lol9;</iati-identifier></iati-activity></iati-activities>`;
    const before = process.memoryUsage().heapUsed;
    await assert.rejects(read(lol), /DOCTYPE/);
    assert.ok(process.memoryUsage().heapUsed - before < 50 * 1024 * 1024);
  });
  test('an undeclared entity, a truncated file, text that is not XML, an empty file, another XML vocabulary', async () => {
    await assert.rejects(read('<iati-activities version="2.03"><iati-activity><iati-identifier>&x;</iati-identifier></iati-activity></iati-activities>'), /Not well-formed/);
    await assert.rejects(
      read('<iati-activities version="2.03"><iati-activity><iati-identifier>A-1</iati-identifier>'),
      (e: IatiFileError) => e.code === '0.1.1' && (e.line ?? 0) >= 1,
    );
    await assert.rejects(read('project,title\nP1,Something'), (e: IatiFileError) => e.code === '0.1.1');
    await assert.rejects(read(''), /empty/);
    await assert.rejects(read('<rss version="2.0"><channel/></rss>'), (e: IatiFileError) => e.code === '0.2.1' && /<rss>/.test(e.message));
  });
  test('a file over the configured limit is refused with the limit named', async () => {
    await assert.rejects(
      read(`<iati-activities version="2.03">${' '.repeat(2 * 1024 * 1024)}</iati-activities>`, 1024 * 1024),
      (e: IatiFileError) => e.code === '0.9.1' && /1 MB/.test(e.message),
    );
  });
  test('an activity split across chunks, with a multi-byte character on the boundary, reads whole', async () => {
    const xml = Buffer.from('<iati-activities version="2.03"><iati-activity><iati-identifier>XM-1-é</iati-identifier></iati-activity></iati-activities>');
    const cut = xml.indexOf(Buffer.from('é')) + 1;
    const ids: string[] = [];
    await readIatiXml([xml.subarray(0, cut), xml.subarray(cut)], { record: (el) => void ids.push(el.children[0]?.text ?? '') });
    assert.deepEqual(ids, ['XM-1-é']);
  });
});

describe('IATI validation of real published files', () => {
  const manifest = parse(readFileSync(join(SHARED_IATI, 'real', 'MANIFEST.csv')), { columns: true }) as Record<string, string>[];
  test(`all ${manifest.length} files are read to the end and reported, none crashes`, async () => {
    for (const m of manifest) {
      const report = await validateIatiFile(readFileSync(join(SHARED_IATI, 'real', m.file as string)));
      assert.equal(report.records, Number(m.activities), m.file);
    }
  });
});

describe('IATI validation in bounded memory: the XSD in slices of records', () => {
  // A file read from disk is validated against the XSD a slice of records at a time; the findings must be those of
  // the whole file: same lines (the file has lone CRs, which XML reads as line ends), same activities, root errors once.
  for (const [folder, file, sliceChars] of [
    ['real', 'dportal-dflat-activities.xml', 40_000],
    ['rules-tests', 'iati-multi-act-mult-schema-errors.xml', 1],
    ['rules-tests', 'iati-org-schema-errors.xml', 1],
  ] as const) {
    test(`${file}: slices of ${sliceChars} characters of records give the whole file's report`, async () => {
      const path = join(SHARED_IATI, folder, file);
      const now = new Date('2026-01-01');
      const whole = await validateIatiFile(readFileSync(path), { now });
      const sliced = await validateIatiFile({ path }, { now, sliceChars });
      assert.ok(
        allFindings(whole).some((f) => f.rule === '0.3.1'),
        'the file has schema findings',
      );
      assert.deepEqual(sliced, whole);
    });
  }

  test('beyond the first findings of each rule, findings are counted, not listed (the totals stay whole)', async () => {
    const path = join(SHARED_IATI, 'real', 'dportal-dflat-activities.xml');
    const now = new Date('2026-01-01');
    const all = await validateIatiFile({ path }, { now });
    const capped = await validateIatiFile({ path }, { now, listedPerRule: 2 });
    assert.deepEqual(capped.counts, all.counts);
    const listed = allFindings(capped);
    const perKey = new Map<string, number>();
    for (const f of listed) perKey.set(`${f.rule}|${f.codelist ?? ''}|${f.severity}`, (perKey.get(`${f.rule}|${f.codelist ?? ''}|${f.severity}`) ?? 0) + 1);
    assert.ok(Math.max(...perKey.values()) <= 2);
    assert.ok(capped.unlisted.length > 0);
    const total = all.counts.critical + all.counts.error + all.counts.warning;
    assert.equal(listed.length + capped.unlisted.reduce((n, u) => n + u.count, 0), total);
    assert.equal(allFindings(all).length, total, 'under the default limit every finding of this file is listed');
    const schema = capped.unlisted.find((u) => u.rule === '0.3.1');
    assert.ok(reportRows(capped).some((r) => r.rule === '0.3.1' && r.message === `${schema?.count} more findings of this rule are counted but not listed: the first 2 are`));
  });

  test('the lines of schema findings are counted like the reader’s, lone CRs included', async () => {
    const xml = '<iati-activities version="2.03">\r<iati-activity>\r<iati-identifier>XM-1</iati-identifier>\r<foo/>\r</iati-activity>\r</iati-activities>';
    const report = await validateIatiFile(enc(xml));
    const schema = allFindings(report).find((f) => f.rule === '0.3.1');
    assert.equal(schema?.line, 4);
    assert.match(schema?.message ?? '', /foo/);
  });
});
