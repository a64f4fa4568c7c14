import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataFolder } from './data-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Where the data lives, for messages: the PGlite folder or the server without credentials. */
  location: string;
  close(): Promise<void>;
}

const OID = { INT8: 20, DATE: 1082, TIMESTAMPTZ: 1184, NUMERIC: 1700 } as const;

const timestampToIso = (parse: (v: string) => unknown) => (v: string) => {
  const d = parse(v);
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : v;
};

/**
 * The same JS values from both drivers: a date is 'YYYY-MM-DD' (never shifted by the local time zone),
 * a count (int8) is a number, money (numeric) is a decimal string, a timestamp is an ISO-8601 string.
 */
const parsers = {
  [OID.INT8]: (v: string) => Number(v),
  [OID.DATE]: (v: string) => v,
  [OID.NUMERIC]: (v: string) => v,
};

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Skip the folder lock (only for a template copy that no other process can see). */
  unlocked?: boolean;
  /** Told when an idle server connection fails (server restarted, connection killed); the pool replaces it. */
  onConnectionError?: (err: Error) => void;
}

/** Opens the embedded database (PGlite, in `dataDir/pgdata`) or, when `databaseUrl` is set, a PostgreSQL server. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openServer(opts.databaseUrl, opts.onConnectionError);
  mkdirSync(opts.dataDir, { recursive: true });
  const release = opts.unlocked ? async () => {} : await lockDataFolder(opts.dataDir);
  try {
    const pgdata = join(opts.dataDir, 'pgdata');
    const lite = await PGlite.create(pgdata, {
      // Postgres' buffer cache lives in PGlite's WebAssembly memory, which never shrinks: at the default 128 MB it
      // fills during a large import. 32 MB keeps a 100 MB IATI import ~100 MB lower (docs/benchmarks.md); the
      // dashboards over 20,000 projects measured the same within noise (the OS page cache still serves reads).
      startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
      parsers: { ...parsers, [OID.TIMESTAMPTZ]: timestampToIso((v) => new Date(v)) },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(lite) });
    return {
      db,
      kind: 'pglite',
      location: pgdata,
      close: async () => {
        await db.destroy();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}

function openServer(url: string, onConnectionError?: (err: Error) => void): Database {
  const tsParser = pg.types.getTypeParser(OID.TIMESTAMPTZ) as (v: string) => unknown;
  const ownParsers: Record<number, (v: string) => unknown> = { ...parsers, [OID.TIMESTAMPTZ]: timestampToIso(tsParser) };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A server that does not answer fails the request (503, Retry-After) instead of holding it forever.
    connectionTimeoutMillis: 5000,
    // JIT compilation costs tens of milliseconds per dashboard query and never pays back at this data size.
    options: '-c jit=off',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => ownParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // Without a listener, an idle connection that the server drops would crash the process.
  pool.on('error', onConnectionError ?? ((err) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg: 'database connection lost', error: err.message })}\n`)));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return { db, kind: 'postgres', location: `${u.hostname}:${u.port || 5432}${u.pathname}`, close: () => db.destroy() };
}
