import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Everything the server needs to know about its surroundings; built once from the environment and flags. */
export interface Config {
  port: number;
  /** The address the server listens on: loopback unless told otherwise (HOST=0.0.0.0 for every interface, e.g. in a container). */
  host: string;
  /** PGlite data folder, used when `databaseUrl` is not set. */
  dataDir: string;
  databaseUrl?: string;
  /** The owner role's connection (DATABASE_MIGRATION_URL): migrations run as it, the server as the role of `databaseUrl`, which owns nothing. */
  databaseMigrationUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Largest accepted request body, in bytes; `importLimit` for file imports. */
  bodyLimit: number;
  importLimit: number;
  /**
   * An ERP import of a larger file (in bytes) runs as a job (202 and its id) rather than inside its request (200 and
   * the report); `?async=true` asks for a job whatever the size (DEVCOOP_IMPORT_JOB_BYTES, 2 MB).
   */
  importJobBytes: number;
  /** What a spreadsheet import may hold: rows, inflated size and compression ratio of an XLSX (DEVCOOP_IMPORT_MAX_*). */
  spreadsheetLimits: { maxRows: number; maxUncompressedBytes: number; maxCompressionRatio: number };
  /** Largest IATI file read (upload, import, validation), in bytes. */
  iatiMaxBytes: number;
  /**
   * Where uploaded files wait for their job: removed when the job ends, swept at start. In the data folder for the
   * embedded database (one process owns it); for a server, a folder of the temporary directory named after the database.
   */
  uploadsDir: string;
  /** A job on a PostgreSQL server whose process has not been heard from for this long is failed (its process stopped). */
  jobStaleSeconds: number;
  /** How long a stopping server waits for its running jobs (SIGTERM, Ctrl+C). */
  shutdownSeconds: number;
  /**
   * Every JSON answer checked against its route's declared response schema, an answer that differs (a field
   * missing, of another type, or one the contract does not name) replaced by a 500 naming the difference. On in
   * the tests (DEVCOOP_CHECK_RESPONSES=1), so every API test also tests the contract; off by default (it parses
   * every answer twice).
   */
  checkResponses: boolean;
  /** Session lifetime in seconds. */
  sessionTtl: number;
  /** Sign-in attempts per account from unknown devices (×4 per client address) before delays begin; the longest delay, in seconds. */
  loginMaxFailures: number;
  loginWindow: number;
  /** Proxies whose X-Forwarded-For/-Proto are believed: a number of hops, or addresses and CIDR ranges; `null`: none. */
  trustedProxies: TrustedProxies | null;
  /** Folder of the built web UI. */
  webDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  version: string;
}

export type TrustedProxies = { hops: number } | { addresses: string[] };

export type Settings = Partial<Record<string, string | undefined>>;

/** DEVCOOP_TRUSTED_PROXIES: empty (trust no proxy), a number of hops, or a comma-separated list of addresses and CIDR ranges. */
function trustedProxies(value: string | undefined): TrustedProxies | null {
  const v = value?.trim();
  if (!v || v === '0') return null;
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  const addresses = v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of addresses) {
    const [ip, bits, extra] = a.split('/');
    if (extra !== undefined || !isIP(ip ?? '') || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new Error(`DEVCOOP_TRUSTED_PROXIES must be a number of hops or a list of addresses and CIDR ranges; "${a}" is neither`);
    }
  }
  return { addresses };
}

/** One folder per database: two servers on one machine, each on its own database, never sweep each other's uploads. */
function defaultUploadsDir(env: Settings): string {
  if (!env.DATABASE_URL) return join(resolve(env.DEVCOOP_DATA || './data'), 'uploads');
  const server = URL.canParse(env.DATABASE_URL) ? new URL(env.DATABASE_URL) : null;
  if (server) server.password = '';
  return join(
    tmpdir(),
    `devcoop-uploads-${createHash('sha256')
      .update(String(server ?? env.DATABASE_URL))
      .digest('hex')
      .slice(0, 16)}`,
  );
}

/** DATABASE_MIGRATION_URL: the owner role of a PostgreSQL server; it only makes sense beside DATABASE_URL, the role the server works as. */
function migrationUrl(env: Settings): string | undefined {
  if (!env.DATABASE_MIGRATION_URL) return undefined;
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_MIGRATION_URL (the role that owns the tables and migrates them) needs DATABASE_URL too (the role the server works as)');
  }
  return env.DATABASE_MIGRATION_URL;
}

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
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DEVCOOP_DATA || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseMigrationUrl: migrationUrl(env),
    adminEmail: env.DEVCOOP_ADMIN_EMAIL || undefined,
    adminPassword: env.DEVCOOP_ADMIN_PASSWORD || undefined,
    bodyLimit: int(env.DEVCOOP_BODY_LIMIT, 1024 * 1024, 'DEVCOOP_BODY_LIMIT'),
    importLimit: int(env.DEVCOOP_IMPORT_LIMIT, 100 * 1024 * 1024, 'DEVCOOP_IMPORT_LIMIT'),
    importJobBytes: int(env.DEVCOOP_IMPORT_JOB_BYTES, 2 * 1024 * 1024, 'DEVCOOP_IMPORT_JOB_BYTES'),
    spreadsheetLimits: {
      maxRows: int(env.DEVCOOP_IMPORT_MAX_ROWS, 300_000, 'DEVCOOP_IMPORT_MAX_ROWS'),
      maxUncompressedBytes: int(env.DEVCOOP_IMPORT_MAX_UNCOMPRESSED_MB, 500, 'DEVCOOP_IMPORT_MAX_UNCOMPRESSED_MB') * 1024 * 1024,
      maxCompressionRatio: int(env.DEVCOOP_IMPORT_MAX_COMPRESSION_RATIO, 100, 'DEVCOOP_IMPORT_MAX_COMPRESSION_RATIO'),
    },
    iatiMaxBytes: int(env.IATI_MAX_FILE_MB, 1024, 'IATI_MAX_FILE_MB') * 1024 * 1024,
    uploadsDir: resolve(env.DEVCOOP_UPLOADS || defaultUploadsDir(env)),
    jobStaleSeconds: Math.max(1, int(env.DEVCOOP_JOB_STALE_SECONDS, 60, 'DEVCOOP_JOB_STALE_SECONDS')),
    shutdownSeconds: int(env.DEVCOOP_SHUTDOWN_SECONDS, 30, 'DEVCOOP_SHUTDOWN_SECONDS'),
    checkResponses: env.DEVCOOP_CHECK_RESPONSES === '1',
    sessionTtl: int(env.DEVCOOP_SESSION_TTL, 8 * 3600, 'DEVCOOP_SESSION_TTL'),
    loginMaxFailures: int(env.DEVCOOP_LOGIN_MAX_FAILURES, 5, 'DEVCOOP_LOGIN_MAX_FAILURES'),
    loginWindow: int(env.DEVCOOP_LOGIN_WINDOW, 15 * 60, 'DEVCOOP_LOGIN_WINDOW'),
    trustedProxies: trustedProxies(env.DEVCOOP_TRUSTED_PROXIES),
    webDir: resolve(env.DEVCOOP_WEB_DIR || 'dist/web'),
    logLevel: level as Config['logLevel'],
    version,
  };
}
