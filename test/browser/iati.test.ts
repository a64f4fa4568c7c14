import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type DemoSession, openDemoSession, screenshot } from '../helpers/browser.ts';
import { SHARED_IATI } from '../helpers/shared-iati.ts';

let session: DemoSession;
let page: Page;

before(async () => {
  session = await openDemoSession();
  ({ page } = session);
});
after(() => session?.close());

describe('IATI in Chromium', () => {
  test('the published activity file is public: read without signing in', async () => {
    const res = await page.request.get(`${session.server.url}/iati/activities.xml`, { headers: { Cookie: '' } });
    assert.equal(res.status(), 200);
    assert.match(await res.text(), /<iati-activities version="2.03"/);
  });

  test('validating a file: progress, then the report grouped by activity, with downloads', async () => {
    await page.getByRole('link', { name: 'IATI', exact: true }).click();
    await page.getByRole('heading', { name: 'IATI: publish, validate, import' }).waitFor();
    const form = page.getByRole('form', { name: 'Validate an IATI file' });
    await form.getByLabel('IATI XML file').setInputFiles(join(SHARED_IATI, 'rules-tests', 'iati-multi-act-dateOrder-error.xml'));
    await form.getByRole('button', { name: 'Validate' }).click();
    const report = page.getByRole('region', { name: /Report on iati-multi-act-dateOrder-error\.xml/ });
    await report.waitFor();
    assert.match(await report.getByRole('alert').innerText(), /Not valid: \d+ records, version 2\.03; 0 critical, [1-9]\d* errors/);
    assert.match(await report.innerText(), /11\.1\.2/);
    assert.equal(await report.getByRole('link', { name: 'CSV' }).count(), 1);
    await screenshot(page, 'iati-validation-report');
  });

  test('a file breaking one rule in every activity: the first 1,000 findings of the rule are listed, the rest counted', async () => {
    const activities = Array.from({ length: 1100 }, (_, i) => `<iati-activity><iati-identifier>XM-TEST-${i}</iati-identifier><unknown-element/></iati-activity>`);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n${activities.join('\n')}\n</iati-activities>\n`;
    const form = page.getByRole('form', { name: 'Validate an IATI file' });
    await form.getByLabel('IATI XML file').setInputFiles({ name: 'every-activity-wrong.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await form.getByRole('button', { name: 'Validate' }).click();
    const report = page.getByRole('region', { name: /Report on every-activity-wrong\.xml/ });
    await report.waitFor({ timeout: 60_000 });
    assert.match(await report.getByRole('alert').innerText(), /Not valid: 1100 records, version 2\.03; 1100 critical/);
    const notice = report.getByRole('status').filter({ hasText: 'Only the first 1000 findings of each rule are listed' });
    assert.match(await notice.innerText(), /rule 0\.3\.1 \(Critical\): 100 more/);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, 'iati-validation-unlisted');
  });

  test('checking what we publish: the demonstration file has no error', async () => {
    await page.getByRole('button', { name: 'Check what we publish' }).click();
    const report = page.getByRole('region', { name: /Report on activities\.xml/ });
    await report.waitFor({ timeout: 120_000 });
    assert.match(await report.getByRole('status').innerText(), /Valid: \d{3} records, version 2\.03/);
  });

  test('importing a donor file as an HQ user: the counts, and what was skipped', async () => {
    const form = page.getByRole('form', { name: 'Import a partner’s IATI file' });
    await form.getByLabel('IATI XML file').setInputFiles(join(SHARED_IATI, 'real', 'flattener-gdihub-activity.xml'));
    await form.getByRole('button', { name: 'Import' }).click();
    const result = page.getByRole('region', { name: /Import of flattener-gdihub-activity\.xml/ });
    await result.waitFor();
    assert.match(await result.innerText(), /4 activities imported \(4 new, 0 updated\), 0 skipped; 12 transactions imported, 0 skipped/);
    await screenshot(page, 'iati-import');
  });

  test('on a project page: an imported donor activity is found, linked, and shown', async () => {
    const project = await session.database.db.selectFrom('projects').select('id').where('code', '=', 'IND/23/01/EUR').executeTakeFirstOrThrow();
    await page.goto(`${session.server.url}/projects/${project.id}`);
    const section = page.getByRole('region', { name: 'IATI: co-financing and traceability' });
    await section.getByText('XE-EXAMPLE-DEVCOOP-DEMO-IND-23-01-EUR').waitFor();
    await section.getByRole('searchbox', { name: 'Find an imported activity' }).fill('GB-COH-11126312-Cluster1');
    await section.getByRole('button', { name: 'Find' }).click();
    await section.getByRole('button', { name: 'Link to this project' }).click();
    await section.getByRole('button', { name: 'Unlink' }).waitFor();
    assert.match(await section.innerText(), /GB-COH-11126312-Cluster1/);
    await screenshot(page, 'project-iati-links');
  });

  test('on a project page: documents are listed, one added by keyboard-usable form; related activities shown', async () => {
    const docs = page.getByRole('region', { name: 'Documents' });
    await docs.getByRole('link', { name: 'Mid-term evaluation (demonstration)' }).waitFor();
    assert.match(await docs.innerText(), /Grant contract \(demonstration\) \(PDF\)\s*confidential/i);
    await docs.getByRole('button', { name: 'Add a document' }).click();
    const form = docs.getByRole('form', { name: 'Add a document' });
    await form.getByLabel('Title').fill('Final evaluation');
    await form.getByLabel('Web address').fill('not an address');
    await form.getByLabel('Category (IATI)').selectOption('A07');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.field-error', { hasText: 'a web address starting with http:// or https://' }).waitFor();
    await form.getByLabel('Web address').fill('https://example.org/devcoop-demo/final-evaluation.pdf');
    await form.getByRole('button', { name: 'Save' }).click();
    await docs.getByRole('link', { name: 'Final evaluation' }).waitFor();
    page.once('dialog', (d) => d.accept());
    await docs.getByRole('button', { name: 'Remove Final evaluation' }).click();
    await docs.getByRole('link', { name: 'Mid-term evaluation (demonstration)' }).waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('a')].some((a) => a.textContent === 'Final evaluation'));
    assert.equal(await docs.getByText(/Send the request body/).count(), 0, 'the delete went through');
    assert.equal(await docs.getByRole('link', { name: 'Final evaluation' }).count(), 0);
    const related = page.getByRole('region', { name: 'Related activities' });
    assert.match(await related.innerText(), /XE-EXAMPLE-DEVCOOP-DEMO-PAK-24-01-EUR \(sibling\)/);
    await docs.scrollIntoViewIfNeeded();
    await screenshot(page, 'project-documents');
  });

  test('on a project page: its activity is checked before publishing; a finding names the part of the project to fix', async () => {
    const check = page.getByRole('region', { name: 'Check before publishing' });
    await check.getByText(/^Ready to publish: no error/).waitFor();
    // A funding partner's identifier with a slash: IATI warns (1.8.13), publication is still allowed.
    const db = session.database.db;
    const eu = await db.selectFrom('partners').select(['id', 'organisation_ref']).where('code', '=', 'EU').executeTakeFirstOrThrow();
    await db.updateTable('partners').set({ organisation_ref: 'XI-IATI-EC/INTPA' }).where('id', '=', eu.id).execute();
    try {
      await check.getByRole('button', { name: 'Check again' }).click();
      const row = check.getByRole('row', { name: /1\.8\.13/ });
      await row.waitFor();
      assert.match(await row.innerText(), /Warning\s+1\.8\.13\s+participating-org\/@ref\s+Fix in the project: partners/i);
      await check.scrollIntoViewIfNeeded();
      await screenshot(page, 'project-iati-check');
    } finally {
      await db.updateTable('partners').set({ organisation_ref: eu.organisation_ref }).where('id', '=', eu.id).execute();
    }
  });

  test('publishing one activity per country programme outcome and biennium (a finding names the outcome), then per project again', async () => {
    await page.goto(`${session.server.url}/iati`);
    const unit = page.getByRole('group', { name: 'Publish one activity for each' });
    await unit.getByLabel(/country programme outcome and biennium/).check();
    await unit.getByText('Saved: the published file follows at once.').waitFor();
    await screenshot(page, 'iati-activity-unit');
    const file = await (await page.request.get(`${session.server.url}/iati/activities.xml`, { headers: { Cookie: '' } })).text();
    assert.match(file, /<iati-identifier>XE-EXAMPLE-DEVCOOP-DEMO-IND101-\d{4}-\d{4}<\/iati-identifier>/);
    assert.doesNotMatch(file, /<iati-identifier>XE-EXAMPLE-DEVCOOP-DEMO-IND-23-01-EUR<\/iati-identifier>/);
    // A finding in an outcome's activity names the outcome, and says the partners are fixed in its linked projects.
    const db = session.database.db;
    const eu = await db.selectFrom('partners').select(['id', 'organisation_ref']).where('code', '=', 'EU').executeTakeFirstOrThrow();
    await db.updateTable('partners').set({ organisation_ref: 'XI-IATI-EC/INTPA' }).where('id', '=', eu.id).execute();
    try {
      await page.getByRole('button', { name: 'Check what we publish' }).click();
      const report = page.getByRole('region', { name: /Report on activities\.xml/ });
      await report.waitFor({ timeout: 120_000 });
      const activity = report.locator('details').filter({ hasText: '1.8.13' }).first();
      await activity.locator('summary').click();
      assert.match(await activity.getByRole('link').first().innerText(), /^Outcome [A-Z]{2,3}\d+, \d{4}–\d{4}: /);
      const row = activity.getByRole('row', { name: /1\.8\.13/ }).first();
      assert.match(await row.innerText(), /participating-org\/@ref\s+Fix in the projects linked to the outcome: partners/i);
      await activity.scrollIntoViewIfNeeded();
      await screenshot(page, 'iati-check-outcome-finding');
    } finally {
      await db.updateTable('partners').set({ organisation_ref: eu.organisation_ref }).where('id', '=', eu.id).execute();
    }
    await unit.getByLabel('project', { exact: true }).check();
    await unit.getByText('Saved: the published file follows at once.').waitFor();
    const again = await (await page.request.get(`${session.server.url}/iati/activities.xml`, { headers: { Cookie: '' } })).text();
    assert.match(again, /<iati-identifier>XE-EXAMPLE-DEVCOOP-DEMO-IND-23-01-EUR<\/iati-identifier>/);
  });
});
