import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {}

/** flock(1)'s exit code when the lock is held by another process (`--conflict-exit-code`). */
const HELD = 75;

/**
 * Takes the data folder for this process alone. PGlite has no lock of its own: two processes on one folder
 * silently lose each other's writes.
 *
 * The lock is an operating-system lock (flock(2) on `devcoop.lock`, taken by util-linux's `flock` in a small
 * child process) that the kernel releases when its holder dies, whatever the cause: no PID to check (a PID
 * may be reused, PID 1 in every container), no host name to compare, no stale file to clear after kill -9.
 * The child holds the lock until its standard input closes, which happens when this process ends or calls
 * the returned `release` (which resolves once the lock is free). The file also says who holds it, for the message of a refused second process.
 */
export async function lockDataFolder(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'devcoop.lock');
  const child = spawn('flock', ['--nonblock', '--exclusive', '--conflict-exit-code', String(HELD), path, '--command', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const outcome = await new Promise<'locked' | number | Error>((resolve) => {
    child.once('error', resolve);
    child.once('exit', (code) => resolve(code ?? -1));
    child.stdout.once('data', () => resolve('locked'));
  });
  if (outcome instanceof Error) {
    throw new Error(`Could not lock the data folder ${dataDir}: the flock command (util-linux) is needed (${outcome.message})`);
  }
  if (outcome !== 'locked') {
    if (outcome !== HELD) throw new Error(`Could not lock the data folder ${dataDir} (flock exited with ${outcome})`);
    let holder: { pid?: number; host?: string; since?: string } = {};
    try {
      holder = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      // the holder has not written who it is yet
    }
    throw new DataFolderLockedError(
      `The data folder ${dataDir} is in use by devcoop process ${holder.pid ?? '(unknown)'} on ${holder.host ?? 'this machine'} (since ${holder.since ?? 'unknown'}). ` +
        'Stop that process first, or start this one with another folder (DEVCOOP_DATA or --data).',
    );
  }
  writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  // The holder must not keep this process alive; the kernel closes its input when this process ends.
  child.unref();
  child.stdout.destroy();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return () => {
    child.ref(); // wait for the lock to be free before going on
    child.stdin.end();
    return exited;
  };
}
