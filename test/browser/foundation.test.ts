import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from '../helpers/axe.ts';
import { DEMO_ADMIN, type DemoSession, openDemoSession, screenshot, waitForHome } from '../helpers/browser.ts';

const ADMIN = DEMO_ADMIN;
let session: DemoSession;
let page: Page;
let database: DemoSession['database'];
let server: DemoSession['server'];

before(async () => {
  session = await openDemoSession({ signIn: false });
  ({ page, database, server } = session);
});
after(() => session?.close());

/** The administrator's sessions the server still holds. */
const adminSessions = () =>
  database.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select('sessions.id').where('users.email', '=', ADMIN.email).execute();

describe('the web interface in Chromium', () => {
  test('the accessibility check fails on a violation, naming the rule and the element', async () => {
    const bad = await session.newPage();
    await bad.setContent('<html><head><title>Bad</title></head><body><main><img src="data:,"></main></body></html>');
    await assert.rejects(
      checkA11y(bad, 'a page made to fail'),
      /axe: 2 rules violated on a page made to fail[\s\S]*image-alt \(critical, 1 element\): Images must have alternative text\n {4}img\n {6}Fix any of the following: Element does not have an alt attribute; /,
    );
    await bad.close();
  });

  test('sign in with a wrong password, then the right one, by keyboard alone', async () => {
    await page.goto(server.url);
    await page.getByLabel('E-mail address').waitFor();
    await screenshot(page, 'sign-in');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'email', 'Tab reaches the e-mail field');
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /wrong/);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await waitForHome(page);
    assert.equal(new URL(page.url()).pathname, '/', 'a sign-in lands on the home');
    await screenshot(page, 'home-administrator');
  });

  test('the offices page shows the tree, marked synthetic, and collapses by keyboard', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Offices', exact: true }).click();
    const rows = page.locator('table.data tbody tr');
    // wait for the data, not the heading (the heading is there before the offices arrive)
    await page.getByRole('link', { name: 'Regional Office for Asia and the Pacific' }).waitFor();
    assert.equal(await rows.count(), 26);
    assert.ok(await page.getByRole('link', { name: 'Regional Office for Asia and the Pacific' }).isVisible());
    assert.ok((await page.locator('.badge').count()) > 0, 'demo offices carry the synthetic badge');
    await screenshot(page, 'offices');
    await page.getByRole('button', { name: 'Hide offices below Regional Office for Asia and the Pacific' }).focus();
    await page.keyboard.press('Enter');
    const collapsed = page.getByRole('button', { name: 'Show offices below Regional Office for Asia and the Pacific' });
    assert.equal(await collapsed.getAttribute('aria-expanded'), 'false');
    assert.equal(await rows.count(), 22, 'its four offices are hidden');
    await page.keyboard.press('Enter');
    assert.equal(await rows.count(), 26);
  });

  test('create an office through the form; a bad field is named', async () => {
    await page.getByRole('link', { name: 'New office' }).click();
    await page.getByLabel(/^Name/).fill('Country Office for Kenya');
    await page.getByLabel(/^Code/).fill('HQ');
    await page.getByLabel('Type').selectOption('country_office');
    await page.getByLabel('Parent office').selectOption({ label: 'Regional Office for Africa (RO-AFRICA)' });
    await page.getByLabel('Country').selectOption('KE');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /already exists/);
    await screenshot(page, 'office-new-refused');
    await page.getByLabel(/^Code/).fill('CO-NAIROBI');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Country Office for Kenya saved' }).waitFor();
  });

  test('a stale edit is refused with an explanation, and reloading shows the other change', async () => {
    await page.getByRole('link', { name: 'Country Office for Kenya', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit Country Office for Kenya' }).waitFor();
    const id = page.url().split('/').pop() as string;
    // Someone else changes the office meanwhile.
    await database.db.updateTable('offices').set({ city: 'Nairobi', version: 2 }).where('id', '=', id).execute();
    await page.getByLabel('City').fill('Mombasa');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else changed this office' }).waitFor();
    await screenshot(page, 'office-conflict');
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => (document.querySelector('#f-city') as HTMLInputElement | null)?.value === 'Nairobi');
    const stored = await database.db.selectFrom('offices').select('city').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(stored.city, 'Nairobi', 'the stale write changed nothing');
  });

  test('the audit trail shows the changes with before and after', async () => {
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.locator('table.audit tbody tr').first().waitFor();
    const text = await page.locator('table.audit').innerText();
    assert.match(text, /create/);
    assert.match(text, /Country Office for Kenya/);
    assert.doesNotMatch(text, /Mombasa/, 'the refused stale edit changed nothing, so it is not in the trail');
    await screenshot(page, 'audit');
  });

  test('the language switch turns the interface French, then Spanish', async () => {
    await page.getByRole('link', { name: 'Offices' }).click();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Bureaux' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    assert.ok(await page.getByRole('cell', { name: 'Bureau régional' }).first().isVisible());
    await screenshot(page, 'offices-fr');
    await page.getByLabel('Langue').selectOption('es');
    await page.getByRole('heading', { name: 'Oficinas' }).waitFor();
    await page.getByLabel('Idioma').selectOption('en');
  });

  test('the API reference page renders from local assets', async () => {
    await page.goto(`${server.url}/api/docs`);
    await page.getByText('devcoop API').first().waitFor({ timeout: 15_000 });
    await page.getByText('/api/offices/{id}').first().waitFor();
    await screenshot(page, 'api-reference');
  });

  test('the account page, by keyboard: a guessable password is refused saying why in the reader’s language; a good one is set; sign out everywhere', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByLabel('Current password').focus();
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-new', 'Tab reaches the new password');
    await page.keyboard.type('password1234');
    await page.keyboard.press('Tab');
    await page.keyboard.type('password1234');
    await page.keyboard.press('Enter');
    const error = page.locator('#e-new');
    await error.waitFor();
    assert.match(await error.innerText(), /too easy to guess.*similar to a commonly used password/);
    assert.equal(await page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'account-weak');

    await page.locator('header').getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.locator('#e-new').filter({ hasText: 'trop facile à deviner' }).waitFor();
    assert.match(await page.locator('#e-new').innerText(), /ressemble à un mot de passe courant/);
    await page.locator('header').getByLabel('Langue').selectOption('es');
    await page.getByRole('button', { name: 'Cambiar mi contraseña' }).click();
    await page.locator('#e-new').filter({ hasText: 'demasiado fácil de adivinar' }).waitFor();
    await page.locator('header').getByLabel('Idioma').selectOption('en');

    await page.getByLabel('New password', { exact: true }).fill('violet kettle under the stairs');
    await page.getByLabel('New password again').fill('violet kettle under the stairs');
    await page.getByLabel('New password again').press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await screenshot(page, 'account-changed');

    await page.getByRole('button', { name: 'Sign out everywhere' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const sessions = await adminSessions();
    assert.equal(sessions.length, 0, 'every session of the administrator ended');
  });

  test('an office deleted from the offices page; signing out ends the session: after a reload the browser is still signed out', async () => {
    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('Password').fill('violet kettle under the stairs');
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('link', { name: 'Offices' }).click();
    await page.getByRole('link', { name: 'Country Office for Kenya', exact: true }).waitFor();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete Country Office for Kenya', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Office Country Office for Kenya deleted.' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Country Office for Kenya', exact: true }).count(), 0);
    assert.equal(await database.db.selectFrom('offices').select('id').where('code', '=', 'CO-NAIROBI').executeTakeFirst(), undefined, 'gone from the database');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkA11y(page, 'signed-out');
    assert.equal(await page.evaluate(async () => (await fetch('/api/session')).status), 401, 'the server holds no session for this browser');
    const sessions = await adminSessions();
    assert.equal(sessions.length, 0, 'the session ended on the server');
  });
});
