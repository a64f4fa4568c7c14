import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildApp, Client } from '../../../test/helpers/api.ts';
import { openTestDatabase } from '../../../test/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { chromiumPath } from './render-pdf.ts';

/*
 * Every report of the demonstration data in every format: the HTML page, a DOCX that is a valid Office
 * Open XML package (unzipped, every XML part well-formed, the text of the tables inside), the XLSX tables
 * (read back with ExcelJS), and a PDF where Chromium is installed.
 */
let database: Database;
let app: ReturnType<typeof buildApp>;
let api: Client;
const reports: { name: string; path: string; expect: string }[] = [];

before(async () => {
  database = await openTestDatabase();
  await loadDemo(database.db, { email: 'admin@example.org', password: 'a demonstration password' });
  app = buildApp(database);
  api = new Client(app);
  await api.signIn('admin@example.org', 'a demonstration password');
  const project = await database.db
    .selectFrom('projects')
    .innerJoin('project_finance', 'project_finance.project_id', 'projects.id')
    .select(['projects.id', 'projects.title'])
    .where('projects.status', '=', 'active')
    .orderBy('projects.code')
    .executeTakeFirstOrThrow();
  const country = await database.db
    .selectFrom('country_profiles')
    .innerJoin('countries', 'countries.code', 'country_profiles.country_code')
    .innerJoin('dwcps', 'dwcps.country_code', 'country_profiles.country_code')
    .select(['country_profiles.country_code', 'countries.name_en'])
    .orderBy('country_profiles.country_code')
    .executeTakeFirstOrThrow();
  reports.push(
    { name: 'plan progress (2019–20)', path: '/api/reports/plan-progress/UNDS-POA-2019-20?asOf=2020-03-02&symbol=GB.338/INS/9', expect: 'Completed/ongoing' },
    { name: 'plan progress (1999)', path: '/api/reports/plan-progress/TC-IMPL-1999?asOf=2000-08-31', expect: 'Status as at 31 August 2000' },
    { name: 'strategy measurement', path: '/api/reports/strategy-measurement/TC-STRATEGY-2010-15?asOf=2015-12-31', expect: 'Biennial milestones' },
    { name: 'donor progress', path: `/api/reports/donor-progress/${project.id}`, expect: project.title },
    { name: 'country brief', path: `/api/reports/country-brief/${country.country_code}`, expect: `Country brief: ${country.name_en}` },
  );
});
after(() => database.close());

async function fetchBytes(path: string) {
  const res = await app.request(path, { headers: { Cookie: api.cookie ?? '' } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.equal(res.status, 200, new TextDecoder().decode(bytes).slice(0, 500));
  return { bytes, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '' };
}

const xmlErrors = (text: string) => {
  const problems: string[] = [];
  new DOMParser({ onError: (level, msg) => level !== 'warning' && problems.push(msg) }).parseFromString(text, 'text/xml');
  return problems;
};

describe('reports of the demonstration data in every format', () => {
  test('HTML: a self-contained page with the title block and the tables', async () => {
    for (const r of reports) {
      const { bytes, type } = await fetchBytes(`${r.path}${r.path.includes('?') ? '&' : '?'}format=html`);
      const html = new TextDecoder().decode(bytes);
      assert.match(type, /text\/html/);
      assert.ok(html.includes(r.expect.replace(/&/g, '&amp;').replace(/'/g, "'")), `${r.name}: ${r.expect}`);
      assert.match(html, /<table>/, r.name);
      assert.doesNotMatch(html, /<script/, 'no script in a report');
    }
  });

  test('DOCX: a valid Word package (content types, document part, every XML part well-formed) with the text', async () => {
    for (const r of reports) {
      const { bytes, type, disposition } = await fetchBytes(`${r.path}${r.path.includes('?') ? '&' : '?'}format=docx`);
      assert.equal(type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.match(disposition, /attachment; filename=".+\.docx"/);
      assert.doesNotMatch(disposition, /filename="[^"]*\//, `${r.name}: a code's slashes are not in the file name`);
      const zip = await JSZip.loadAsync(bytes);
      for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']) assert.ok(zip.file(part), `${r.name}: ${part}`);
      for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
        const text = await zip.file(name)?.async('string');
        assert.deepEqual(xmlErrors(text ?? ''), [], `${r.name}: ${name} is well-formed XML`);
      }
      const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const text = [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      const decoded = text
        .replace(/&amp;/g, '&')
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"');
      assert.ok(decoded.includes(r.expect), `${r.name}: the document says ${r.expect}`);
      assert.match(documentXml, /<w:tbl>/, `${r.name}: tables are Word tables`);
    }
  });

  test('XLSX: the tables of each report, one sheet each, read back', async () => {
    const { bytes } = await fetchBytes('/api/reports/plan-progress/UNDS-POA-2019-20?asOf=2020-03-02&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = book.getWorksheet('Appendix');
    assert.ok(sheet);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['Action item', 'Due by', 'Status']);
    assert.equal(sheet.getRow(3).getCell(3).value, 'Completed/ongoing');
    assert.equal(sheet.rowCount, 16, 'header, 3 components, 12 items');
    const strategy = await fetchBytes('/api/reports/strategy-measurement/TC-STRATEGY-2010-15?asOf=2015-12-31&format=xlsx');
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(strategy.bytes.buffer as ArrayBuffer);
    assert.deepEqual(
      book2.worksheets.map((w) => w.name),
      ['Outcome 1', 'Outcome 1 progress', 'Outcome 2', 'Outcome 2 progress', 'Outcome 3', 'Outcome 3 progress', 'Costing'],
    );
  });

  test('PDF (Chromium print, where installed)', { skip: chromiumPath() ? false : 'Chromium is not installed here' }, async () => {
    const { bytes, type } = await fetchBytes('/api/reports/plan-progress/UNDS-POA-2019-20?asOf=2020-03-02&format=pdf');
    assert.equal(type, 'application/pdf');
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
    const pages = new TextDecoder('latin1').decode(bytes).match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.ok(pages.length >= 2, `the appendix spans pages (${pages.length})`);
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  test('DOCX converts to PDF with LibreOffice (where installed)', { skip: soffice ? false : 'LibreOffice is not installed here' }, async () => {
    const { bytes } = await fetchBytes('/api/reports/strategy-measurement/TC-STRATEGY-2010-15?asOf=2015-12-31&format=docx');
    const dir = mkdtempSync(join(tmpdir(), 'devcoop-docx-'));
    try {
      writeFileSync(join(dir, 'report.docx'), bytes);
      execFileSync(soffice as string, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { timeout: 120_000 });
      assert.equal(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString(), '%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unknown report subject is 404; a bad format or date is 400', async () => {
    assert.equal((await api.get('/api/reports/strategy-measurement/NO-SUCH')).status, 404);
    assert.equal((await api.get('/api/reports/plan-progress/UNDS-POA-2019-20?format=odt')).status, 400);
    assert.equal((await api.get('/api/reports/plan-progress/UNDS-POA-2019-20?asOf=2020-13-45')).status, 400);
  });
});
