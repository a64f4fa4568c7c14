import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../src/server/db/connect.ts';
import { loadDemo } from '../../src/server/demo/load-demo.ts';
import { launchChromium, screenshot, startTestServer } from '../helpers/browser.ts';
import { openTestDatabase } from '../helpers/test-db.ts';

const ADMIN = { email: 'admin@example.org', password: 'browser test password' };
let database: Database;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;

before(async () => {
  database = await openTestDatabase();
  await loadDemo(database.db, ADMIN);
  server = await startTestServer(database);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await page.goto(server.url);
  await page.getByLabel('E-mail address').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Offices' }).waitFor();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe('country programming screens in Chromium', () => {
  test('the country list shows the Delivering-as-One pilots and India', async () => {
    await page.getByRole('link', { name: 'Countries' }).click();
    await page.getByRole('heading', { name: 'Country programmes' }).waitFor();
    const rows = page.locator('table.data tbody tr');
    assert.equal(await rows.count(), 9);
    assert.ok(await page.getByRole('link', { name: 'Uruguay' }).isVisible());
    await screenshot(page, 'countries');
  });

  test('the country page of India: DWCP derived from the CF, alignment matrix, results chain, milestones', async () => {
    await page.getByRole('link', { name: 'India' }).click();
    await page.getByRole('heading', { name: 'India', level: 1 }).waitFor();
    const matrix = page.locator('table.matrix');
    await matrix.waitFor();
    assert.equal(await matrix.locator('tbody tr').count(), 4, 'four DWCP priorities');
    assert.equal(await matrix.locator('thead th').count(), 4 + 3, 'four CF outcomes plus the label and two level columns');
    assert.equal(await matrix.locator('td.cell.outcome').count(), 3, 'three CPOs derived from CF outcomes');
    assert.equal(await matrix.locator('td.cell.output').count(), 1, 'one link at output level');
    const text = await page.locator('article').innerText();
    assert.match(text, /IND826 .*additional \(normative\)/);
    assert.match(text, /Tripartite consultation on the next DWCP/);
    const target = page.locator('ul.tree > li', { has: page.locator('summary', { hasText: 'SDG 8.8' }) });
    await target.locator('summary', { hasText: 'SDG 8.8' }).click();
    await target.locator('summary', { hasText: 'Migrant workers are protected' }).click();
    assert.ok(await target.getByText('IND102').isVisible(), 'the chain leads from SDG 8.8 to the CPO derived from the CF outcome');
    await screenshot(page, 'country-india');
    await matrix.screenshot({ path: (await screenshot(page, 'country-india')).replace('country-india', 'alignment-matrix') });
  });

  test('editing on the country page: a constituent, a milestone marked done, an alignment assessment', async () => {
    const form = page.getByRole('form', { name: 'Add a constituent' });
    await form.getByLabel('Kind').selectOption('other_ministry');
    await form.getByLabel('Name').fill('Ministry of Skill Development and Entrepreneurship');
    await form.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Ministry of Skill Development and Entrepreneurship').waitFor();

    const rows = page.locator('#milestones-title + table tbody tr');
    const before = await rows.count();
    await rows.first().getByRole('button', { name: 'Done' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('#milestones-title + table tbody tr').length === n - 1, before);

    const assess = page.getByRole('form', { name: 'Assessment P3' });
    await assess.getByLabel('Assessment').selectOption('partially');
    await assess.getByLabel('Evidence').fill('CF output on ratification campaigns');
    await assess.getByRole('button', { name: 'Save' }).click();
    await page.getByText('CF output on ratification campaigns').first().waitFor();
    const stored = await database.db.selectFrom('dwcp_priorities').select(['alignment_recorded', 'alignment_evidence']).where('code', '=', 'P3').executeTakeFirstOrThrow();
    assert.deepEqual(stored, { alignment_recorded: 'partially', alignment_evidence: 'CF output on ratification campaigns' });
    const audit = await database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'dwcp_priority').where('action', 'like', 'update%').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['update'],
    );
  });

  test('importing a country programme from the countries page; a faulty file is explained and changes nothing', async () => {
    await page.getByRole('link', { name: 'Countries' }).click();
    await page.getByRole('heading', { name: 'Country programmes' }).waitFor();
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'examples', 'programme-kenya.json'), 'utf8'));
    const faulty = structuredClone(doc);
    faulty.dwcps[0].priorities[0].cpos[0].cfOutcome = 'O9';
    await page.getByLabel('JSON file').setInputFiles({ name: 'kenya.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(faulty)) });
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).waitFor();
    assert.match(await page.getByRole('alert').innerText(), /dwcps\[0\]\.priorities\[0\]\.cpos\[0\]\.cfOutcome/);
    assert.equal((await database.db.selectFrom('country_profiles').select('country_code').where('country_code', '=', 'KE').execute()).length, 0);
    await page.getByLabel('JSON file').setInputFiles({ name: 'kenya.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.getByRole('status').filter({ hasText: 'Imported the country programme of KE' }).waitFor();
    await page.getByRole('link', { name: 'Kenya' }).waitFor();
    await screenshot(page, 'countries-import');
  });

  test('the calendar lists coming milestones and whom to tell now; the iCalendar link downloads', async () => {
    await page.getByRole('link', { name: 'UN calendar' }).click();
    await page.getByRole('heading', { name: 'UN and DWCP process calendar' }).waitFor();
    await page.locator('table.data tbody tr').first().waitFor();
    assert.equal(await page.locator('table.data tbody tr').count(), 8 * 2 + 3 - 1, 'two milestones for each pilot, three for India (one marked done); Kenya’s is beyond 24 months');
    assert.match(await page.locator('ul.notify').innerText(), /Common Country Analysis update/);
    await screenshot(page, 'calendar');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /iCalendar/ }).click()]);
    assert.equal(download.suggestedFilename(), 'devcoop-calendar.ics');
  });

  test('the portfolio alignment view, in Spanish', async () => {
    await page.getByRole('link', { name: 'Alignment' }).click();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Alineación en toda la cartera' }).waitFor();
    assert.match(await page.locator('table.data').innerText(), /Regional Office for Asia and the Pacific\s+2018\s+4/);
    await screenshot(page, 'alignment-portfolio-es');
    await page.getByLabel('Idioma').selectOption('en');
  });
});
