import { createRoute } from '@hono/zod-openapi';
import { OrgFrameworkCreate, OrgOutcomeCreate, OrgOutputCreate } from '../../../shared/contracts/programming.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { jsonBody, router } from '../../http/openapi.ts';
import { IdParam, many, one, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as frameworks from './frameworks.service.ts';

const tags = ['Organisation-wide frameworks'];

export function frameworkRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({ method: 'get', path: '/', tags, summary: 'Strategic plans and programme-and-budget periods with their outcomes', responses: { 200: many, ...readErrors } }),
      async (c) => c.json({ items: await frameworks.findFrameworks(db, actorOf(c)) }, 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/', tags, summary: 'Add a framework', request: { body: jsonBody(OrgFrameworkCreate) }, responses: { 201: one, ...writeErrors } }),
      async (c) => c.json(await frameworks.createFramework(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/outcomes',
        tags,
        summary: 'Add an organisation-wide outcome',
        request: { params: IdParam, body: jsonBody(OrgOutcomeCreate) },
        responses: { 201: one, ...writeErrors },
      }),
      async (c) => c.json(await frameworks.createOrgOutcome(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/outcomes/{id}/outputs',
        tags,
        summary: 'Add an output to an organisation-wide outcome',
        request: { params: IdParam, body: jsonBody(OrgOutputCreate) },
        responses: { 201: one, ...writeErrors },
      }),
      async (c) => c.json(await frameworks.createOrgOutput(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    );
}
