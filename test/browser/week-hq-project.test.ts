import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildUser, signedInAs, TEST_PASSWORD } from '../factories.ts';
import { buildApp } from '../helpers/api.ts';
import { checkA11y } from '../helpers/axe.ts';
import { type DemoSession, openDemoSession, screenshot, signInOnScreen, waitForHome } from '../helpers/browser.ts';

/**
 * An HQ officer's week, the project part, through the screens only (the test calls the API to check what the
 * screens did, and once to play a colleague who saves first): a refused form says what is wrong in plain words
 * and takes focus; a project is created with its place, office, funding source, partner, agreement, a country
 * programme outcome with its share, a CF outcome and SDG targets; a stale edit names who changed it.
 */
let session: DemoSession;
let page: Page;

before(async () => {
  session = await openDemoSession({ signIn: false });
  const officer = await buildUser(session.database.db, 'hq_officer');
  page = await signInOnScreen(session, officer.email);
});
after(() => session?.close());

const projectByCode = (code: string) => session.database.db.selectFrom('projects').selectAll().where('code', '=', code).executeTakeFirst();

describe('an HQ officer creates and changes a project on screen', () => {
  test('an empty form is refused field by field, in plain words, and the summary takes focus', async () => {
    await checkA11y(page, 'home-hq-officer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects', exact: true }).click();
    await page.locator('table.data tbody tr').first().waitFor();
    await checkA11y(page, 'projects-hq-officer');
    await page.getByRole('link', { name: 'New project' }).click();
    await page.getByRole('heading', { name: 'New project' }).waitFor();
    await page.getByRole('button', { name: 'Create the project' }).click();
    const problem = page.locator('.error-summary');
    await problem.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'the summary has the focus');
    const said = await problem.innerText();
    assert.match(said, /Code: Required: enter a value\./);
    assert.match(said, /Title: Required: enter a value\./);
    assert.doesNotMatch(said, /expected|Too small|Invalid/);
    assert.match(await page.locator('#pf-code-error').innerText(), /Required: enter a value\./);
    await screenshot(page, 'project-form-refused');
  });

  test('a project with every link is created and shown', async () => {
    await page.getByLabel('Code', { exact: true }).fill('IND/27/01/EUR');
    await page.getByLabel('Title', { exact: true }).fill('Decent jobs in the green transition');
    await page.getByLabel('Title in French').fill('Des emplois décents dans la transition verte');
    await page.getByLabel('Country', { exact: true }).selectOption('IN');
    await page.getByLabel('Office', { exact: true }).selectOption({ label: 'Country Office for India (CO-DELHI)' });
    await page.getByLabel('Funding source').selectOption('XBDC');
    await page.getByLabel('Planned start').fill('2027-01-01');
    await page.getByLabel('Planned end').fill('2029-12-31');
    await page.getByLabel('Probability').fill('70');
    await page.getByRole('button', { name: 'Add a partner' }).click();
    await page.locator('#pf-partners-0-partnerId').selectOption({ label: 'European Union' });
    await page.getByLabel('EU-2023-01', { exact: false }).check();
    await page.getByRole('button', { name: 'Link a country programme outcome' }).click();
    const cpo = page.locator('#pf-cpoLinks-0-cpoId');
    const firstCpo = await cpo.locator('option').nth(1).getAttribute('value');
    await cpo.selectOption(firstCpo as string);
    await page.locator('#pf-cpoLinks-0-share').fill('60');
    const cf = page.locator('fieldset.checks').filter({ hasText: 'Cooperation Framework' }).locator('input[type=checkbox]').first();
    await cf.check();
    await page.getByLabel('SDG targets').fill('8.5, 8.7');
    await page.getByLabel('Gender equality').selectOption('1');
    await screenshot(page, 'project-form-filled');
    await page.getByRole('button', { name: 'Create the project' }).click();
    await page.getByRole('heading', { name: /IND\/27\/01\/EUR/ }).waitFor();
    assert.match(await page.locator('.notice.success').innerText(), /Project IND\/27\/01\/EUR saved/);

    const stored = await projectByCode('IND/27/01/EUR');
    assert.ok(stored, 'the project is in the database');
    assert.equal(stored.country_code, 'IN');
    assert.equal(stored.funding_source, 'XBDC');
    assert.equal(stored.marker_gender, 1);
    const admin = await signedInAs(buildApp(session.database), session.database.db, 'admin');
    const detail = (await admin.get(`/api/projects/${stored.id}`)).body;
    assert.deepEqual(
      detail.partners.map((p: { name: string; role: string }) => [p.name, p.role]),
      [['European Union', 'funding']],
    );
    assert.deepEqual(
      detail.agreements.map((a: { code: string }) => a.code),
      ['EU-2023-01'],
    );
    assert.equal(detail.cpoLinks.length, 1);
    assert.equal(detail.cpoLinks[0].id, firstCpo);
    assert.equal(Number(detail.cpoLinks[0].share), 60);
    assert.equal(detail.cfOutcomes.length, 1);
    assert.deepEqual(detail.sdgTargets, ['8.5', '8.7']);
    await screenshot(page, 'project-created');
  });

  test('a change sends only what changed; a stale save names who changed the project, keeps the draft, and saves after a reload', async () => {
    const stored = await projectByCode('IND/27/01/EUR');
    assert.ok(stored);
    await page.getByRole('link', { name: 'Change this project' }).click();
    await page.getByRole('heading', { name: 'Change project IND/27/01/EUR' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Decent jobs in a just green transition');

    // A colleague saves the description first.
    const colleague = await signedInAs(buildApp(session.database), session.database.db, 'hq_officer');
    assert.equal((await colleague.patch(`/api/projects/${stored.id}`, { description: 'Set by a colleague', version: stored.version })).status, 200);

    await page.getByRole('button', { name: 'Save' }).click();
    const problem = page.locator('.save-problems');
    await problem.waitFor();
    assert.match(await problem.innerText(), /Someone else changed this record since you opened it: hq_officer-[0-9a-f]+@example\.org, /);
    assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Decent jobs in a just green transition', 'the draft is kept');
    await screenshot(page, 'project-form-stale');

    await problem.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => (document.querySelector('#pf-description') as HTMLTextAreaElement | null)?.value === 'Set by a colleague');
    await page.getByLabel('Title', { exact: true }).fill('Decent jobs in a just green transition');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: /Decent jobs in a just green transition/ }).waitFor();
    const after = await projectByCode('IND/27/01/EUR');
    assert.equal(after?.title, 'Decent jobs in a just green transition');
    assert.equal(after?.description, 'Set by a colleague', "the colleague's change is kept");
    const audit = await session.database.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', stored.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(audit.action, 'update');
  });

  test('the projects list finds it by words of its French title, filters by office and marker, sorts, and downloads what it shows', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByLabel('Code or words of the title').fill('transition verte');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/q=transition/);
    await page.getByText(/^1 project(?!s)/).waitFor();
    assert.match(await page.locator('table.projects tbody').innerText(), /IND\/27\/01\/EUR/);
    await page.getByLabel('Policy marker').selectOption('gender');
    await page.getByLabel('Office', { exact: true }).selectOption({ label: 'Country Office for India' });
    await page.waitForURL(/marker=gender/);
    await page.getByText(/^1 project(?!s)/).waitFor();
    const csv = await page.evaluate(async () => {
      const href = document.querySelector<HTMLAnchorElement>('a[href^="/api/projects/table"][href*="format=csv"]')?.getAttribute('href');
      return href ? (await fetch(href)).text() : '';
    });
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    assert.equal(lines.length, 2, 'the header and the one project shown');
    assert.match(lines[1] ?? '', /^IND\/27\/01\/EUR,Decent jobs in a just green transition,IN,Country Office for India,Pipeline,XBDC,2027-01-01,2029-12-31,70/);
    await screenshot(page, 'projects-filtered');
    await page.getByLabel('Code or words of the title').fill('');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByLabel('Policy marker').selectOption('');
    await page.getByLabel('Office', { exact: true }).selectOption('');
    await page.getByRole('button', { name: /^Planned start/ }).click();
    await page.waitForURL(/sort=plannedStart/);
    await page.getByRole('navigation', { name: 'Pages of projects' }).getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(/page=2/);
    await screenshot(page, 'projects-page-2');
  });

  test('the form in French and Spanish, and at 390 px wide', async () => {
    const stored = await projectByCode('IND/27/01/EUR');
    await page.goto(`${session.server.url}/projects/${stored?.id}/edit`);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Modifier le projet IND/27/01/EUR' }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.locator('.error-summary').innerText(), /Code : Obligatoire : saisissez une valeur\./);
    await screenshot(page, 'project-form-fr');
    await page.getByLabel('Langue').selectOption('es');
    await page.getByRole('heading', { name: 'Modificar el proyecto IND/27/01/EUR' }).waitFor();
    await screenshot(page, 'project-form-es');
    await page.getByLabel('Idioma').selectOption('en');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'Change project IND/27/01/EUR' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390)
      console.log(
        await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > 390)
            .slice(0, 8)
            .map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`),
        ),
      );
    assert.ok(width <= 390, `the form is ${width} px wide on a 390 px screen`);
    await screenshot(page, 'project-form-390');
  });
});
