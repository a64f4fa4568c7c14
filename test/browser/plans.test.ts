import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from '../helpers/axe.ts';
import { ARTIFACTS, type DemoSession, openDemoSession, screenshot } from '../helpers/browser.ts';

let session: DemoSession;
let page: Page;

before(async () => {
  session = await openDemoSession();
  ({ page } = session);
});
after(() => session?.close());

/** Downloads a report's PDF through its link on the page, then saves page 1 as a PNG (pdftoppm, poppler-utils). */
async function pdfPageOne(linkName: string, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName, exact: true }).first().click()]);
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  await download.saveAs(pdf);
  assert.ok(statSync(pdf).size > 1000, `${name}.pdf has content`);
  execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '70', '-singlefile', pdf, join(ARTIFACTS, `${name}-pdf-page1`)]);
  const png = join(ARTIFACTS, `${name}-pdf-page1.png`);
  assert.ok(existsSync(png), `${png} written`);
}

describe('strategies, action plans and reports in Chromium', () => {
  test('the plan of action as at 2 March 2020: statuses as reported, six items overdue', async () => {
    await page.getByRole('link', { name: 'Strategies & plans' }).click();
    await page.getByRole('heading', { name: 'Strategies and action plans' }).waitFor();
    await page.getByRole('link', { name: /Office Plan of Action 2019–20/ }).click();
    await page.getByLabel('Show the situation as at').fill('2020-03-02');
    await page.getByText('6 overdue as at this date').waitFor();
    const component1 = page.getByRole('table', { name: 'Component 1' });
    assert.match(await component1.innerText(), /By end 2019\s+Completed\/ongoing/);
    assert.equal(await page.locator('tr.overdue').count(), 6);
    await screenshot(page, 'plan-of-action-2020-03-02');
  });

  test('a status update is added and the history kept; a date before the previous one is refused', async () => {
    const row = page.getByRole('row', { name: /^6 Preparation of training modules/ });
    await row.getByRole('button', { name: 'Add a status update' }).click();
    await row.getByLabel('As at').fill('2020-01-15');
    await row.getByLabel('Status as written').fill('Completed');
    await row.getByLabel('Progress').selectOption('completed');
    await row.getByRole('button', { name: /Save|Add/ }).click();
    await row.getByText(/not after the previous status update \(2020-03-02\)/).waitFor();
    await row.getByLabel('As at').fill('2020-06-30');
    await row.getByRole('button', { name: /Save|Add/ }).click();
    // as at 1 July 2020 item 7 (by mid-2020, not started) is overdue too, and item 6 no longer is
    await page.getByLabel('Show the situation as at').fill('2020-07-01');
    await page.locator('tr.overdue', { hasText: 'Review of the configuration' }).waitFor();
    await page.locator('tr.overdue', { hasText: 'Preparation of training modules' }).waitFor({ state: 'detached' });
    await page.getByText('6 overdue as at this date').waitFor();
    const item6 = page.getByRole('row', { name: /^6 Preparation of training modules/ });
    assert.doesNotMatch((await item6.getAttribute('class')) ?? '', /overdue/);
    assert.match(await item6.innerText(), /Completed\n/);
    assert.match((await page.getByRole('row', { name: /^7 Review of the configuration/ }).getAttribute('class')) ?? '', /overdue/);
    await item6.getByText('History').click();
    assert.match(await item6.innerText(), /2020-03-02: Starting 2020\n2020-06-30: Completed/);
    await screenshot(page, 'plan-of-action-2020-07-01');
  });

  test('PDF of the Governing Body report: page 1 saved as PNG', async () => {
    await page.getByLabel('Show the situation as at').fill('2020-03-02');
    await page.getByLabel('Document symbol').fill('GB.338/INS/9');
    await page.getByLabel('Session').fill('338th Session, Geneva, 12–26 March 2020');
    await pdfPageOne('PDF', 'report-plan-progress');
  });

  test('the 2010–15 strategy: indicators with milestones, computed values, statuses and why', async () => {
    await page.getByRole('link', { name: 'Strategies & plans' }).click();
    await page.getByRole('link', { name: /Technical Cooperation Strategy 2010–15/ }).click();
    await page.getByLabel('Show the situation as at').fill('2011-12-31');
    const outcome2 = page.getByRole('table', { name: 'Outcome 2' });
    await outcome2.getByText('Appraisal: 75 per cent').waitFor();
    assert.match(await outcome2.innerText(), /Delivery rate \(expenditure\/allocation\)/);
    assert.match(await page.getByRole('table', { name: 'Outcome 3' }).innerText(), /The baseline is not set yet/);
    await screenshot(page, 'strategy-2010-15');
    await pdfPageOne('PDF', 'report-strategy-measurement');
  });

  test('a plan uploaded as JSON: refused whole with the field named, then stored', async () => {
    await page.getByRole('link', { name: 'Strategies & plans' }).click();
    const card = page.getByRole('region', { name: 'Add a strategy or an action plan' });
    const dir = mkdtempSync(join(tmpdir(), 'devcoop-plan-'));
    const plan = {
      code: 'DC-PLAN-2026',
      title: 'Action plan on development cooperation 2026–27',
      adoptedOn: '2026-03-15',
      components: [{ number: '1', title: 'Partnerships', items: [{ number: '1', title: 'Review the due diligence procedure', dueText: 'By end 2026', dueDate: '2026-12-31' }] }],
    };
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...plan, components: [{ ...plan.components[0], items: [{ ...plan.components[0]?.items[0], dueDate: '2025-01-01' }] }] }));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    await card.getByLabel('JSON file').setInputFiles(join(dir, 'bad.json'));
    await card.getByText('Nothing was stored:').waitFor();
    assert.match(await card.innerText(), /components\[0\]\.items\[0\]\.dueDate.*before the plan was adopted/s);
    await card.getByLabel('JSON file').setInputFiles(join(dir, 'plan.json'));
    await card.getByText('Stored: Action plan on development cooperation 2026–27').waitFor();
    await page.getByRole('link', { name: 'Action plan on development cooperation 2026–27' }).waitFor();
    await screenshot(page, 'plans-list');
  });

  test('donor progress report and country brief from a project and a country page', async () => {
    const project = await session.database.db.selectFrom('projects').select('id').where('status', '=', 'active').orderBy('code').executeTakeFirstOrThrow();
    await page.goto(`${session.server.url}/projects/${project.id}`);
    await page.getByRole('heading', { name: 'Donor progress report' }).waitFor();
    await checkA11y(page, 'project-reports');
    await pdfPageOne('PDF', 'report-donor-progress');
    const country = await session.database.db.selectFrom('dwcps').select('country_code').orderBy('country_code').executeTakeFirstOrThrow();
    await page.goto(`${session.server.url}/countries/${country.country_code}`);
    await page.getByRole('navigation', { name: 'Country brief for the Resident Coordinator' }).waitFor();
    await checkA11y(page, 'country-reports');
    await pdfPageOne('PDF', 'report-country-brief');
  });
});
