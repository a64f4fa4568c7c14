import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process alone. PGlite has no lock of its own: two processes on one
 * folder silently lose each other's writes. A lock left by a process that has died is taken over.
 * Returns the function that gives the folder back.
 */
export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'devcoop.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; host?: string; since?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // unreadable lock: written by a process that died while writing it
      }
      const sameHost = !holder.host || holder.host === hostname();
      if (holder.pid && (!sameHost || alive(holder.pid))) {
        throw new DataFolderLockedError(
          `The data folder ${dataDir} is in use by devcoop process ${holder.pid} on ${holder.host ?? 'this machine'} (since ${holder.since ?? 'unknown'}). ` +
            'Stop that process first, or start this one with another folder (DEVCOOP_DATA or --data).',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataFolderLockedError(`Could not take the lock on the data folder ${dataDir}`);
}
