import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Role } from '../../src/shared/rights.ts';
import { buildUser, TEST_PASSWORD } from '../factories.ts';
import { checkA11y } from '../helpers/axe.ts';
import { type DemoSession, openDemoSession, screenshot, waitForHome } from '../helpers/browser.ts';

let session: DemoSession;

before(async () => {
  session = await openDemoSession({ signIn: false });
});
after(() => session?.close());

/** Every entry of the main menu, by its English name. */
const MENU = [
  'Home',
  'Dashboards',
  'Projects',
  'Delivery',
  'Partners',
  'Countries',
  'UN calendar',
  'Alignment',
  'Frameworks',
  'Strategies & plans',
  'IATI',
  'Offices',
  'Audit trail',
  'API reference',
];

/** A new user of the role signs in on a page of its own and lands on the home, every section loaded. */
async function signIn(role: Role, scope: { officeId?: string; partnerId?: string; countryCode?: string } = {}): Promise<Page> {
  const user = await buildUser(session.database.db, role, scope);
  const page = await session.newPage();
  await page.goto(session.server.url);
  await page.getByLabel('E-mail address').waitFor();
  await checkA11y(page, 'sign-in');
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await waitForHome(page);
  assert.equal(new URL(page.url()).pathname, '/', `${role} lands on the home`);
  assert.equal(await page.getByRole('alert').count(), 0, `no error on the home of ${role}`);
  return page;
}

/** The home's sections, by their data-home name. */
const sections = (page: Page) => page.locator('[data-home]').evaluateAll((els) => els.map((e) => e.getAttribute('data-home')));

/** The entries of the main menu. */
const menu = async (page: Page) => (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts()).map((s) => s.trim());

/** What the browser's own session gets from the API. */
const status = (page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);

const officeOf = (code: string) => session.database.db.selectFrom('offices').select('id').where('code', '=', code).executeTakeFirstOrThrow();

describe('a home for each role, and a menu of what the role can reach', () => {
  test('the HQ officer: portfolio figures, what needs attention, projects, UN milestones; every page in the menu', async () => {
    const page = await signIn('hq_officer');
    try {
      assert.deepEqual(await sections(page), ['home-figures', 'home-watch', 'home-projects', 'home-milestones']);
      assert.match(await page.locator('[data-home="home-figures"]').innerText(), /Delivery rate/);
      assert.ok((await page.locator('[data-home="home-watch"] li').count()) > 0, 'the demo has flags to act on');
      assert.ok((await page.locator('[data-home="home-milestones"] li').count()) > 0, 'the demo has coming milestones');
      assert.deepEqual(await menu(page), MENU);
      await screenshot(page, 'home-hq-officer');
    } finally {
      await page.close();
    }
  });

  test("the office manager: its office's delivery, flags, projects and milestones; no audit trail, which the API refuses", async () => {
    const office = await officeOf('CO-DELHI');
    const page = await signIn('office_manager', { officeId: office.id });
    try {
      assert.deepEqual(await sections(page), ['home-figures', 'home-watch', 'home-projects', 'home-milestones']);
      const projects = await page.locator('[data-home="home-projects"]').innerText();
      assert.match(projects, /Country Office for India/);
      assert.doesNotMatch(projects, /Country Office for Viet Nam/, 'only the office’s projects');
      const entries = await menu(page);
      assert.ok(!entries.includes('Audit trail'), 'no audit trail in the menu');
      assert.equal(await status(page, '/api/audit'), 403, 'and the API refuses it');
      await screenshot(page, 'home-office-manager');
    } finally {
      await page.close();
    }
  });

  test('the programme officer: its projects and what needs doing', async () => {
    const office = await officeOf('CO-DELHI');
    const page = await signIn('programme_officer', { officeId: office.id });
    try {
      assert.deepEqual(await sections(page), ['home-figures', 'home-watch', 'home-projects', 'home-milestones']);
      assert.ok(!(await menu(page)).includes('Audit trail'));
      await screenshot(page, 'home-programme-officer');
    } finally {
      await page.close();
    }
  });

  test('the donor viewer: the projects its partner funds with their donor reports, their money and flags; no programming, offices or IATI', async () => {
    const { db } = session.database;
    const eu = await db.selectFrom('partners').select('id').where('code', '=', 'EU').executeTakeFirstOrThrow();
    const funded = await db
      .selectFrom('project_partners')
      .select((eb) => eb.fn.count<number>('project_id').distinct().as('n'))
      .where('partner_id', '=', eu.id)
      .where('role', '=', 'funding')
      .executeTakeFirstOrThrow();
    const page = await signIn('donor_viewer', { partnerId: eu.id });
    try {
      assert.deepEqual(await sections(page), ['home-figures', 'home-watch', 'home-projects']);
      const projects = page.locator('[data-home="home-projects"]');
      assert.match(await projects.getByRole('heading').innerText(), /Projects your organisation funds/);
      assert.match(await projects.innerText(), new RegExp(`of ${Number(funded.n)} projects within your reach`));
      const reports = projects.locator('nav.report-links');
      assert.equal(await reports.count(), await projects.locator('li').count(), 'a donor report for each project');
      const report = await reports.first().getByRole('link', { name: 'View (HTML)' }).getAttribute('href');
      assert.match(report ?? '', /^\/api\/reports\/donor-progress\/[0-9a-f-]{36}\?/);
      assert.equal(await status(page, report ?? ''), 200, 'the report opens for the donor');
      assert.deepEqual(await menu(page), ['Home', 'Dashboards', 'Projects', 'Delivery', 'Partners', 'API reference']);
      assert.equal(await status(page, '/api/calendar'), 403, 'the calendar it is not shown is refused by the API');
      await screenshot(page, 'home-donor-viewer');

      // At 390 px wide: one column, nothing wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('heading', { name: 'Projects your organisation funds' }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the home is ${width} px wide on a 390 px screen`);
      await screenshot(page, 'home-donor-viewer-390');
    } finally {
      await page.close();
    }
  });

  test("the constituent viewer: its country's DWCP, projects and calendar, no money; in French too", async () => {
    const page = await signIn('constituent_viewer', { countryCode: 'IN' });
    try {
      assert.deepEqual(await sections(page), ['home-country', 'home-projects', 'home-milestones']);
      const country = page.locator('[data-home="home-country"]');
      await country.getByRole('heading', { name: 'Decent Work Country Programme of India' }).waitFor();
      assert.ok((await country.locator('li').count()) > 0, 'its priorities');
      assert.equal(await country.getByRole('link', { name: 'Open the country page' }).getAttribute('href'), '/countries/IN');
      await page.getByRole('heading', { name: 'Projects in India' }).waitFor();
      const entries = await menu(page);
      for (const hidden of ['Dashboards', 'Delivery', 'Partners', 'Offices', 'IATI', 'Strategies & plans', 'Audit trail'])
        assert.ok(!entries.includes(hidden), `no ${hidden} in the menu`);
      assert.equal(await status(page, '/api/partners'), 403, 'partners are refused by the API');
      await screenshot(page, 'home-constituent-viewer');

      await page.getByLabel('Language').selectOption('fr');
      await page.getByRole('heading', { name: /^Bienvenue/ }).waitFor();
      await page.getByRole('heading', { name: /^Programme par pays de promotion du travail décent : / }).waitFor();
      await page.getByRole('link', { name: 'Ouvrir la page du pays' }).waitFor();
      await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Accueil', exact: true }).waitFor();
      await screenshot(page, 'home-constituent-viewer-fr');
    } finally {
      await page.close();
    }
  });
});
