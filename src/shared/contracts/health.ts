import { z } from 'zod';

/** Is the service up: the database reachable, its migrations applied, the version running. */
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean(), pendingMigrations: z.array(z.string()) }),
});
export type Health = z.infer<typeof Health>;
