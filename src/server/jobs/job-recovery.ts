import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DatabaseKind } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import { failJobsOfStoppedProcesses } from './jobs.service.ts';
import { sweepUploads } from './uploads.ts';

interface Surroundings {
  db: Kysely<DB>;
  dbKind: DatabaseKind;
  config: Pick<Config, 'uploadsDir' | 'jobStaleSeconds'>;
  logger: Logger;
}

/** Marks failed the jobs of stopped processes and removes the uploads no job will read; says what it did. */
export async function recoverJobs({ db, dbKind, config, logger }: Surroundings): Promise<{ failed: string[]; removed: string[] }> {
  const failed = await failJobsOfStoppedProcesses(db, dbKind, config.jobStaleSeconds);
  if (failed.length) logger.warn('jobs of a stopped process marked failed (nothing of them was stored)', { jobs: failed });
  const removed = await sweepUploads(db, dbKind, config.uploadsDir);
  if (removed.length) logger.info('uploads of ended jobs removed', { uploadsDir: config.uploadsDir, files: removed.length });
  return { failed, removed };
}

/**
 * Recovers at start, and on a PostgreSQL server (where other processes may stop while this one runs) every
 * `jobStaleSeconds` after. Returns the function that stops the repeat.
 */
export async function startJobRecovery(s: Surroundings): Promise<() => void> {
  await recoverJobs(s);
  if (s.dbKind !== 'postgres') return () => {};
  const timer = setInterval(() => {
    recoverJobs(s).catch((err: Error) => s.logger.warn('job recovery could not run; it will try again', { error: err.message }));
  }, s.config.jobStaleSeconds * 1000).unref();
  return () => clearInterval(timer);
}
