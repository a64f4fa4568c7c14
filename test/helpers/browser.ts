import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Database } from '../../src/server/db/connect.ts';
import { TEST_PASSWORD } from '../factories.ts';
import { buildApp } from './api.ts';
import { checkA11y, trackRoutes, uncheckedRoutes } from './axe.ts';

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

/** The real server (API and built web UI) on a free port, over a test database; `settings` as in the environment. */
export async function startTestServer(database: Database, settings: Record<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const app = buildApp(database, { DEVCOOP_WEB_DIR: join(import.meta.dirname, '..', '..', 'dist', 'web'), ...settings });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((r) => server.once('listening', () => r()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Debian's Chromium, headless, with no calls home; Playwright gives every launch a fresh, empty profile of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Saves the page as artifacts/screenshots/<name>.png, then checks it with axe (see axe.ts): a page looked at is a page checked. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await checkA11y(page, name);
  return path;
}

/** Waits for the home a sign-in lands on: its heading, then every section answered (loaded, or showing its error). */
export async function waitForHome(page: Page): Promise<void> {
  await page.locator('#home-title').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-home]').length > 0 && document.querySelectorAll('[data-home][aria-busy="true"]').length === 0);
}

/** A new page of the session signed in through the sign-in screen as this user, landed on the home; both screens checked with axe. */
export async function signInOnScreen(session: DemoSession, email: string, password = TEST_PASSWORD): Promise<Page> {
  const page = await session.newPage();
  await page.goto(session.server.url);
  await page.getByLabel('E-mail address').waitFor();
  await checkA11y(page, 'sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
  await waitForHome(page);
  await checkA11y(page, 'home');
  return page;
}

export const DEMO_ADMIN = { email: 'admin@example.org', password: 'browser test password' };

export interface DemoSession {
  database: import('../../src/server/db/connect.ts').Database;
  server: { url: string; close: () => Promise<void> };
  browser: Browser;
  page: Page;
  /** Another page in a browser context of its own (e.g. a second user), its routes tracked like the first's. */
  newPage: () => Promise<Page>;
  /** Closes everything, then fails if a page visited a path that no axe check ran on (see axe.ts). */
  close: () => Promise<void>;
}

/**
 * A test database with the demonstration data, the real server over it, Chromium, and a page — signed in
 * as the demo administrator, on the home, unless `signIn` is false.
 */
export async function openDemoSession({ signIn = true } = {}): Promise<DemoSession> {
  const { openTestDatabase } = await import('./test-db.ts');
  const { loadDemo } = await import('../../src/server/demo/load-demo.ts');
  const database = await openTestDatabase();
  await loadDemo(database.db, DEMO_ADMIN);
  const server = await startTestServer(database);
  const browser = await launchChromium();
  const pages: Page[] = [];
  const newPage = async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    trackRoutes(p);
    pages.push(p);
    return p;
  };
  const page = await newPage();
  if (signIn) {
    await page.goto(server.url);
    await page.getByLabel('E-mail address').waitFor();
    await checkA11y(page, 'sign-in');
    await page.getByLabel('E-mail address').fill(DEMO_ADMIN.email);
    await page.getByLabel('Password').fill(DEMO_ADMIN.password);
    await page.keyboard.press('Enter');
    await waitForHome(page);
    await checkA11y(page, 'home');
  }
  return {
    database,
    server,
    browser,
    page,
    newPage,
    close: async () => {
      const unchecked = pages.flatMap(uncheckedRoutes);
      await browser.close();
      await server.close();
      await database.close();
      if (unchecked.length > 0) throw new Error(`axe: no check ran on ${unchecked.join(', ')}: call screenshot() or checkA11y() once the page has loaded`);
    },
  };
}
