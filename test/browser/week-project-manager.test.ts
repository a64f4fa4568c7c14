import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import type { ErpLinePage, ProjectMoney } from '../../src/shared/contracts/finance.ts';
import { today } from '../../src/shared/dates.ts';
import { buildUser, TEST_PASSWORD } from '../factories.ts';
import { checkA11y } from '../helpers/axe.ts';
import { ARTIFACTS, type DemoSession, openDemoSession, screenshot, signInOnScreen, waitForHome } from '../helpers/browser.ts';

/*
 * A week of a programme officer of the Delhi office: signs in through the screen, opens the garment project,
 * reads its money (the figures the API gives), pages its ERP lines, corrects an allocation (a stale editor and a
 * refused amount explained), adds an indicator with its baseline, a target and an actual, and downloads the donor
 * progress report, which carries them. Then an HQ officer loads exchange rates on their page.
 */
let session: DemoSession;
let page: Page;
let projectId: string;
const PROJECT = 'Decent work in garment supply chains';

before(async () => {
  session = await openDemoSession({ signIn: false });
});
after(() => session?.close());

async function signIn(role: 'programme_officer' | 'hq_officer', officeCode?: string): Promise<Page> {
  const { db } = session.database;
  const office = officeCode ? await db.selectFrom('offices').select('id').where('code', '=', officeCode).executeTakeFirstOrThrow() : undefined;
  const user = await buildUser(db, role, office ? { officeId: office.id } : {});
  return signInOnScreen(session, user.email);
}

/** What sticks out of a narrow screen: the innermost elements wider than it. */
const tooWide = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1))
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${(e.textContent ?? '').slice(0, 40)}`),
  );

/** The browser's own session asks the API (the same rights as the screen). */
const get = <T>(path: string): Promise<T> => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
const moneyCard = () => page.locator('section[aria-labelledby="p-money"]');
const erpCard = () => page.locator('section[aria-labelledby="p-erp"]');
const resultsCard = () => page.locator('section[aria-labelledby="p-results"]');

/** The money table's rows as the screen shows them: year, allocation, expenditure, commitments, rate, forecast. */
const shownYears = async () =>
  (
    await moneyCard()
      .getByRole('table', { name: /Money by year/ })
      .locator('tbody tr')
      .allInnerTexts()
  ).map((r) =>
    r
      .split('\t')
      .map((c) => c.trim())
      .slice(0, 6),
  );

describe('a week of a project manager in Chromium', () => {
  test('signs in through the screen and opens a demo project from the projects list', async () => {
    page = await signIn('programme_officer', 'CO-DELHI');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('link', { name: PROJECT }).first().waitFor();
    await checkA11y(page, 'projects');
    await page.getByRole('link', { name: PROJECT }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(PROJECT) }).waitFor();
    projectId = new URL(page.url()).pathname.split('/').at(-1) as string;
    await moneyCard().getByRole('table').first().waitFor();
  });

  test('sees its money: every figure of the table is the API’s, formatted; the flags by rule name', async () => {
    const api = await get<ProjectMoney>(`/api/projects/${projectId}/finance`);
    assert.ok(api.items.length >= 2, 'the demo project has several years of money');
    const money = (v: string | null) =>
      v === null || v === '' ? '—' : new Intl.NumberFormat('en', { style: 'currency', currency: api.currency, maximumFractionDigits: 0 }).format(Number(v));
    const pct = (v: string | null) => (v === null ? '—' : new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(Number(v)));
    assert.deepEqual(
      await shownYears(),
      api.items.map((r) => [String(r.year), money(r.allocation), money(r.expenditure), money(r.commitment), pct(r.deliveryRate), money(r.forecast)]),
    );
    const foot = await moneyCard()
      .getByRole('table', { name: /Money by year/ })
      .locator('tfoot tr')
      .innerText();
    assert.match(foot, new RegExp(`All years\\s+${money(api.totals.allocation).replace(/[$€£]/g, '.')}`));
    assert.ok(
      await moneyCard()
        .getByRole('img', { name: /Allocation against expenditure and commitments by year/ })
        .isVisible(),
      'the chart of the table',
    );
    const flags = api.warnings ?? [];
    if (flags.length) {
      const table = moneyCard().getByRole('table', { name: 'Early-warning flags' });
      for (const f of flags) assert.match(await table.innerText(), new RegExp(f.ruleName));
    } else
      await moneyCard()
        .getByText(/No flag as at/)
        .waitFor();
    await screenshot(page, 'project-money');
  });

  test('pages the ERP lines: next and previous, page x of y, the lines the API gives for each page', async () => {
    const first = await get<ErpLinePage>(`/api/projects/${projectId}/erp-lines?page=1&pageSize=10`);
    assert.ok(first.pages >= 2, `the demo project has ${first.total} lines`);
    await erpCard().getByText(`Page 1 of ${first.pages}`, { exact: true }).waitFor();
    const refs = async () => erpCard().locator('tbody tr code').allInnerTexts();
    assert.deepEqual(
      await refs(),
      first.items.map((l) => l.sourceRef),
    );
    await erpCard().getByRole('button', { name: 'Next page' }).click();
    await erpCard().getByText(`Page 2 of ${first.pages}`, { exact: true }).waitFor();
    const second = await get<ErpLinePage>(`/api/projects/${projectId}/erp-lines?page=2&pageSize=10`);
    assert.deepEqual(
      await refs(),
      second.items.map((l) => l.sourceRef),
    );
    assert.ok(second.items[0] && first.items[9] && second.items[0].period >= first.items[9].period, 'by month');
    await screenshot(page, 'project-erp-lines-page-2');
    await erpCard().getByRole('button', { name: 'Previous page' }).click();
    await erpCard().getByText(`Page 1 of ${first.pages}`, { exact: true }).waitFor();
    assert.equal(await erpCard().getByRole('button', { name: 'Previous page' }).isDisabled(), true);
  });

  test('edits an allocation: a refused amount and a stale editor are explained and change nothing; then it is saved', async () => {
    const before = await get<ProjectMoney>(`/api/projects/${projectId}/finance`);
    const first = before.allocations[0];
    assert.ok(first, 'the project has allocations');
    await moneyCard().getByRole('button', { name: 'Edit allocations' }).click();
    const editor = moneyCard().getByRole('group', { name: 'Allocations by year' });
    const amount = editor.getByLabel(`Amount ${first.year}`, { exact: true });
    // A refused amount: the server's reason beside the field and in the summary.
    await amount.fill('12.345');
    await editor.getByRole('button', { name: 'Save allocations' }).click();
    const summary = editor.getByRole('alert');
    await summary.getByText(/Some allocations were not saved/).waitFor();
    assert.match(await summary.innerText(), /amount/);
    assert.equal(await amount.getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'project-allocations-refused');
    // Someone else changes the year meanwhile: this editor's change is stale.
    const status = await page.evaluate(
      async ({ id, year, currency }) => {
        const session = await (await fetch('/api/session')).json();
        const r = await fetch(`/api/projects/${id}/allocations/${year}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
          body: JSON.stringify({ amount: '1250000', currency }),
        });
        return r.status;
      },
      { id: projectId, year: first.year, currency: first.currency },
    );
    assert.equal(status, 200, 'the change made elsewhere');
    await amount.fill('1300000');
    await editor.getByRole('button', { name: 'Save allocations' }).click();
    await summary.getByText(new RegExp(`The allocation for ${first.year} was changed by .+ at .+ since you opened the editor`)).waitFor();
    await screenshot(page, 'project-allocations-stale');
    await moneyCard().screenshot({ path: join(ARTIFACTS, 'project-allocations-stale-card.png') });
    let now = await get<ProjectMoney>(`/api/projects/${projectId}/finance`);
    assert.equal(Number(now.allocations[0]?.amount), 1250000, 'the stale change wrote nothing');
    // Reload, then apply the change again.
    await summary.getByRole('button', { name: 'Reload' }).click();
    await editor.getByLabel(`Amount ${first.year}`, { exact: true }).fill('1300000');
    await editor.getByRole('button', { name: 'Save allocations' }).click();
    await moneyCard().getByText('1 allocation saved.').waitFor();
    now = await get<ProjectMoney>(`/api/projects/${projectId}/finance`);
    assert.equal(Number(now.allocations[0]?.amount), 1300000);
    const row = now.items.find((r) => r.year === first.year);
    await moneyCard()
      .getByText(new Intl.NumberFormat('en', { style: 'currency', currency: now.currency, maximumFractionDigits: 0 }).format(Number(row?.allocation)))
      .first()
      .waitFor();
  });

  test('adds an indicator with its baseline, a target and an actual, on demand', async () => {
    const project = await get<{ plannedStart: string; plannedEnd: string }>(`/api/projects/${projectId}`);
    const actualEnd = [today(), project.plannedEnd].sort()[0] as string;
    await resultsCard().getByRole('button', { name: 'Add an indicator' }).click();
    const add = resultsCard().getByRole('form', { name: 'Add an indicator' });
    await add.getByLabel('Code').fill('P1');
    await add.getByLabel('Title').fill('Garment workers covered by grievance mechanisms');
    await add.getByLabel('Unit').fill('workers');
    await add.getByLabel('Baseline', { exact: true }).fill('1200');
    await add.getByLabel('Baseline date').fill(project.plannedStart);
    await add.getByRole('button', { name: 'Save' }).click();
    await resultsCard().getByText('Garment workers covered by grievance mechanisms').waitFor();
    await resultsCard().getByRole('button', { name: 'Set a target or milestone' }).click();
    const target = resultsCard().getByRole('form', { name: 'Set a target or milestone' });
    await target.getByLabel('Kind').selectOption('target');
    await target.getByLabel('From').fill(project.plannedStart);
    await target.getByLabel('To').fill(project.plannedEnd);
    await target.getByLabel('Value').fill('5000');
    await target.getByRole('button', { name: 'Save' }).click();
    await resultsCard().getByRole('cell', { name: '5000' }).waitFor();
    await resultsCard().getByRole('button', { name: 'Record an actual value' }).click();
    const actual = resultsCard().getByRole('form', { name: 'Record an actual value' });
    await actual.getByLabel('From').fill(project.plannedStart);
    await actual.getByLabel('To').fill(actualEnd);
    await actual.getByLabel('Value').fill('3175');
    await actual.getByLabel('Source').fill('Factory grievance registers');
    await actual.getByRole('button', { name: 'Save' }).click();
    await resultsCard().getByRole('cell', { name: '3175' }).waitFor();
    const values = await resultsCard().locator('table').innerText();
    assert.match(values, /Baseline\s+1200/);
    assert.match(values, /Target\s+5000/);
    assert.match(values, /3175\s+Factory grievance registers/);
    await screenshot(page, 'project-results');
  });

  test('downloads the donor progress report: it carries the indicator, its baseline, target and actual', async () => {
    const report = page.locator('section[aria-labelledby="p-report"]');
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('link', { name: 'Word (DOCX)' }).click()]);
    const file = await download.path();
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    assert.match(text, /P1 Garment workers covered by grievance mechanisms/);
    assert.match(text, /1200 workers/, 'the baseline');
    assert.match(text, /5000 workers/, 'the target');
    assert.match(text, /3175 workers/, 'the actual');
    assert.match(text, /Factory grievance registers/, 'its source');
  });

  test('the new screens in French, Spanish and at 390 px', async () => {
    await page.reload();
    await moneyCard().getByRole('table').first().waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Finances', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Cadre de résultats' }).waitFor();
    await screenshot(page, 'project-money-fr');
    await moneyCard().screenshot({ path: join(ARTIFACTS, 'project-money-card-fr.png') });
    await resultsCard().screenshot({ path: join(ARTIFACTS, 'project-results-card-fr.png') });
    await page.getByLabel('Langue').selectOption('es');
    await page.getByRole('heading', { name: 'Finanzas', exact: true }).waitFor();
    await moneyCard().getByRole('button', { name: 'Editar asignaciones' }).click();
    await screenshot(page, 'project-money-es');
    await moneyCard().screenshot({ path: join(ARTIFACTS, 'project-money-card-es.png') });
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Money', exact: true }).waitFor();
    // Opened on a phone: the chart is drawn for the width it has.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await moneyCard().getByRole('table').first().waitFor();
    await erpCard().getByRole('table').waitFor();
    await moneyCard().getByRole('button', { name: 'Edit allocations' }).click();
    // The new cards fit: nothing in them overflows (a wide table scrolls inside its own region). The page's
    // other parts (its facts, the documents table) are not this test's.
    const cards = await page.evaluate(() =>
      ['p-money', 'p-erp', 'p-results'].map((id) => {
        const card = document.querySelector(`section[aria-labelledby="${id}"]`) as HTMLElement;
        const edge = card.getBoundingClientRect().right;
        const out = [...card.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().right > edge + 1 && !e.closest('section[tabindex]'))
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
        return { id, right: Math.round(edge), overflow: card.scrollWidth - card.clientWidth, out };
      }),
    );
    for (const c of cards) assert.ok(c.right <= 390 && c.overflow <= 0, `${c.id} fits a 390 px screen: ${JSON.stringify(c)}`);
    await screenshot(page, 'project-money-390');
    // The cards alone, to look at them at the size a phone shows them (the full page is checked by axe above).
    await moneyCard().screenshot({ path: join(ARTIFACTS, 'project-money-card-390.png') });
    await erpCard().screenshot({ path: join(ARTIFACTS, 'project-erp-card-390.png') });
    await resultsCard().screenshot({ path: join(ARTIFACTS, 'project-results-card-390.png') });
    await page.close();
  });

  test('an HQ officer loads exchange rates from a CSV file and reads the table, in three languages and at 390 px', async () => {
    page = await signIn('hq_officer');
    // From a project's money, where the reporting currency is named.
    await page.goto(`${session.server.url}/projects/${projectId}`);
    await moneyCard().getByRole('table').first().waitFor();
    await checkA11y(page, 'project-hq-officer');
    await moneyCard().getByRole('link', { name: 'The exchange rates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exchange rates' }).waitFor();
    await page.getByRole('table', { name: /Exchange rates/ }).waitFor();
    await page.getByRole('button', { name: 'Load rates' }).click();
    const form = page.getByRole('group', { name: 'Load rates from a file' });
    // A bad month is named by its line, nothing is sent.
    await form.getByLabel('Source of the rates').fill('UN operational rates of exchange');
    await form.getByLabel('CSV file').setInputFiles({ name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from('currency,month,perUsd\nEUR,2031-01,0.9\nCHF,January,0.8\n') });
    await form.getByRole('button', { name: 'Load' }).click();
    await form.getByRole('alert').getByText('Line 3: the month is not of the form 2024-03').waitFor();
    await screenshot(page, 'exchange-rates-refused');
    assert.equal((await get<{ total: number }>('/api/exchange-rates?year=2031')).total, 0, 'nothing loaded');
    await form.getByLabel('CSV file').setInputFiles({ name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from('currency,month,perUsd\nEUR,2031-01,0.9\nCHF,2031-01,0.8\n') });
    await form.getByRole('button', { name: 'Load' }).click();
    await page.getByText('2 new and 0 changed rates loaded.').waitFor();
    const table = page.getByRole('table', { name: /Exchange rates/ });
    await table.getByText('January 2031').first().waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    assert.match(rows[0] ?? '', /January 2031\s+CHF\s+0\.8\s+UN operational rates of exchange/);
    assert.match(rows[1] ?? '', /January 2031\s+EUR\s+0\.9\s+UN operational rates of exchange/);
    await page.getByLabel('Show').selectOption('EUR');
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td:nth-child(2)')].every((td) => td.textContent === 'EUR'));
    await screenshot(page, 'exchange-rates');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Taux de change' }).waitFor();
    await screenshot(page, 'exchange-rates-fr');
    await page.getByLabel('Langue').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Tipos de cambio' }).waitFor();
    await screenshot(page, 'exchange-rates-es');
    await page.getByLabel('Idioma').selectOption('en');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the exchange-rate page is ${width} px wide on a 390 px screen: ${(await tooWide(page)).join('; ')}`);
    await screenshot(page, 'exchange-rates-390');
  });
});
