/**
 * The closing line of a CI run: the sum of every suite's node:test counts (read from the TAP files
 * that test/run-tests.ts leaves in artifacts/), as "N passed, N failed". No test run is a failure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'artifacts');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tap')) : [];
let passed = 0;
let failed = 0;
for (const f of files) {
  const tap = readFileSync(join(dir, f), 'utf8');
  const n = (what: string) => Number(tap.match(new RegExp(`^# ${what} (\\d+)$`, 'm'))?.[1] ?? 0);
  console.log(`${f}: ${n('pass')} passed, ${n('fail') + n('cancelled')} failed`);
  passed += n('pass');
  failed += n('fail') + n('cancelled');
}
if (passed + failed === 0) console.log('No test ran.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
