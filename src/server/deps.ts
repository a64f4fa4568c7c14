import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DatabaseKind } from './db/connect.ts';
import type { DB } from './db/schema.ts';
import type { Logger } from './logger.ts';

/** What the app is built from; tests build it with a test database and a silent logger. */
export interface Deps {
  db: Kysely<DB>;
  dbKind: DatabaseKind;
  config: Config;
  logger: Logger;
}
