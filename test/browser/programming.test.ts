import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type DemoSession, openDemoSession, screenshot } from '../helpers/browser.ts';

let session: DemoSession;
let page: Page;
let database: DemoSession['database'];

before(async () => {
  session = await openDemoSession();
  ({ page, database } = session);
});
after(() => session?.close());

describe('country programming screens in Chromium', () => {
  test('the country list shows the Delivering-as-One pilots and India', async () => {
    await page.getByRole('link', { name: 'Countries' }).click();
    await page.getByRole('heading', { name: 'Country programmes' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table.data tbody tr').length === 9);
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
    assert.match(await target.locator('summary').first().innerText(), /Protect labour rights/, "the SDG target's title, in the page's language");
    await target.locator('summary', { hasText: 'Migrant workers are protected' }).click();
    assert.ok(await target.getByText('IND102').isVisible(), 'the chain leads from SDG 8.8 to the CPO derived from the CF outcome');
    await screenshot(page, 'country-india');
    await matrix.screenshot({ path: (await screenshot(page, 'country-india')).replace('country-india', 'alignment-matrix') });
  });

  test('editing on the country page: a constituent, a milestone marked done, an alignment assessment', async () => {
    // The country page's editors open on demand.
    await page.getByRole('button', { name: 'Add a constituent' }).click();
    const form = page.getByRole('form', { name: 'Add a constituent' });
    await form.getByLabel('Kind').selectOption('other_ministry');
    await form.getByLabel('Name', { exact: false }).first().fill('Ministry of Skill Development and Entrepreneurship');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Ministry of Skill Development and Entrepreneurship').waitFor();

    const rows = page.locator('#milestones-title + table tbody tr');
    const before = await rows.count();
    await rows.first().getByRole('button', { name: 'Done' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('#milestones-title + table tbody tr').length === n - 1, before);

    await page.getByRole('button', { name: 'Assessment P3' }).click();
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

  test('editors: an indicator on a CPO, a target revised only with a reason, a CPO that must copy its CF outcome', async () => {
    const cpo = page.locator('ol.priorities li', { hasText: 'IND104' }).last();
    await cpo.getByRole('button', { name: 'Add an indicator' }).click();
    const add = cpo.getByRole('form', { name: 'Add an indicator' });
    await add.getByLabel('Title').fill('Young people in decent jobs');
    await add.getByLabel('Unit').fill('persons');
    await add.getByLabel('Baseline', { exact: true }).fill('1000');
    await add.getByRole('button', { name: 'Save' }).click();
    await cpo.getByText('Young people in decent jobs').waitFor();

    const setTarget = async (value: string, reason?: string) => {
      await cpo.getByRole('button', { name: 'Set a target or milestone' }).click();
      const f = cpo.getByRole('form', { name: 'Set a target or milestone' });
      await f.getByLabel('From').fill('2018-01-01');
      await f.getByLabel('To').fill('2022-12-31');
      await f.getByLabel('Value').fill(value);
      if (reason) await f.getByLabel('Reason for a revision').fill(reason);
      await f.getByRole('button', { name: 'Save' }).click();
      return f;
    };
    await setTarget('5000');
    await cpo.getByRole('cell', { name: '5000' }).waitFor();
    const refused = await setTarget('4000');
    await refused.locator('.field-error').waitFor();
    assert.match(await refused.locator('.field-error').innerText(), /needs a reason/);
    await refused.getByLabel('Reason for a revision').fill('Funding shortfall');
    await refused.getByRole('button', { name: 'Save' }).click();
    await cpo.getByRole('cell', { name: 'Funding shortfall' }).waitFor();
    const history = await database.db.selectFrom('indicator_targets').select(['value', 'superseded_at']).orderBy('id').execute();
    assert.deepEqual(
      history.slice(-2).map((h) => [h.value, h.superseded_at !== null]),
      [
        ['5000', true],
        ['4000', false],
      ],
    );

    await page.getByRole('button', { name: 'Add a country programme outcome' }).click();
    const cpoForm = page.getByRole('form', { name: 'Add a country programme outcome' });
    await cpoForm.getByLabel('Priority').selectOption({ index: 0 });
    await cpoForm.getByLabel('Code').fill('IND105');
    await cpoForm.getByLabel('CF outcome').selectOption({ index: 1 });
    await cpoForm.getByLabel('Text').fill('Our own wording');
    await cpoForm.getByRole('button', { name: 'Save' }).click();
    await cpoForm.locator('.field-error').waitFor();
    assert.match(await cpoForm.locator('.field-error').innerText(), /verbatim/);
    await cpoForm.getByLabel('Text').fill('');
    await cpoForm.getByRole('button', { name: 'Save' }).click();
    await page.getByText('IND105').first().waitFor();
    await screenshot(page, 'country-india-editing');
  });

  test('resources needed by a CPO: recorded, refused when the amount has too many decimals, changed', async () => {
    const cpo = page.locator('ol.priorities li', { hasText: 'IND104' }).last();
    await cpo.getByRole('button', { name: 'Record the resources needed' }).click();
    const form = cpo.getByRole('form', { name: 'Record the resources needed' });
    await form.getByLabel('From year').fill('2030');
    await form.getByLabel('To year').fill('2031');
    await form.getByLabel('Needed').fill('1200000.005');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.field-error').waitFor();
    assert.match(await form.locator('.field-error').innerText(), /decimals/);
    await form.getByLabel('Needed').fill('1200000');
    await form.getByLabel('Available when identified').fill('300000');
    await form.getByRole('button', { name: 'Save' }).click();
    const row = cpo.getByRole('row', { name: /2030–2031/ });
    await row.waitFor();
    assert.match(await row.innerText(), /1,200,000/);
    await row.getByRole('button', { name: 'Change the need for 2030–2031' }).click();
    const change = row.getByRole('form', { name: 'Change the need for 2030–2031' });
    await change.getByLabel('Needed').fill('1500000');
    await change.getByRole('button', { name: 'Save' }).click();
    await cpo.getByRole('cell', { name: /^\S?\$1,500,000$/ }).waitFor();
    const stored = await database.db.selectFrom('resource_needs').select(['needed', 'version']).where('year_from', '=', 2030).execute();
    assert.deepEqual(
      stored.map((n) => [Number(n.needed), n.version]),
      [[1500000, 2]],
    );
    await screenshot(page, 'country-resource-needs');
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

  test('organisation-wide frameworks: the programme and budget with its outcomes; adding one', async () => {
    await page.getByRole('link', { name: 'Frameworks' }).click();
    await page.getByRole('heading', { name: 'Organisation-wide frameworks' }).waitFor();
    assert.match(await page.locator('section.card').first().innerText(), /Comprehensive and sustainable social protection for all/);
    await page.getByRole('button', { name: 'Add an outcome' }).click();
    const f = page.getByRole('form', { name: 'Add an outcome' });
    await f.getByLabel('Code').fill('1');
    await f.getByLabel('Title').fill('Strong tripartite constituents and influential and inclusive social dialogue');
    await f.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Strong tripartite constituents').waitFor();
    await screenshot(page, 'frameworks');
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
