import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { today } from '../../src/shared/dates.ts';
import { buildUser, TEST_PASSWORD } from '../factories.ts';
import { checkA11y } from '../helpers/axe.ts';
import { type DemoSession, openDemoSession, screenshot, signInOnScreen, waitForHome } from '../helpers/browser.ts';

/**
 * An HQ officer registers a partner on screen, records its due diligence, records an agreement with amounts for two
 * years and sees the coordination levy, edits it, and meets a stale save. The API is called only to check results.
 */
let session: DemoSession;
let page: Page;
const ids: { partner?: string; agreement?: string } = {};
const nextYear = Number(today().slice(0, 4)) + 1;
const inTwoYears = `${nextYear + 1}${today().slice(4)}`;

before(async () => {
  session = await openDemoSession({ signIn: false });
  const user = await buildUser(session.database.db, 'hq_officer');
  page = await signInOnScreen(session, user.email);
});
after(() => session?.close());

/** What the browser's own session reads from the API (to check a result, never to act). */
const read = <T>(path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
/** The element that has the keyboard focus, by its class. */
const focused = () => page.evaluate(() => document.activeElement?.className ?? '');

describe('partners, due diligence and agreements on screen', () => {
  test('a new partner: the server’s refusals worded beside each field with a summary that takes the focus, then registered', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners', exact: true }).click();
    await page.getByRole('heading', { name: 'Partners and agreements' }).waitFor();
    await screenshot(page, 'week-partners-list');
    await page.getByRole('link', { name: 'New partner' }).click();
    await page.getByRole('heading', { name: 'New partner' }).waitFor();
    await screenshot(page, 'week-partner-new');

    await page.getByLabel('IATI organisation identifier').fill('XM DAC 7');
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const said = await summary.innerText();
    for (const problem of ['Name: Required: enter a value.', 'Code: Required: enter a value.', 'IATI organisation identifier: An IATI organisation identifier such as XM-DAC-7.'])
      assert.ok(said.includes(problem), `the summary says "${problem}": ${said}`);
    assert.equal(await focused(), 'error-summary', 'the summary takes the focus');
    assert.equal(await page.getByLabel('Name').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#partner-name-error').innerText(), /Name: Required: enter a value/);
    await screenshot(page, 'week-partner-new-errors');
    await summary.getByRole('link', { name: /^Name:/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'partner-name', 'a summary link takes the user to the field');

    await page.getByLabel('Name').fill('Acme Cooperative Bank');
    await page.getByLabel('Code').fill('ACME-CB');
    await page.getByLabel('Type').selectOption('private_sector');
    await page.getByLabel('IATI organisation identifier').fill('XM-OCHA-ACME');
    await page.getByLabel('Country').selectOption('KE');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Partner Acme Cooperative Bank registered.').waitFor();
    ids.partner = new URL(page.url()).pathname.split('/')[2];
    const blocked = page.locator('[data-dd="blocked"]');
    assert.match(await blocked.innerText(), /Acme Cooperative Bank is a private-sector partner without a current positive due-diligence review: it cannot sign agreements/);
    await screenshot(page, 'week-partner');

    const saved = await read<{ code: string; partnerType: string; organisationRef: string; countryCode: string; dueDiligence: unknown[] }>(`/api/partners/${ids.partner}`);
    assert.deepEqual([saved.code, saved.partnerType, saved.organisationRef, saved.countryCode, saved.dueDiligence.length], ['ACME-CB', 'private_sector', 'XM-OCHA-ACME', 'KE', 0]);
  });

  test('the partner edited on demand: a code another partner holds is refused on its field, then the change is saved', async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit Acme Cooperative Bank' });
    await form.getByLabel('Code').fill('EU');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.error-summary').waitFor();
    assert.match(await form.locator('.error-summary').innerText(), /Code: another record already uses this value\./);
    assert.match(await page.locator('#partner-code-error').innerText(), /another record already uses this value/);
    await screenshot(page, 'week-partner-edit-errors');
    await form.getByLabel('Code').fill('ACME-CB');
    await form.getByLabel('Name').fill('Acme Cooperative Bank Ltd');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Changes to Acme Cooperative Bank Ltd saved.').waitFor();
    await page.getByRole('heading', { name: 'Acme Cooperative Bank Ltd', level: 1 }).waitFor();
    await checkA11y(page, 'partner-saved');
    const p = await read<{ name: string; code: string; version: number }>(`/api/partners/${ids.partner}`);
    assert.deepEqual([p.name, p.code, p.version], ['Acme Cooperative Bank Ltd', 'ACME-CB', 2], 'one change saved, the refused one changed nothing');
  });

  test('its due diligence: a review recorded through the form lifts the bar on signing', async () => {
    await page.getByRole('button', { name: 'Record a review' }).click();
    const form = page.getByRole('form', { name: 'Record a review' });
    await form.getByLabel('Reviewer').fill('PARDEV due diligence unit');
    await form.getByLabel('Valid until').fill(today());
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.error-summary').waitFor();
    assert.match(await form.locator('.error-summary').innerText(), /Valid until: must come after the review date\./);
    await form.getByLabel('Valid until').fill(inTwoYears);
    for (const c of ['Labour standards', 'Human rights', 'Environment', 'Anti-corruption']) await form.getByLabel(c).check();
    await form.getByLabel('Risk rating').selectOption('medium');
    await form.getByLabel('Decision').selectOption('approved_with_conditions');
    await form.getByLabel('Conditions and notes').fill('Annual report on labour practices in its supply chain');
    await screenshot(page, 'week-partner-review-form');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Review recorded.', { exact: true }).waitFor();
    await page.locator('[data-dd="current"]').waitFor();
    assert.equal(await page.locator('[data-dd="blocked"]').count(), 0, 'no longer barred from signing');
    const row = await page.getByRole('region', { name: 'Due diligence' }).first().locator('tbody tr').innerText();
    assert.match(row, /Medium\s+Approved with conditions\s+Annual report on labour practices in its supply chain\s+.+\s+PARDEV due diligence unit/);
    await screenshot(page, 'week-partner-reviewed');
    const partner = await read<{ dueDiligence: { decision: string; riskRating: string; criteria: Record<string, boolean> }[] }>(`/api/partners/${ids.partner}`);
    assert.deepEqual(
      partner.dueDiligence.map((d) => [d.decision, d.riskRating, Object.values(d.criteria).every(Boolean)]),
      [['approved_with_conditions', 'medium', true]],
    );
  });

  test('an agreement with amounts for two years: a wrong amount is refused on its row, then the levy is shown', async () => {
    await page.getByRole('link', { name: 'New agreement' }).click();
    await page.getByRole('heading', { name: 'New agreement' }).waitFor();
    const form = page.getByRole('form', { name: 'New agreement' });
    assert.equal(await form.getByLabel('Partner').inputValue(), ids.partner, 'the partner it was opened from');
    await form.getByLabel('Code').fill('ACME-2027-01');
    await form.getByLabel(/^Title/).fill('Skills for green jobs in Kenya');
    await form.getByLabel('Start').fill(`${nextYear}-01-01`);
    await form.getByLabel('End').fill(`${nextYear + 1}-12-31`);
    await form.getByLabel('Currency').selectOption('EUR');
    await form.getByLabel('Earmarking').selectOption('tightly_earmarked');
    await form.getByRole('button', { name: 'Add a year' }).click();
    await form.getByRole('button', { name: 'Add a year' }).click();
    await form.getByLabel('Year, row 1').fill(String(nextYear));
    await form.getByLabel('Amount, row 1').fill('1250000.50');
    await form.getByLabel('Year, row 2').fill(String(nextYear + 1));
    await form.getByLabel('Amount, row 2').fill('800000.125');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.error-summary').waitFor();
    assert.match(await form.locator('.error-summary').innerText(), /Amount, row 2: enter an amount that is not negative, such as 1250\.50, with at most 2 decimals in EUR\./);
    assert.equal(await focused(), 'error-summary');
    await screenshot(page, 'week-agreement-new-errors');
    await form.getByLabel('Amount, row 2').fill('800000');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Agreement ACME-2027-01 recorded.').waitFor();
    ids.agreement = new URL(page.url()).pathname.split('/')[2];
    const levy = await page.getByRole('region', { name: 'Coordination levy' }).first().locator('table').innerText();
    assert.match(levy, new RegExp(`${nextYear}\\s+€1,250,000\\.50\\s+€12,500\\.01\\s+1%`));
    assert.match(levy, new RegExp(`${nextYear + 1}\\s+€800,000\\.00\\s+€8,000\\.00\\s+1%`));
    assert.match(levy, /Total\s+€2,050,000\.50\s+€20,500\.01/);
    assert.match(await page.locator('[data-levy="rule"]').innerText(), /^Rule: UN General Assembly resolution 72\/279/, 'the rule that set it');
    await screenshot(page, 'week-agreement');
    const a = await read<{ total: string; levyTotal: string; amounts: unknown }>(`/api/agreements/${ids.agreement}`);
    assert.deepEqual(
      [a.total, a.levyTotal, a.amounts],
      [
        '2050000.50',
        '20500.01',
        [
          { year: nextYear, amount: '1250000.50' },
          { year: nextYear + 1, amount: '800000.00' },
        ],
      ],
    );
  });

  test('the agreement edited: only what changed is saved, and the levy follows', async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit agreement ACME-2027-01' });
    await form.getByLabel('Amount, row 2').fill('900000');
    await form.getByLabel('Status').selectOption('draft');
    await screenshot(page, 'week-agreement-edit');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Changes to ACME-2027-01 saved.').waitFor();
    assert.match(await page.getByRole('region', { name: 'Coordination levy' }).first().locator('tfoot').innerText(), /€2,150,000\.50\s+€21,500\.01/);
    const a = await read<{ status: string; title: string; version: number }>(`/api/agreements/${ids.agreement}`);
    assert.deepEqual([a.status, a.title, a.version], ['draft', 'Skills for green jobs in Kenya', 2]);
    const audit = await read<{ items: { action: string }[] }>(`/api/audit?entityType=agreement&entityId=${ids.agreement}`);
    assert.deepEqual(audit.items.map((i) => i.action).sort(), ['create', 'update'], 'each change audited');
  });

  test('a stale save: someone else changed the agreement meanwhile; the notice says so and the draft stays', async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit agreement ACME-2027-01' });
    await form.getByLabel(/^Title/).fill('My unsaved title');
    // Someone else saves first (straight into the database, as another session's save would leave it).
    await session.database.db
      .updateTable('agreements')
      .set({ title: 'Changed elsewhere', version: sql<number>`version + 1`, updated_at: new Date().toISOString() })
      .where('id', '=', ids.agreement as string)
      .execute();
    await form.getByRole('button', { name: 'Save' }).click();
    const notice = form.getByRole('alert');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Someone else changed this record since you opened it.*Your changes are still in the form/);
    assert.equal(await form.getByLabel(/^Title/).inputValue(), 'My unsaved title', 'the draft stays visible');
    assert.equal((await read<{ title: string }>(`/api/agreements/${ids.agreement}`)).title, 'Changed elsewhere', 'the stale save changed nothing');
    await screenshot(page, 'week-agreement-conflict');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => (document.getElementById('agreement-title') as HTMLInputElement | null)?.value === 'Changed elsewhere');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the agreements list by partner, filtered by partner and status', async () => {
    await page.goto(`${session.server.url}/agreements`);
    await page.getByRole('heading', { name: 'Agreements', exact: true, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Acme Cooperative Bank Ltd' }).waitFor();
    await screenshot(page, 'week-agreements');
    await page.getByLabel('Partner').selectOption(ids.partner as string);
    await page.getByLabel('Status').selectOption('draft');
    await page.waitForURL(/partner=.*status=draft/);
    assert.deepEqual(await page.getByRole('heading', { level: 2 }).allInnerTexts(), ['Acme Cooperative Bank Ltd']);
    assert.match(await page.locator('table.agreements tbody').innerText(), /ACME-2027-01 Changed elsewhere/);
    await page.getByLabel('Status').selectOption('closed');
    await page.getByText('No agreement matches.').waitFor();
    await checkA11y(page, 'agreements-filtered');
    // An exempt contribution (the demonstration's domestic resources): no levy, and the exemption the server applied.
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Partner').selectOption('');
    await page.getByRole('link', { name: /IN-2024-DOM/ }).click();
    await page.locator('[data-levy="exemption"]').waitFor();
    assert.match(await page.locator('[data-levy="exemption"]').innerText(), /^Exemption: Domestic resources of the programme country are not third-party contributions/);
    assert.match(await page.getByRole('region', { name: 'Coordination levy' }).first().locator('tfoot').innerText(), /Total\s+₹300,000,000\.00\s+₹0\.00/);
    await screenshot(page, 'week-agreement-exempt');
  });

  test('a reader without partners.write sees the pages without their editors, and the API refuses a change', async () => {
    const office = await session.database.db.selectFrom('offices').select('id').where('code', '=', 'CO-DELHI').executeTakeFirstOrThrow();
    const user = await buildUser(session.database.db, 'programme_officer', { officeId: office.id });
    const reader = await session.newPage();
    try {
      await reader.goto(session.server.url);
      await reader.getByLabel('E-mail address').waitFor();
      await checkA11y(reader, 'sign-in');
      await reader.getByLabel('E-mail address').fill(user.email);
      await reader.getByLabel('Password').fill(TEST_PASSWORD);
      await reader.keyboard.press('Enter');
      await waitForHome(reader);
      await checkA11y(reader, 'home');
      await reader.goto(`${session.server.url}/partners/${ids.partner}`);
      await reader.locator('[data-dd="current"]').waitFor();
      await checkA11y(reader, 'partner-reader');
      for (const name of ['Edit', 'Record a review']) assert.equal(await reader.getByRole('button', { name }).count(), 0, `no ${name} button`);
      assert.equal(await reader.getByRole('link', { name: 'New agreement' }).count(), 0, 'no New agreement link');
      await reader.goto(`${session.server.url}/agreements/${ids.agreement}`);
      await reader.getByRole('heading', { name: 'Coordination levy' }).waitFor();
      assert.equal(await reader.getByRole('button', { name: 'Edit' }).count(), 0);
      await checkA11y(reader, 'agreement-reader');
      // With the session's CSRF token, so that the refusal is the right's, not the missing header's.
      const refused = await reader.evaluate(async (id) => {
        const { csrfToken } = await (await fetch('/api/session')).json();
        const r = await fetch(`/api/partners/${id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
          body: '{"version":1,"name":"Renamed"}',
        });
        return [r.status, (await r.json()).error?.code];
      }, ids.partner);
      assert.deepEqual(refused, [403, 'FORBIDDEN'], 'the API refuses the reader’s change');
    } finally {
      await reader.close();
    }
  });

  test('every new screen in French and Spanish, and at 390 px wide', async () => {
    const screens = [
      ['partner', `/partners/${ids.partner}`, '#partner-heading'],
      ['partner-new', '/partners/new', '#partner-name'],
      ['agreement', `/agreements/${ids.agreement}`, '#agreement-heading'],
      ['agreement-new', `/agreements/new?partner=${ids.partner}`, '#agreement-code'],
      ['agreements', '/agreements', 'table.agreements'],
    ] as const;
    const words = {
      fr: { required: 'Nom : Obligatoire : saisissez une valeur.', save: 'Enregistrer', levy: 'Prélèvement de coordination' },
      es: { required: 'Nombre: Obligatorio: introduzca un valor.', save: 'Guardar', levy: 'Tasa de coordinación' },
    } as const;
    for (const lang of ['fr', 'es'] as const) {
      await page.getByLabel(lang === 'fr' ? 'Language' : 'Langue').selectOption(lang);
      for (const [name, path, ready] of screens) {
        await page.goto(`${session.server.url}${path}`);
        await page.locator(ready).first().waitFor();
        if (name === 'agreement') await page.getByRole('heading', { name: words[lang].levy }).waitFor();
        await screenshot(page, `week-${name}-${lang}`);
      }
      // The server's refusal in the reader's language.
      await page.goto(`${session.server.url}/partners/new`);
      await page.getByRole('button', { name: words[lang].save }).click();
      await page.locator('.error-summary').waitFor();
      assert.match(await page.locator('.error-summary').innerText(), new RegExp(words[lang].required));
      await screenshot(page, `week-partner-new-errors-${lang}`);
    }
    await page.getByLabel('Idioma').selectOption('en');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, path, ready] of screens) {
      await page.goto(`${session.server.url}${path}`);
      await page.locator(ready).first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > 390)
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}#${e.id}`),
      );
      assert.ok(width <= 390, `${name} is ${width} px wide on a 390 px screen: ${wide.join(', ')}`);
      await screenshot(page, `week-${name}-390`);
    }
  });
});
