import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type DemoSession, openDemoSession, screenshot, startTestServer } from '../helpers/browser.ts';

let session: DemoSession;
let page: Page;

before(async () => {
  session = await openDemoSession();
  ({ page } = session);
});
after(() => session?.close());

const year = new Date().getUTCFullYear();

describe('dashboards in Chromium', () => {
  test('the delivery dashboard: headline figures, the year’s curve, five years, delivery by region; the question in the URL', async () => {
    await page.getByRole('link', { name: 'Dashboards', exact: true }).click();
    await page.locator('[data-ready="delivery"] svg').first().waitFor();
    const kpis = await page.locator('.kpis').innerText();
    assert.match(kpis, /Delivery rate\s+\d+(\.\d)?%/);
    assert.match(kpis, /Flags on the watch list\s+\d+/);
    assert.equal((await page.locator('[data-ready="delivery"] svg[role="img"]').count()) >= 3, true, 'curve, trend and groups are drawn');
    const regions = await page.locator('#groups-title ~ table').innerText();
    assert.match(regions, /Regional Office for Africa/);
    await page.getByLabel('Group by', { exact: true }).selectOption('funding_source');
    await page.waitForURL(/by=funding_source/);
    await page.waitForFunction(() => document.querySelector('#groups-title ~ table')?.textContent?.includes('Extra-budgetary'));
    await page
      .locator('form.filters')
      .getByLabel('Year')
      .selectOption(String(year - 1));
    await page.waitForURL(new RegExp(`year=${year - 1}`));
    await page.getByText(`months 1–12 of ${year - 1}`).waitFor();
    // last year's delivery of the synthetic portfolio is near the 75–85% its generator aims at
    const rate = Number((await page.locator('.kpi').first().locator('strong').innerText()).replace('%', ''));
    assert.ok(rate > 70 && rate < 90, `delivery ${rate}%`);
    await screenshot(page, 'dashboard-delivery');
    // The same URL opened afresh shows the same view (a view can be shared).
    const url = page.url();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('#groups-title ~ table')?.textContent?.includes('Extra-budgetary'));
  });

  test('the portfolio dashboard draws the world map by country, with the map as a table', async () => {
    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await page.locator('[data-ready="portfolio"] .chart svg path').first().waitFor();
    assert.ok((await page.locator('#map-title ~ .map svg path').count()) > 100, 'country shapes are drawn');
    await page.getByText('The map as a table').click();
    assert.match(await page.locator('details table').innerText(), /India/);
    await screenshot(page, 'dashboard-portfolio');
  });

  test('the map is reached by keyboard: Tab from the downloads before it, then the arrow keys go from country to country', async () => {
    const map = page.getByRole('img', { name: /^Where the money is/ });
    await page.locator('#map-title a').last().focus();
    await page.keyboard.press('Tab');
    assert.equal(await map.evaluate((el) => el === document.activeElement), true, 'Tab reaches the map');
    const caption = page.locator('.map-caption');
    assert.match(await caption.innerText(), /arrow keys/);
    await page.keyboard.press('ArrowRight');
    await caption.filter({ hasText: /^1 of \d+: / }).waitFor();
    const outlined = page.locator('.map path.current');
    assert.equal(await outlined.count(), 1, 'the country is outlined');
    const title = (await outlined.locator('title').textContent()) ?? '';
    assert.equal((await caption.innerText()).replace(/^1 of \d+: /, ''), title.replace(': ', ', '), 'the outlined country is the one named');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await caption.filter({ hasText: /^1 of / }).waitFor();
    await page.keyboard.press('ArrowLeft');
    assert.match(await caption.innerText(), /^(\d+) of \1: /, 'Left from the first goes round to the last');
    await screenshot(page, 'dashboard-portfolio-map-keyboard');
    await page.keyboard.press('Escape');
    await caption.filter({ hasText: /arrow keys/ }).waitFor();
    assert.equal(await page.locator('.map path.current').count(), 0);
  });

  test('alignment and gaps: the aligned share of voluntary funding and the share of gaps filled', async () => {
    // The resource needs of the demonstration are for this year and next.
    await page.goto(`${session.server.url}/dashboards?view=alignment&year=${year}`);
    await page.locator('[data-ready="alignment"]').waitFor();
    const share = Number((await page.locator('.kpi').first().locator('strong').innerText()).replace('%', ''));
    assert.ok(share > 45 && share < 70, `aligned share ${share}% echoes 002's 58%`);
    assert.match(await page.locator('#aligned-earmarking ~ table').innerText(), /Tightly earmarked/);
    await page.locator('#gaps-title ~ .chart [role="img"]').waitFor();
    await screenshot(page, 'dashboard-alignment');
  });

  test('a dashboard table downloads in the reader’s language; the watch list’s reasons are worded in it', async () => {
    await page.getByLabel('Language').selectOption('fr');
    const link = page.getByRole('link', { name: /^Télécharger .+ en CSV$/ }).first();
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    assert.match(href, /[?&]lang=fr(&|$)/);
    const csv = await (await page.request.get(`${session.server.url}${href}`)).text();
    assert.match(csv.split('\n')[0] ?? '', /Projets|Pays/, csv.slice(0, 200));
    // The watch list words each reason for its reader too.
    await page.goto(`${session.server.url}/delivery`);
    const reason = page.locator('table.watch tbody tr').first().locator('td').nth(1);
    await reason.waitFor();
    assert.match(await reason.innerText(), /^(Exécution de|Aucune dépense|Se termine le|\d[\d,]* % de l’allocation)/);
    await screenshot(page, 'watch-list-fr');
    await page.getByLabel('Langue').selectOption('en');
  });

  test('the watch list: an office manager’s action is recorded against the flag', async () => {
    await page.goto(`${session.server.url}/delivery`);
    await page.locator('table.watch tbody tr').first().waitFor();
    const first = page.locator('table.watch tbody tr').first();
    const code = await first.locator('th a').innerText();
    await first.getByRole('button', { name: /^Act on/ }).click();
    await first.getByLabel('What was done').selectOption('action_taken');
    await first.getByLabel('Comment').fill('Work plan revised with the implementing partner');
    await first.getByRole('button', { name: 'Save' }).click();
    // Handled flags leave the open list; they are still there when asked for.
    await page.locator('form.act').waitFor({ state: 'detached' });
    await page.getByLabel('Show flags already handled').check();
    await page.getByText('Work plan revised with the implementing partner').first().waitFor();
    assert.match(await page.locator('table.watch').innerText(), new RegExp(`${code.replace(/\//g, '\\/')}[\\s\\S]*Action taken`));
    await screenshot(page, 'watch-list');
  });

  test('an ERP export: columns mapped, the mapping saved, a dry run that locates the bad row, nothing stored', async () => {
    const file = join(tmpdir(), `erp-${Date.now()}.csv`);
    writeFileSync(file, ['Grant,Month,Value,Curr,Voucher', `IND/23/01/EUR,${year}-01,100.00,EUR,BR-1`, `IND/23/01/EUR,${year}-01,1.001,EUR,BR-2`].join('\n'));
    await page.goto(`${session.server.url}/imports`);
    await page.getByLabel('File').setInputFiles(file);
    await page.getByText('3 rows'.replace('3', '2')).waitFor();
    assert.equal(await page.getByLabel('Project code').inputValue(), 'Grant', 'the mapping is guessed from the column names');
    await page.getByLabel('Expenditure, commitment or disbursement').selectOption('expenditure');
    await page.getByLabel('Save this mapping as').fill('Browser test layout');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Mapping “Browser test layout” saved.').waitFor();
    await page.getByRole('button', { name: 'Try (dry run)' }).click();
    await page.getByText(/The file has 1 problem;/).waitFor();
    assert.match(await page.locator('table.data').last().innerText(), /Error\s+\S+\s+3\s+Value\s+"1\.001": EUR has 2 decimals/);
    assert.equal(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled(), true);
    await screenshot(page, 'import');
  });

  test('a large ERP export is read as a job: its progress followed, then the same report; imported as a job too', async () => {
    // The same database behind a server that takes any file over 64 bytes as a job (the session cookie is the host's).
    const jobs = await startTestServer(session.database, { DEVCOOP_IMPORT_JOB_BYTES: '64' });
    const count = async () => (await session.database.db.selectFrom('jobs').select('id').where('kind', '=', 'finance.import').where('status', '=', 'done').execute()).length;
    try {
      const file = join(tmpdir(), `erp-large-${Date.now()}.csv`);
      writeFileSync(file, ['Grant,Month,Value,Curr,Voucher', `IND/23/01/EUR,${year}-01,100.00,EUR,BJ-1`, `IND/23/01/EUR,${year}-01,200.00,EUR,BJ-2`].join('\n'));
      await page.goto(`${jobs.url}/imports`);
      await page.getByLabel('File').setInputFiles(file);
      await page.getByText('2 rows').waitFor();
      await page.getByLabel('Expenditure, commitment or disbursement').selectOption('expenditure');
      await page.getByRole('button', { name: 'Try (dry run)' }).click();
      await page.getByText('No errors: 2 new lines, 0 changed, 0 unchanged would be applied. Import when ready.').waitFor();
      assert.equal(await count(), 1, 'the dry run was a job');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('Imported: 2 new lines, 0 changed, 0 unchanged.').waitFor();
      assert.equal(await count(), 2, 'and so was the import');
      const refs = await session.database.db.selectFrom('financial_lines').select('source_ref').where('source_ref', 'in', ['BJ-1', 'BJ-2']).execute();
      assert.equal(refs.length, 2);
    } finally {
      await jobs.close();
    }
  });
});
