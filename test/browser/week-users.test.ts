import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/server/access/actor.ts';
import { updateUser } from '../../src/server/modules/users/users.service.ts';
import { DEMO_ADMIN, type DemoSession, openDemoSession, screenshot, waitForHome } from '../helpers/browser.ts';

/**
 * The users screens: an administrator creates a user whose language is French; the user signs in and sees the
 * interface in French; deactivated, the user can no longer sign in and is told why. The screens in English,
 * French, Spanish and at 390 px.
 */

const NEW_USER = { name: 'Chloé Martin', email: 'chloe.martin@example.org', password: 'violet kettle marches sideways' };
let session: DemoSession;
let page: Page;
let userId = '';

before(async () => {
  session = await openDemoSession({ signIn: false });
  page = session.page;
});
after(() => session?.close());

/** Signs in through the sign-in screen, whatever its language (the fields are found by name). */
async function signIn(email: string, password: string) {
  await page.goto(session.server.url);
  await page.locator('input[name="email"]').waitFor();
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.keyboard.press('Enter');
}

const menu = () => page.getByRole('navigation').first();

describe('users: create, language at sign-in, deactivate', () => {
  test('an administrator signs in and creates a user with a role, an office and French; a refused form says why and takes the focus', async () => {
    await signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await waitForHome(page);
    await menu().getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.locator('table.data tbody tr').first().waitFor();
    await screenshot(page, 'users-list');

    await page.getByRole('link', { name: 'New user' }).click();
    await page.getByRole('heading', { name: 'New user', level: 1 }).waitFor();
    // Nothing filled: the server refuses, each field says why in plain words, the summary takes the focus.
    await page.getByRole('button', { name: 'Create the user' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'the summary has the focus');
    assert.match(await summary.innerText(), /E-mail address: Give a valid e-mail address/);
    assert.match(await page.locator('#e-email').innerText(), /Give a valid e-mail address/);
    assert.equal(await page.locator('#f-email').getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'user-new-refused');
    // The summary's entry leads to its field.
    await summary.getByRole('link', { name: /E-mail address/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-email');

    const office = await session.database.db.selectFrom('offices').select(['id', 'name']).where('code', '=', 'CO-DELHI').executeTakeFirstOrThrow();
    await page.locator('#f-name').fill(NEW_USER.name);
    await page.locator('#f-email').fill(NEW_USER.email);
    await page.locator('#f-role').selectOption('programme_officer');
    await page.locator('#f-officeId').selectOption(office.id);
    await page.locator('#f-locale').selectOption('fr');
    // A guessable password is refused, in plain words, next to the field.
    await page.locator('#f-password').fill('password1234');
    await page.getByRole('button', { name: 'Create the user' }).click();
    await page.locator('#e-password').filter({ hasText: 'too easy to guess' }).waitFor();
    await page.locator('#f-password').fill(NEW_USER.password);
    await page.getByRole('button', { name: 'Create the user' }).click();
    await page.getByRole('heading', { name: NEW_USER.name, level: 1 }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Created the account of ${NEW_USER.name}` })
      .waitFor();
    userId = new URL(page.url()).pathname.split('/').pop() as string;
    const facts = await page.locator('dl.account-facts').innerText();
    assert.match(facts, /Programme officer/);
    assert.match(facts, new RegExp(office.name));
    assert.match(facts, /Français/);
    await page.locator('#history-title ~ *').getByText('create').first().waitFor();
    await screenshot(page, 'user-created');
  });

  test('the new user signs in and sees the interface in French', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name="email"]').waitFor();
    await signIn(NEW_USER.email, NEW_USER.password);
    await waitForHome(page);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Accueil', exact: true }).waitFor();
    assert.ok(await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Projets', exact: true }).isVisible(), 'a French menu');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal(await page.getByRole('link', { name: 'Utilisateurs' }).count(), 0, 'no users screen for a programme officer');
    await screenshot(page, 'home-new-user-fr');
    await page.getByRole('link', { name: 'Mon compte' }).click();
    await page.getByRole('heading', { name: 'Langue', level: 2 }).waitFor();
    assert.equal(await page.locator('#f-locale').inputValue(), 'fr');
    await screenshot(page, 'account-fr');
    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await page.locator('input[name="email"]').waitFor();
  });

  test('a stale save says who changed the user and when; the administrator deactivates the user', async () => {
    await signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await waitForHome(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', "the administrator's own language again");
    await page.goto(`${session.server.url}/users?q=chloe`);
    await page.getByRole('link', { name: NEW_USER.name }).click();
    await page.getByRole('heading', { name: NEW_USER.name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.locator('#f-name').fill('Chloé Martin-Dubois');
    // Meanwhile someone else changes the user.
    const current = await session.database.db.selectFrom('users').select('version').where('id', '=', userId).executeTakeFirstOrThrow();
    await updateUser(session.database.db, userId, { locale: 'fr', name: 'Chloé Martin', version: current.version }, systemActor('cli', 'Operations desk'));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Someone else changed this record since you opened it: Operations desk, ' });
    await stale.waitFor();
    await screenshot(page, 'user-stale');
    // Reloading keeps the editor open, with the record as it now is.
    await stale.getByRole('button', { name: 'Reload' }).click();
    await stale.waitFor({ state: 'detached' });
    assert.equal(await page.locator('#f-name').inputValue(), 'Chloé Martin');
    await page.locator('#f-name').fill('Chloé Martin-Dubois');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Chloé Martin-Dubois', level: 1 }).waitFor();

    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Deactivate the account' }).click();
    await page.getByRole('status').filter({ hasText: 'is deactivated' }).waitFor();
    await page.getByRole('button', { name: 'Reactivate the account' }).waitFor();
    await screenshot(page, 'user-deactivated');
    await page.getByRole('button', { name: 'Reset the password…' }).click();
    await page.locator('#f-password').waitFor();
    await screenshot(page, 'user-reset-password');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name="email"]').waitFor();
  });

  test('the deactivated user can no longer sign in, and is told so', async () => {
    await signIn(NEW_USER.email, NEW_USER.password);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /This account has been deactivated\. Ask an administrator to reactivate it\./);
    assert.equal(await page.locator('#home-title').count(), 0);
    await screenshot(page, 'sign-in-deactivated');
    // A wrong password says nothing of the account.
    await page.locator('input[name="password"]').fill('not the password at all');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'The e-mail address or password is wrong' }).waitFor();
  });

  test('the users screens in French, Spanish and at 390 px', async () => {
    await signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await waitForHome(page);
    for (const [lang, title, newTitle] of [
      ['fr', 'Utilisateurs', 'Nouvel utilisateur'],
      ['es', 'Usuarios', 'Nuevo usuario'],
    ] as const) {
      await page.goto(`${session.server.url}/users`);
      await page.locator('header select').selectOption(lang);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.locator('table.data tbody tr').first().waitFor();
      await screenshot(page, `users-list-${lang}`);
      await page.goto(`${session.server.url}/users/${userId}`);
      await page.locator('dl.account-facts').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, 'the saved language holds over a reload');
      await screenshot(page, `user-${lang}`);
      await page.goto(`${session.server.url}/users/new`);
      await page.getByRole('heading', { name: newTitle, level: 1 }).waitFor();
      await screenshot(page, `user-new-${lang}`);
    }
    await page.locator('header select').selectOption('en');
    await page.getByRole('heading', { name: 'New user', level: 1 }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, name] of [
      ['/users', 'users-list-390'],
      [`/users/${userId}`, 'user-390'],
      ['/users/new', 'user-new-390'],
      ['/account', 'account-390'],
    ] as const) {
      await page.goto(`${session.server.url}${path}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 392 && !e.closest('.table-wrap'))
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`),
      );
      assert.ok(width <= 390, `${path} is ${width} px wide on a 390 px screen: ${wide.join(', ')}`);
      await screenshot(page, name);
    }
  });
});
