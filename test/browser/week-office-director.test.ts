import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Role } from '../../src/shared/rights.ts';
import { buildUser, signedInAs, TEST_PASSWORD } from '../factories.ts';
import { buildApp, type Client, ok } from '../helpers/api.ts';
import { checkA11y } from '../helpers/axe.ts';
import { type DemoSession, openDemoSession, screenshot, signInOnScreen, waitForHome } from '../helpers/browser.ts';

/**
 * A week of an office director and of an HQ officer, on screen: the director of the country office for India
 * revises a DWCP outcome on demand on the country page, meets a stale save (someone else changed it in
 * between) and keeps the draft, reloads and saves; the HQ officer adds a strategy outcome with its costing
 * line, revises the line, and adds an action-plan item. The test's own API calls only check the results, and
 * make the one change "someone else" makes.
 */
let session: DemoSession;
let someoneElse: Client;

before(async () => {
  session = await openDemoSession({ signIn: false });
  someoneElse = await signedInAs(buildApp(session.database), session.database.db, 'hq_officer');
});
after(() => session?.close());

async function signIn(role: Role, scope: { officeId?: string } = {}): Promise<Page> {
  const user = await buildUser(session.database.db, role, scope);
  return signInOnScreen(session, user.email);
}

/** What has focus: its name attribute, label or text. */
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

const LANGUAGE_LABEL = { en: 'Language', fr: 'Langue', es: 'Idioma' } as const;
async function switchTo(page: Page, from: keyof typeof LANGUAGE_LABEL, to: keyof typeof LANGUAGE_LABEL) {
  await page.getByLabel(LANGUAGE_LABEL[from]).selectOption(to);
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
}

/** The page at 390 px wide, the editor open: the page's width (logging what sticks out), the editor's right edge; then back to the desktop width. */
async function narrow(page: Page, name: string, open: () => Promise<Locator>) {
  await page.setViewportSize({ width: 390, height: 844 });
  const editor = await open();
  const right = await editor.evaluate((e) => e.getBoundingClientRect().right);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 390)
    console.log(
      name,
      await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 391)
          .slice(0, 8)
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
      ),
    );
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
  return { width, right };
}

const dwcpTree = async () => {
  const [dwcp] = ok(await someoneElse.get('/api/countries/IN/dwcps')).items;
  return ok(await someoneElse.get(`/api/dwcps/${dwcp.id}`));
};
const cpoOf = async (code: string) => (await dwcpTree()).priorities.flatMap((p: { cpos: { code: string }[] }) => p.cpos).find((c: { code: string }) => c.code === code);

describe('the office director: a DWCP outcome revised on demand on the country page', () => {
  test('opens in place and closes with Escape; a refused save is worded by the field; a stale save keeps the draft; reload, save', async () => {
    const office = await session.database.db.selectFrom('offices').select('id').where('code', '=', 'CO-DELHI').executeTakeFirstOrThrow();
    const page = await signIn('office_manager', { officeId: office.id });
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Countries' }).click();
      await page.getByRole('link', { name: 'India', exact: true }).waitFor();
      await checkA11y(page, 'countries');
      await page.getByRole('link', { name: 'India', exact: true }).click();
      await page.getByRole('heading', { name: /^India/, level: 1 }).waitFor();
      const cpo = page.locator('ol.priorities ul > li').filter({ has: page.locator('code', { hasText: /^IND103$/ }) });
      assert.equal(await page.locator('ol.priorities form').count(), 0, 'no editor is open until asked for');

      // The button opens the form in place, focus moves into it; Escape closes it and focus returns to the button.
      const edit = cpo.getByRole('button', { name: 'Edit outcome IND103' });
      await edit.click();
      const form = cpo.getByRole('form', { name: 'Edit outcome IND103' });
      await form.waitFor();
      assert.equal(await focused(page), 'code');
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
      assert.equal(await focused(page), 'Edit outcome IND103');
      await page.keyboard.press('Enter');
      await form.waitFor();
      assert.equal(await form.getByLabel('Outcome text').inputValue(), 'State governments design social protection schemes for unorganised workers');
      assert.ok(await form.getByLabel('O3.1 Registry of unorganised workers designed with state governments').isChecked(), 'its CF output is ticked');
      await screenshot(page, 'editor-cpo-en');

      // A refusal of the server: the summary takes focus, the message sits by its field.
      await form.getByLabel('Outcome text').fill('');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByRole('alert').waitFor();
      assert.match(await focused(page), /One thing to fix before saving/);
      assert.equal(await form.locator('.field-error').innerText(), 'Fill this in.');
      assert.equal(await form.getByLabel('Outcome text').getAttribute('aria-invalid'), 'true');
      await screenshot(page, 'editor-cpo-refused-en');

      // Someone else changes the outcome meanwhile; the save is refused as stale and the draft stays.
      const mine = 'State governments design and fund social protection schemes for unorganised workers';
      await form.getByLabel('Outcome text').fill(mine);
      const before = await cpoOf('IND103');
      ok(await someoneElse.patch(`/api/cpos/${before.id}`, { justification: 'Changed by HQ in between', version: before.version }), 200);
      await form.getByRole('button', { name: 'Save' }).click();
      const notice = form.getByRole('alert');
      await notice.getByText(/Changed by someone else since you opened this/).waitFor();
      assert.match(await focused(page), /Changed by someone else/);
      assert.equal(await form.getByLabel('Outcome text').inputValue(), mine, 'the draft is kept');
      assert.equal((await cpoOf('IND103')).text, before.text, 'the stale save changed nothing');
      await screenshot(page, 'editor-cpo-stale-en');

      await notice.getByRole('button', { name: 'Reload' }).click();
      await cpo.locator('div.muted', { hasText: 'Changed by HQ in between' }).waitFor();
      assert.equal(await form.getByLabel('Outcome text').inputValue(), mine, 'still the draft after the reload');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      await cpo.getByRole('status').getByText('Saved.').waitFor();
      await cpo.getByText(mine).waitFor();
      const after = await cpoOf('IND103');
      assert.equal(after.text, mine);
      assert.equal(after.justification, 'Changed by HQ in between', 'their change is kept');
      assert.equal(after.version, before.version + 2);

      // The same editor in French and Spanish, a refusal worded in each, and at 390 px.
      for (const [lang, name, error, from] of [
        ['fr', 'Modifier le résultat IND103', 'Veuillez remplir ce champ.', 'en'],
        ['es', 'Editar el resultado IND103', 'Rellene este campo.', 'fr'],
      ] as const) {
        await switchTo(page, from, lang);
        await cpo.getByRole('button', { name }).click();
        const f = cpo.getByRole('form', { name });
        await f.locator('textarea[name="text"]').fill('');
        await f.locator('button[type="submit"]').click();
        assert.equal(await f.locator('.field-error').innerText(), error);
        await screenshot(page, `editor-cpo-${lang}`);
        await page.keyboard.press('Escape');
        await f.waitFor({ state: 'detached' });
      }
      await switchTo(page, 'es', 'en');
      const { right } = await narrow(page, 'editor-cpo-390', async () => {
        await edit.click();
        await form.waitFor();
        return form;
      });
      assert.ok(right <= 390, `the editor reaches ${right} px on a 390 px screen`);
      assert.equal((await cpoOf('IND103')).text, mine, 'the refused saves changed nothing');
    } finally {
      await page.close();
    }
  });
});

describe('the HQ officer: a strategy outcome with its costing line, an action-plan item', () => {
  let page: Page;
  before(async () => {
    page = await signIn('hq_officer');
  });
  after(() => page.close());

  const fill = async (form: Locator, values: Record<string, string>) => {
    for (const [label, value] of Object.entries(values)) await form.getByLabel(label).fill(value);
  };

  test('adds outcome 4 with its costing line, then revises the line', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Strategies & plans' }).click();
    await page.getByRole('link', { name: /Technical Cooperation Strategy 2010–15/ }).waitFor();
    await checkA11y(page, 'plans');
    await page.getByRole('link', { name: /Technical Cooperation Strategy 2010–15/ }).click();
    const costing = page.getByRole('region', { name: 'Costing' });
    await costing.getByRole('button', { name: 'Add an outcome' }).click();
    const form = costing.getByRole('form', { name: 'Add an outcome' });
    assert.equal(await form.getByLabel('Number').inputValue(), '4', 'the next number is proposed');
    await fill(form, {
      Title: 'Partnerships with the private sector grow',
      'Resources available (USD)': '1500000',
      'Key outputs': 'Due diligence guidance\nTwo partnerships a year',
    });
    await form.getByLabel('Resource gap (USD)').fill('a lot');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').waitFor();
    assert.equal(await form.locator('.field-error').innerText(), 'Write a number such as 12.5: a dot before decimals, no thousands separators.');
    await screenshot(page, 'editor-strategy-outcome-refused-en');
    await form.getByLabel('Resource gap (USD)').fill('250000');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Outcome 4: Partnerships with the private sector grow' }).waitFor();
    const row = costing.getByRole('row', { name: /^Outcome 4/ });
    assert.match(await row.innerText(), /Ca\. (US)?\$1,500,000.*Due diligence guidance\s+Two partnerships a year\s+(US)?\$250,000/s);

    await row.getByRole('button', { name: 'Edit the costing line of outcome 4' }).click();
    const line = row.getByRole('form', { name: 'Edit the costing line of outcome 4' });
    await line.getByLabel('The figure is an estimate (Ca.)').uncheck();
    await line.getByLabel('Resource gap (USD)').fill('200000');
    await screenshot(page, 'editor-strategy-costing-en');
    await line.getByRole('button', { name: 'Save' }).click();
    await line.waitFor({ state: 'detached' });
    await row.getByText(/\$200,000/).waitFor();

    const progress = ok(await someoneElse.get('/api/strategies/TC-STRATEGY-2010-15/progress'));
    const four = progress.outcomes.find((o: { outcome: { number: number } }) => o.outcome.number === 4).outcome;
    assert.deepEqual(
      [four.title, four.availableResources, four.resourcesEstimated, four.keyOutputs, four.resourceGap, four.version],
      ['Partnerships with the private sector grow', '1500000.00', false, ['Due diligence guidance', 'Two partnerships a year'], '200000.00', 2],
    );

    for (const [lang, name, from] of [
      ['fr', 'Modifier la ligne de coûts du résultat 4', 'en'],
      ['es', 'Editar la línea de costos del resultado 4', 'fr'],
    ] as const) {
      await switchTo(page, from, lang);
      await page.getByRole('button', { name }).click();
      await page.getByRole('form', { name }).waitFor();
      await screenshot(page, `editor-strategy-costing-${lang}`);
      await page.keyboard.press('Escape');
    }
    await switchTo(page, 'es', 'en');
    // The costing table scrolls inside its card on a phone; the editor opens in its last column (see the screenshot).
    await narrow(page, 'editor-strategy-costing-390', async () => {
      await page.getByRole('button', { name: 'Edit the costing line of outcome 4' }).click();
      const line = page.getByRole('form', { name: 'Edit the costing line of outcome 4' });
      await line.waitFor();
      return line;
    });
    await page.keyboard.press('Escape');
  });

  test('adds item 9 to component 1 of the plan of action, then revises its due date', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Strategies & plans' }).click();
    await page.getByRole('link', { name: /Office Plan of Action 2019–20/ }).waitFor();
    await checkA11y(page, 'plans');
    await page.getByRole('link', { name: /Office Plan of Action 2019–20/ }).click();
    await page.getByLabel('Show the situation as at').fill('2020-12-31');
    await page.getByRole('table', { name: 'Component 1' }).waitFor();
    await checkA11y(page, 'plan of action');
    const component = page.getByRole('region', { name: /^Component 1:/ });
    await component.getByRole('button', { name: 'Add an item to Component 1' }).click();
    const form = component.getByRole('form', { name: 'Add an item to Component 1' });
    await fill(form, { Number: '1', Action: 'Publish a guide for constituents on the Cooperation Framework', 'Responsible unit': 'PARDEV', 'Due, as written': 'By end 2020' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').waitFor();
    assert.equal(await form.locator('.field-error').innerText(), 'This is already used by another one here.');
    await form.getByLabel('Number').fill('9');
    await form.getByLabel('Due date').fill('2020-12-31');
    await screenshot(page, 'editor-plan-item-en');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    const row = component.getByRole('row', { name: /^9 Publish a guide/ });
    await row.waitFor();

    await row.getByRole('button', { name: 'Edit item 9' }).click();
    const edit = row.getByRole('form', { name: 'Edit item 9' });
    assert.equal(await edit.getByLabel('Responsible unit').inputValue(), 'PARDEV');
    await edit.getByLabel('Due, as written').fill('By mid-2021');
    await edit.getByLabel('Due date').fill('2021-06-30');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await row.getByText('By mid-2021').waitFor();

    const plan = ok(await someoneElse.get('/api/action-plans/UNDS-POA-2019-20?asOf=2020-12-31'));
    const item = plan.components[0].items.at(-1);
    assert.deepEqual(
      [item.number, item.title, item.responsibleUnit, item.dueText, item.dueDate, item.version],
      ['9', 'Publish a guide for constituents on the Cooperation Framework', 'PARDEV', 'By mid-2021', '2021-06-30', 2],
    );

    for (const [lang, name, from] of [
      ['fr', 'Modifier l’action 9', 'en'],
      ['es', 'Editar la acción 9', 'fr'],
    ] as const) {
      await switchTo(page, from, lang);
      await row.getByRole('button', { name }).click();
      await row.getByRole('form', { name }).waitFor();
      await screenshot(page, `editor-plan-item-${lang}`);
      await page.keyboard.press('Escape');
    }
    await switchTo(page, 'es', 'en');
    const { width } = await narrow(page, 'editor-plan-item-390', async () => {
      await row.getByRole('button', { name: 'Edit item 9' }).click();
      const f = row.getByRole('form', { name: 'Edit item 9' });
      await f.waitFor();
      return f;
    });
    assert.ok(width <= 390, `the plan page with the editor open is ${width} px wide on a 390 px screen`);
  });
});
