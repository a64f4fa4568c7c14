import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DataFolderLockedError, lockDataFolder } from './data-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'devcoop-lock-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('data folder lock', () => {
  test('a second holder is refused with a message naming the folder and the process', () => {
    const release = lockDataFolder(dir);
    assert.throws(
      () => lockDataFolder(dir),
      (err: Error) => err instanceof DataFolderLockedError && err.message.includes(dir) && err.message.includes(String(process.pid)),
    );
    release();
    assert.equal(existsSync(join(dir, 'devcoop.lock')), false);
    lockDataFolder(dir)();
  });

  test('a lock left by a process that has died is taken over', () => {
    // A pid above the kernel's pid_max (2^22) cannot be alive.
    writeFileSync(join(dir, 'devcoop.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 'then' }));
    const release = lockDataFolder(dir);
    assert.equal(JSON.parse(readFileSync(join(dir, 'devcoop.lock'), 'utf8')).pid, process.pid);
    release();
  });
});
