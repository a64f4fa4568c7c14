import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { pendingMigrations } from '../../db/migrate.ts';
import type { Deps } from '../../deps.ts';
import { RETRY_AFTER_SECONDS } from '../../errors.ts';
import { json, router } from '../../http/openapi.ts';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean(), pendingMigrations: z.array(z.string()) }),
  })
  .openapi('Health');

export function healthRoutes({ db, dbKind, config }: Deps) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Operations'],
      summary: 'Is the service up: database reachable, migrations applied, version',
      responses: { 200: json(Health), 503: json(Health, 'The database is unreachable or not migrated') },
    }),
    async (c) => {
      const reachable = await sql`select 1`
        .execute(db)
        .then(() => true)
        .catch(() => false);
      const pending = reachable ? await pendingMigrations(db) : [];
      const ok = reachable && pending.length === 0;
      const body = { status: ok ? ('ok' as const) : ('degraded' as const), version: config.version, database: { kind: dbKind, reachable, pendingMigrations: pending } };
      if (!ok) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return ok ? c.json(body, 200) : c.json(body, 503);
    },
  );
}
