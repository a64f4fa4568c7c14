import { resolve } from 'node:path';

/** Everything the server needs to know about its surroundings; built once from the environment and flags. */
export interface Config {
  port: number;
  /** PGlite data folder, used when `databaseUrl` is not set. */
  dataDir: string;
  databaseUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Largest accepted request body, in bytes; `importLimit` for file imports. */
  bodyLimit: number;
  importLimit: number;
  /** Largest IATI file read (upload, import, validation), in bytes. */
  iatiMaxBytes: number;
  /** Session lifetime in seconds. */
  sessionTtl: number;
  /** Failed sign-ins per e-mail address (and per client address) allowed within `loginWindow` seconds. */
  loginMaxFailures: number;
  loginWindow: number;
  /** Folder of the built web UI. */
  webDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  version: string;
}

export type Settings = Partial<Record<string, string | undefined>>;

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
  return n;
}

/** Builds the configuration from environment-style settings (flags are merged in by the CLI first). */
export function loadConfig(env: Settings, version = '0.0.0'): Config {
  const level = env.LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(level)) throw new Error(`LOG_LEVEL "${level}" is not one of debug, info, warn, error, silent`);
  return {
    port: int(env.PORT, 8080, 'PORT'),
    dataDir: resolve(env.DEVCOOP_DATA || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.DEVCOOP_ADMIN_EMAIL || undefined,
    adminPassword: env.DEVCOOP_ADMIN_PASSWORD || undefined,
    bodyLimit: int(env.DEVCOOP_BODY_LIMIT, 1024 * 1024, 'DEVCOOP_BODY_LIMIT'),
    importLimit: int(env.DEVCOOP_IMPORT_LIMIT, 100 * 1024 * 1024, 'DEVCOOP_IMPORT_LIMIT'),
    iatiMaxBytes: int(env.IATI_MAX_FILE_MB, 1024, 'IATI_MAX_FILE_MB') * 1024 * 1024,
    sessionTtl: int(env.DEVCOOP_SESSION_TTL, 8 * 3600, 'DEVCOOP_SESSION_TTL'),
    loginMaxFailures: int(env.DEVCOOP_LOGIN_MAX_FAILURES, 5, 'DEVCOOP_LOGIN_MAX_FAILURES'),
    loginWindow: int(env.DEVCOOP_LOGIN_WINDOW, 15 * 60, 'DEVCOOP_LOGIN_WINDOW'),
    webDir: resolve(env.DEVCOOP_WEB_DIR || 'dist/web'),
    logLevel: level as Config['logLevel'],
    version,
  };
}
