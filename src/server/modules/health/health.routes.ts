import { createRoute } from '@hono/zod-openapi';
import { Health } from '../../../shared/contracts/health.ts';
import type { Deps } from '../../deps.ts';
import { RETRY_AFTER_SECONDS } from '../../errors.ts';
import { json, named, router } from '../../http/openapi.ts';
import { checkHealth } from './health.service.ts';

const HealthSchema = named(Health, 'Health');

export function healthRoutes(deps: Deps) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Operations'],
      summary: 'Is the service up: database reachable, migrations applied, version',
      responses: { 200: json(HealthSchema), 503: json(HealthSchema, 'The database is unreachable or not migrated') },
    }),
    async (c) => {
      const health = await checkHealth(deps);
      if (health.status === 'ok') return c.json(health, 200);
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json(health, 503);
    },
  );
}
