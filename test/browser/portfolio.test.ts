import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
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
    assert.match(await eu.innerText(), /€20,000,000\s+€200,000/);
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
    await page.getByRole('link', { name: 'Skills for young women in agri-business' }).click();
    await page.getByRole('button', { name: 'Move to Appraisal' }).click();
    await page.getByRole('button', { name: 'Move to Approved' }).waitFor();
    assert.match(await page.locator('article').innerText(), /Lifecycle[\s\S]*Pipeline[\s\S]*Appraisal/);
    await screenshot(page, 'project');
  });
});
