import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../factories.ts';
import { checkA11y } from '../helpers/axe.ts';
import { type DemoSession, openDemoSession, screenshot } from '../helpers/browser.ts';

let session: DemoSession;
let page: Page;

before(async () => {
  session = await openDemoSession();
  ({ page } = session);
});
after(() => session?.close());

describe('portfolio screens in Chromium', () => {
  test('partners and agreements, with the coordination levy and its exemption', async () => {
    await page.getByRole('link', { name: 'Partners', exact: true }).click();
    await page.getByRole('heading', { name: 'Partners and agreements' }).waitFor();
    const agreements = page.locator('table.data').nth(1);
    const eu = agreements.locator('tr', { hasText: 'EU-2023-01' });
    assert.match(await eu.innerText(), /€20,000,000\.00\s+€200,000\.00/);
    assert.match(await agreements.locator('tr', { hasText: 'IN-2024-DOM' }).innerText(), /exempt: Domestic resources/);
    assert.match(await agreements.locator('tr', { hasText: 'NO-2022-PA' }).innerText(), /NOK\s?0/);
    await screenshot(page, 'partners');
  });

  test('delivery with the watch list: the project that stopped spending is flagged, with why', async () => {
    // The demonstration has hundreds of projects: narrow the view to Viet Nam through the URL.
    await page.goto(`${session.server.url}/delivery?country=VN`);
    await page.getByRole('heading', { name: 'Delivery and early warning' }).waitFor();
    await page.waitForFunction(() => document.querySelector('table.data')?.textContent?.includes('VNM/22/02/NOR'));
    await page.waitForFunction(() => document.querySelector('table.watch')?.textContent?.includes('VNM/22/02/NOR'));
    const watch = await page.locator('table.watch').innerText();
    assert.match(watch, /VNM\/22\/02\/NOR[\s\S]*No expenditure for three months\s+No expenditure since \d{4}-\d{2}: \d+ months/);
    await screenshot(page, 'delivery');
  });

  test('projects filtered by status in the URL; a project moves from pipeline to appraisal', async () => {
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByLabel('Status').selectOption('pipeline');
    await page.waitForURL(/status=pipeline/);
    // The filtered list replaces the full one when its answer arrives: wait for it rather than race it.
    await page.waitForFunction(() => {
      const text = document.querySelector('table.data tbody')?.textContent ?? '';
      return text.includes('MOZ/25/02/FDN') && !text.includes('IND/23/01/EUR');
    });
    await screenshot(page, 'projects-pipeline');
    await page.getByRole('link', { name: 'Skills for young women in agri-business' }).click();
    await page.getByRole('button', { name: 'Move to Appraisal' }).click();
    await page.getByRole('button', { name: 'Move to Approved' }).waitFor();
    assert.match(await page.locator('article').innerText(), /Lifecycle[\s\S]*Pipeline[\s\S]*Appraisal/);
    await screenshot(page, 'project');
  });

  test("a constituent viewer sees the project's published documents only, and no money, watch list or ERP import", async () => {
    const { database, server } = session;
    const project = await database.db.selectFrom('projects').select('id').where('code', '=', 'IND/23/01/EUR').executeTakeFirstOrThrow();
    // The administrator, for contrast: the confidential contract, the donor report, the import link and the watch list.
    await page.goto(`${server.url}/projects/${project.id}`);
    await page.getByRole('heading', { name: 'Donor progress report' }).waitFor();
    await page.getByRole('link', { name: 'Grant contract (demonstration)' }).waitFor();
    await checkA11y(page, 'project-administrator');
    await page.goto(`${server.url}/delivery?country=IN`);
    await page.getByRole('link', { name: 'Import expenditure from the ERP…' }).waitFor();
    await page.getByRole('heading', { name: 'Watch list' }).waitFor();

    const user = await buildUser(database.db, 'constituent_viewer', { countryCode: 'IN' });
    const viewer = await session.newPage();
    try {
      await viewer.goto(server.url);
      await viewer.getByLabel('E-mail address').waitFor();
      await checkA11y(viewer, 'sign-in');
      await viewer.getByLabel('E-mail address').fill(user.email);
      await viewer.getByLabel('Password').fill(TEST_PASSWORD);
      await viewer.keyboard.press('Enter');
      const nav = viewer.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Projects', exact: true }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Delivery', exact: true }).count(), 0, 'no Delivery in the menu');
      assert.equal(await nav.getByRole('link', { name: 'Dashboards', exact: true }).count(), 0, 'no Dashboards in the menu');
      await checkA11y(viewer, 'constituent-viewer-landing');

      await viewer.goto(`${server.url}/projects/${project.id}`);
      await viewer.getByRole('heading', { name: 'Decent work in garment supply chains' }).waitFor();
      await viewer.getByRole('link', { name: 'Project summary (demonstration)' }).waitFor();
      const page_ = await viewer.locator('article').innerText();
      assert.doesNotMatch(page_, /Grant contract/, 'the confidential contract is not listed');
      assert.doesNotMatch(page_, /Donor progress report/, 'no financial report');
      await screenshot(viewer, 'project-constituent-viewer');

      // Typed in the address bar: the page says it is not allowed, with no import link and no watch list.
      await viewer.goto(`${server.url}/delivery?country=IN`);
      await viewer.getByRole('alert').waitFor();
      await checkA11y(viewer, 'delivery-not-allowed');
      assert.equal(await viewer.getByRole('link', { name: 'Import expenditure from the ERP…' }).count(), 0);
      assert.equal(await viewer.getByRole('heading', { name: 'Watch list' }).count(), 0);
      assert.equal(await viewer.locator('table.watch').count(), 0);
    } finally {
      await viewer.close();
    }
  });
});
