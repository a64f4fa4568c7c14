import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Database } from '../../src/server/db/connect.ts';
import { buildApp } from './api.ts';

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

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export const DEMO_ADMIN = { email: 'admin@example.org', password: 'browser test password' };

export interface DemoSession {
  database: import('../../src/server/db/connect.ts').Database;
  server: { url: string; close: () => Promise<void> };
  browser: Browser;
  page: Page;
  close: () => Promise<void>;
}

/**
 * A test database with the demonstration data, the real server over it, Chromium, and a page — signed in
 * as the demo administrator unless `signIn` is false.
 */
export async function openDemoSession({ signIn = true } = {}): Promise<DemoSession> {
  const { openTestDatabase } = await import('./test-db.ts');
  const { loadDemo } = await import('../../src/server/demo/load-demo.ts');
  const database = await openTestDatabase();
  await loadDemo(database.db, DEMO_ADMIN);
  const server = await startTestServer(database);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  if (signIn) {
    await page.goto(server.url);
    await page.getByLabel('E-mail address').fill(DEMO_ADMIN.email);
    await page.getByLabel('Password').fill(DEMO_ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Offices' }).waitFor();
  }
  return {
    database,
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.close();
      await database.close();
    },
  };
}
