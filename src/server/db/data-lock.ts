import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {}

/** flock(1)'s exit code when the lock is held by another process (`--conflict-exit-code`). */
const HELD = 75;

/**
 * Takes the data folder for this process alone. PGlite has no lock of its own: two processes on one folder
 * silently lose each other's writes.
 *
 * The lock is an operating-system lock (flock(2) on `devcoop.lock`) held through a file descriptor of this
 * process: Node has no flock call, so util-linux's `flock` is run once on a descriptor this process opened and
 * lends it. flock(2) locks belong to the open file, not to the process that asked, so the lock stays when the
 * short-lived `flock` exits and is released by the kernel the moment this process's descriptor closes —
 * on `release`, on exit, on kill -9 — with no child left to outlive it (an earlier design kept a `flock`
 * child holding the lock until its input closed, and after kill -9 that child lingered a moment). No PID to
 * check (a PID may be reused, PID 1 in every container), no host name to compare, no stale file to clear.
 * The file also says who holds it, for the message of a refused second process. Node opens files with
 * O_CLOEXEC, so no other child process inherits the descriptor (and the lock) by accident.
 */
export async function lockDataFolder(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'devcoop.lock');
  const fd = openSync(path, 'a+');
  const run = spawnSync('flock', ['--nonblock', '--exclusive', '--conflict-exit-code', String(HELD), '3'], {
    stdio: ['ignore', 'ignore', 'pipe', fd],
  });
  if (run.error || run.status !== 0) {
    closeSync(fd);
    if (run.error) {
      throw new Error(`Could not lock the data folder ${dataDir}: the flock command (util-linux) is needed (${run.error.message})`);
    }
    if (run.status !== HELD) throw new Error(`Could not lock the data folder ${dataDir} (flock exited with ${run.status}: ${String(run.stderr).trim()})`);
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
  let held = true;
  return async () => {
    if (!held) return;
    held = false;
    closeSync(fd); // the kernel frees the lock with the last descriptor of the open file
  };
}
