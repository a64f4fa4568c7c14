import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { type Config, loadConfig, type Settings } from './config.ts';
import { type Database, openDatabase } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { databaseRole, grantAppRole } from './db/roles.ts';
import { startJobRecovery } from './jobs/job-recovery.ts';
import { runnerFor } from './jobs/job-runner.ts';
import { createLogger, type Logger } from './logger.ts';
import { loadReferenceData } from './standards/load-reference.ts';

const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** The only place that reads the environment: settings from it, overridden by command-line flags. */
export function configFromEnvironment(flags: Settings = {}): Config {
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  return loadConfig({ ...process.env, ...defined }, VERSION);
}

export interface Opened {
  database: Database;
  logger: Logger;
}

/**
 * Opens the database, applies pending migrations and (re)loads reference data when the shipped files changed.
 * With DATABASE_MIGRATION_URL (PostgreSQL), that is done as the owner role, which then gives the server's role
 * (DATABASE_URL's) its rights; the server works as a role that owns nothing. Without it, one role does both.
 */
export async function openAndMigrate(config: Config): Promise<Opened> {
  const logger = createLogger(config.logLevel);
  const onConnectionError = (err: Error) => logger.warn('database connection lost; the pool will reconnect', { error: err.message });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onConnectionError });
  try {
    if (config.databaseMigrationUrl) await migrateAsOwner(config.databaseMigrationUrl, (await databaseRole(database.db)).role, logger, onConnectionError);
    const applied = await migrate(database.db);
    if (applied.length) logger.info('migrations applied', { applied });
    if (await loadReferenceData(database.db)) logger.info('reference data loaded');
    if (database.kind === 'postgres') {
      const me = await databaseRole(database.db);
      if (me.superuser || me.ownsAuditTrail) {
        logger.warn("the server's database role can switch off the audit trail's protection: run it as a role that owns nothing (README: On a PostgreSQL server)", {
          role: me.role,
          reason: me.superuser ? 'superuser' : 'owns audit_log',
        });
      }
    }
    return { database, logger };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Migrations and reference data as the owner role, then the server's role given what it needs (db/roles.ts). */
async function migrateAsOwner(url: string, appRole: string, logger: Logger, onConnectionError: (err: Error) => void): Promise<void> {
  const owner = await openDatabase({ databaseUrl: url, dataDir: '', onConnectionError });
  try {
    const applied = await migrate(owner.db);
    if (applied.length) logger.info('migrations applied', { applied, as: (await databaseRole(owner.db)).role });
    if (await loadReferenceData(owner.db)) logger.info('reference data loaded');
    await grantAppRole(owner.db, appRole);
  } finally {
    await owner.close();
  }
}

/** Serves the API and the web UI until SIGINT/SIGTERM; then stops taking requests, finishes, and closes the database. */
export async function startServer(config: Config, opened: Opened): Promise<{ url: string; close: () => Promise<void> }> {
  const { database, logger } = opened;
  const deps = { db: database.db, dbKind: database.kind, config, logger };
  const app = createApp(deps);
  // Before the first request: jobs left running by a stopped process are failed, their uploads removed; jobs queued
  // and never started (no upload) are taken up again.
  const stopRecovery = await startJobRecovery(deps);
  const jobs = runnerFor(deps);
  jobs.wake();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const url = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  logger.info('devcoop is listening', { url, database: database.kind, location: database.location, version: config.version });
  let closing: Promise<void> | undefined;
  const close = () => {
    stopRecovery();
    closing ??= new Promise<void>((resolve) => server.close(() => resolve()))
      .then(async () => {
        // Running jobs finish (or, past the wait, are failed at the next start: nothing of them is stored).
        const left = await jobs.stop(config.shutdownSeconds * 1000);
        if (left) logger.warn('stopping with jobs still running: they will read failed at the next start, nothing of them stored', { jobs: left });
      })
      .then(() => database.close());
    return closing;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info('stopping', { signal });
      close().then(() => process.exit(0));
    });
  }
  return { url, close };
}
