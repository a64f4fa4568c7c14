import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const SERVER = join(import.meta.dirname, '..');

/** What a route file must not do itself (docs/ARCHITECTURE.md, Names: routes validate, call one service, present). */
const FORBIDDEN: [RegExp, string][] = [
  [/\brequireRight\(|\bofficeScope\(|\bscopeFor\(/, 'checks a right (the service does)'],
  [/\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/, 'holds SQL (a service or a queries file does)'],
  [/\binTransaction\(/, 'opens a transaction (a service does)'],
];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? routeFiles(join(dir, e.name)) : e.name.endsWith('.routes.ts') ? [join(dir, e.name)] : []));
}

test('routes are thin: no route file checks a right, holds SQL or opens a transaction', () => {
  const files = routeFiles(SERVER);
  assert.ok(files.length > 20, `found ${files.length} route files`);
  const found: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const [pattern, what] of FORBIDDEN) if (pattern.test(line)) found.push(`${relative(SERVER, file)}:${i + 1} ${what}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});
