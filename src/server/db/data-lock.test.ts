import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DataFolderLockedError, lockDataFolder } from './data-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'devcoop-lock-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Another process that takes the lock and reports when it holds it. */
function holderProcess(folder: string) {
  const code = `import('${join(import.meta.dirname, 'data-lock.ts')}').then(async (m) => { await m.lockDataFolder(${JSON.stringify(folder)}); console.log('held'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const held = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('held') && resolve());
    child.once('exit', (c) => reject(new Error(`the holder exited with ${c}`)));
  });
  return { child, held };
}

describe('data folder lock', () => {
  test('a second holder is refused with a message naming the folder and the process; released, it can be taken again', async () => {
    const release = await lockDataFolder(dir);
    await assert.rejects(lockDataFolder(dir), (err: Error) => err instanceof DataFolderLockedError && err.message.includes(dir) && err.message.includes(String(process.pid)));
    await release();
    await (await lockDataFolder(dir))();
  });

  test('after kill -9 of the holder the folder is free at once; a lock file naming a live PID (PID 1) or another host does not block', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'devcoop-lock-kill-'));
    try {
      const { child, held } = holderProcess(folder);
      await held;
      await assert.rejects(lockDataFolder(folder), DataFolderLockedError);
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
      // The kernel released the lock with the process: no wait, no stale file to clear.
      const release = await lockDataFolder(folder);
      await release();
      // What the old PID-file lock refused forever: a file naming PID 1 (alive in every container) or another host.
      writeFileSync(join(folder, 'devcoop.lock'), JSON.stringify({ pid: 1, host: 'another-host', since: 'then' }));
      await (await lockDataFolder(folder))();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
