import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The IATI reference material beside the project (../shared/iati): official tests, validator rule tests
 * (AGPL: read here by tests only, never copied into the project) and real published files.
 */
export const SHARED_IATI = join(import.meta.dirname, '..', '..', '..', 'shared', 'iati');

export function sharedIatiAvailable(): boolean {
  return existsSync(SHARED_IATI);
}

/** Every file under a folder of ../shared/iati, as paths relative to that folder. */
export function filesUnder(folder: string): string[] {
  const root = join(SHARED_IATI, folder);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}
