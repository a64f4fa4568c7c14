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
    await page.getByRole('link', { name: 'Delivery', exact: true }).click();
    await page.getByRole('heading', { name: 'Delivery and early warning' }).waitFor();
    await page.locator('table.data tbody tr').first().waitFor();
    const rows = await page.locator('table.data').first().innerText();
    assert.match(rows, /IND\/23\/01\/EUR/);
    assert.match(rows, /VNM\/22\/02\/NOR/);
    const watch = await page.locator('#watch-title + p + table').innerText();
    assert.match(watch, /VNM\/22\/02\/NOR\s+No expenditure for three months\s+No expenditure since \d{4}-\d{2}: 6 months/);
    await screenshot(page, 'delivery');
  });

  test('projects filtered by status in the URL; a project moves from pipeline to appraisal', async () => {
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByLabel('Status').selectOption('pipeline');
    await page.waitForURL(/status=pipeline/);
    // The filtered list replaces the full one when its answer arrives: wait for it rather than race it.
    await page.waitForFunction(() => document.querySelectorAll('table.data tbody tr').length === 1);
    assert.match(await page.locator('table.data tbody').innerText(), /MOZ\/25\/02\/FDN/);
    await page.getByRole('link', { name: 'Skills for young women in agri-business' }).click();
    await page.getByRole('button', { name: 'Move to Appraisal' }).click();
    await page.getByRole('button', { name: 'Move to Approved' }).waitFor();
    assert.match(await page.locator('article').innerText(), /Lifecycle[\s\S]*Pipeline[\s\S]*Appraisal/);
    await screenshot(page, 'project');
  });
});
