import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildOffice, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildApp, Client } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';
import { recordDocument } from './iati-dom.ts';
import { validateIatiFile } from './iati-validate.ts';
import { IatiFileError, MAX_DEPTH, MAX_TEXT_CHARS, readIatiXml, type XEl } from './iati-xml.reader.ts';

/*
 * A file decides how deep its elements nest and how long its texts are: neither may end in a stack overflow or a
 * narrative of 50 MB stored whole. The reader stops at its limits with the line and the limit named; validation
 * reports that as a finding, the import refuses the file and changes nothing.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'devcoop-iati-limits-'));
const GOOD = `<iati-activity default-currency="USD" last-updated-datetime="2024-01-01T00:00:00Z" xml:lang="en">
<iati-identifier>XE-EXAMPLE-LIMITS-1</iati-identifier><reporting-org ref="XE-EXAMPLE-LIMITS" type="80"><narrative>Example</narrative></reporting-org>
<title><narrative>A good activity</narrative></title></iati-activity>`;
// Line 1 the declaration, 2 the root, 3–5 a good activity, 6 the start of the bad one, 7 its identifier, 8 the deep or long part.
const file = (bad: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n${GOOD}\n<iati-activity>\n<iati-identifier>XE-EXAMPLE-LIMITS-2</iati-identifier>\n${bad}\n</iati-activity>\n</iati-activities>\n`;
const DEEP = file(`${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`);
const LONG = file(`<description><narrative>${'a'.repeat(MAX_TEXT_CHARS + 1)}</narrative></description>`);
const deepPath = join(dir, 'deep.xml');
const longPath = join(dir, 'long.xml');
writeFileSync(deepPath, DEEP);
writeFileSync(longPath, LONG);
const depthLimit = new RegExp(`line 8 is nested ${MAX_DEPTH + 1} deep, beyond the limit of ${MAX_DEPTH}`);
const textLimit = /at line 8 is longer than the limit of 1,000,000 characters/;

let database: Database;
let hq: Client;
before(async () => {
  database = await openTestDatabase();
  const app = buildApp(database);
  await buildOffice(database.db, { code: 'HQ' });
  hq = new Client(app);
  await hq.signIn((await buildUser(database.db, 'hq_officer')).email, TEST_PASSWORD);
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
});

describe('IATI reader limits: element depth and text length', () => {
  test('the reader stops at the depth limit and at the text limit, naming the line and the limit', async () => {
    await assert.rejects(
      readIatiXml([DEEP], { record: () => {} }),
      (e: IatiFileError) => e instanceof IatiFileError && e.code === '0.9.1' && e.line === 8 && depthLimit.test(e.message),
    );
    await assert.rejects(readIatiXml([LONG], { record: () => {} }), (e: IatiFileError) => e.code === '0.9.1' && e.line === 8 && textLimit.test(e.message));
    // An element's text in many pieces, an attribute value, a comment: each bounded the same way.
    const small = { maxText: 10 };
    const read = (xml: string) => readIatiXml([xml], { record: () => {} }, small);
    await assert.rejects(
      read('<iati-activities><iati-activity><title>aaaa<!--c-->aaaa<!--c-->aaaa</title></iati-activity></iati-activities>'),
      /The text of <title> at line 1 .* limit of 10 /,
    );
    await assert.rejects(read('<iati-activities><iati-activity ref="12345678901"/></iati-activities>'), /The attribute @ref of <iati-activity> at line 1 .* limit of 10 /);
    await assert.rejects(read(`<iati-activities>\n<!--${'c'.repeat(200_000)}--></iati-activities>`), /A text at line 2 .* limit of 10 /);
    // Within the limits, nothing changes.
    const ids: string[] = [];
    await readIatiXml(
      [`<iati-activities><iati-activity><iati-identifier>${'b'.repeat(10)}</iati-identifier></iati-activity></iati-activities>`],
      { record: (el) => void ids.push(el.children[0]?.text ?? '') },
      small,
    );
    assert.deepEqual(ids, ['b'.repeat(10)]);
  });

  test('the validation DOM is built and numbered without recursion: 100,000 levels do not overflow the stack', () => {
    const top: XEl = { name: 'iati-activity', attrs: {}, children: [], text: '', line: 1 };
    let cur = top;
    for (let i = 0; i < 100_000; i++) {
      const next: XEl = { name: 'x', attrs: { n: String(i) }, children: [], text: '', line: i + 2 };
      cur.children.push(next);
      cur = next;
    }
    cur.text = 'deepest';
    const doc = recordDocument(top, { name: 'iati-activities', attrs: { version: '2.03' } });
    let node: Node | null = doc.documentElement;
    let depth = 0;
    while (node?.firstChild && node.firstChild.nodeType === 1) {
      node = node.firstChild;
      depth++;
    }
    assert.equal(depth, 100_001);
    assert.equal(node?.textContent, 'deepest');
    // Document order still answers from the numbering: the deepest element follows the activity and is inside it.
    const activity = doc.documentElement.firstChild as Node;
    assert.equal(activity.compareDocumentPosition(node as Node), 0x04 | 0x10);
  });

  test('validation reports the limit as a located finding, and the activity before it', async () => {
    for (const [xml, limit] of [
      [DEEP, depthLimit],
      [LONG, textLimit],
    ] as const) {
      const report = await validateIatiFile(new TextEncoder().encode(xml));
      assert.equal(report.valid, false);
      assert.equal(report.records, 1, 'the good activity before it was read');
      assert.equal(report.file.length, 1);
      assert.equal(report.file[0]?.rule, '0.9.1');
      assert.equal(report.file[0]?.severity, 'critical');
      assert.equal(report.file[0]?.line, 8);
      assert.match(report.file[0]?.message ?? '', limit);
    }
  });

  test('devcoop iati validate prints the finding with its line and limit and exits 1 (no stack overflow)', () => {
    for (const [path, limit] of [
      [deepPath, depthLimit],
      [longPath, textLimit],
    ] as const) {
      const run = spawnSync(process.execPath, [join(root, 'bin', 'devcoop.js'), 'iati', 'validate', path], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, LOG_LEVEL: 'warn' },
      });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout + run.stderr, /Maximum call stack|devcoop failed/);
      const line = run.stdout.split('\n').find((l) => l.startsWith('line 8: critical 0.9.1: '));
      assert.ok(line, run.stdout);
      assert.match(line, limit);
      assert.match(run.stdout, /: 1 activities, version 2\.03: 1 critical, \d+ errors, \d+ warnings — not valid\./);
    }
  });

  test('the API validation job reports the finding; the import job refuses the file and changes nothing', async () => {
    const poll = async (id: string) => {
      for (let i = 0; i < 2000; i++) {
        const job = (await hq.get(`/api/jobs/${id}`)).body;
        if (job.status !== 'running' && job.status !== 'queued') return job;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the job did not finish');
    };
    const upload = (path: string, name: string, body: string) => hq.request('POST', `${path}?fileName=${name}`, body, { 'Content-Type': 'application/octet-stream' });
    for (const [xml, limit] of [
      [DEEP, depthLimit],
      [LONG, textLimit],
    ] as const) {
      const validation = await poll((await upload('/api/iati/validations', 'bad.xml', xml)).body.jobId);
      assert.equal(validation.status, 'done', JSON.stringify(validation.error));
      assert.equal(validation.result.file[0].rule, '0.9.1');
      assert.equal(validation.result.file[0].line, 8);
      assert.match(validation.result.file[0].message, limit);

      // Refused, not truncated: a narrative cut short would be stored as the publisher's words, and the activity
      // before it is not kept either (one transaction), as for any file that cannot be read.
      const imported = await poll((await upload('/api/iati/imports', 'bad.xml', xml)).body.jobId);
      assert.equal(imported.status, 'failed');
      assert.match(imported.error, limit);
      assert.match(imported.error, /\(line 8\)\. Nothing was changed\.$/);
      assert.doesNotMatch(imported.error, /unexpectedly/);
    }
    const count = async (table: 'iati_activities' | 'iati_imports') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await count('iati_activities'), 0);
    assert.equal(await count('iati_imports'), 0);
  });
});
