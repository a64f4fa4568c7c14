import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * Accessibility in the browser suites: axe-core (the engine alone, injected into the page) with the WCAG 2.0,
 * 2.1 and 2.2 level A and AA rules. `checkA11y` fails with every violation listed (rule, impact, the elements,
 * what to do); `screenshot()` calls it, so every page a suite looks at is checked where it has loaded.
 * `trackRoutes` records every path a page visits; `uncheckedRoutes` names those it left without a check, so a
 * page a suite passes through without a screenshot fails the suite until it gets a check (no list to keep).
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const OPTIONS: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };

/** The paths each tracked page visited, and those checked while it was on them. */
const routes = new WeakMap<Page, { visited: Set<string>; checked: Set<string> }>();

const routeOf = (url: string) => new URL(url).pathname;

export function trackRoutes(page: Page): void {
  if (routes.has(page)) return;
  const state = { visited: new Set<string>(), checked: new Set<string>() };
  routes.set(page, state);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith('http')) state.visited.add(routeOf(frame.url()));
  });
}

/** The paths the page visited that no check ran on. */
export function uncheckedRoutes(page: Page): string[] {
  const state = routes.get(page);
  return state ? [...state.visited].filter((r) => !state.checked.has(r)) : [];
}

/** One violation as a reader wants it: the rule, how bad, where (at most five elements), and what to do. */
export function describeViolation(v: Result): string {
  const where = v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/:\n\s*/, ': ').replace(/\n\s*/g, '; ')}` : ''}`);
  const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
  return [`  ${v.id} (${v.impact ?? 'unknown impact'}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}): ${v.help}`, ...where, ...more, `    ${v.helpUrl}`].join('\n');
}

/** Runs axe on the page as it is now; throws naming every WCAG 2 A/AA violation. */
export async function checkA11y(page: Page, name = routeOf(page.url())): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    (options) => (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, options),
    OPTIONS,
  )) as AxeResults;
  routes.get(page)?.checked.add(routeOf(page.url()));
  const violations = results.violations;
  if (violations.length > 0) {
    const count = violations.reduce((n, v) => n + v.nodes.length, 0);
    throw new Error(
      `axe: ${violations.length} rule${violations.length === 1 ? '' : 's'} violated on ${name} (${page.url()}), ${count} element${count === 1 ? '' : 's'}:\n${violations.map(describeViolation).join('\n')}`,
    );
  }
}
