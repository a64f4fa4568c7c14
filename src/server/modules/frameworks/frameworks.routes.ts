import { createRoute } from '@hono/zod-openapi';
import { OrgFrameworkCreate, OrgOutcomeCreate, OrgOutputCreate } from '../../../shared/contracts/programming.ts';
import { OrgFramework, OrgFrameworkList, OrgOutcome, OrgOutput } from '../../../shared/contracts/programming-answers.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as frameworks from './frameworks.service.ts';

const tags = ['Organisation-wide frameworks'];
const FrameworkSchema = named(OrgFramework, 'OrgFramework');
const FrameworkList = named(OrgFrameworkList, 'OrgFrameworkList');
const OutcomeSchema = named(OrgOutcome, 'OrgOutcome');
const OutputSchema = named(OrgOutput, 'OrgOutput');

export function frameworkRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Strategic plans and programme-and-budget periods with their outcomes',
        responses: { 200: json(FrameworkList), ...readErrors },
      }),
      async (c) => {
        const items = await frameworks.findFrameworks(db, actorOf(c));
        return c.json({ items, total: items.length }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Add a framework',
        request: { body: jsonBody(OrgFrameworkCreate) },
        responses: { 201: json(FrameworkSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await frameworks.createFramework(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/outcomes',
        tags,
        summary: 'Add an organisation-wide outcome',
        request: { params: IdParam, body: jsonBody(OrgOutcomeCreate) },
        responses: { 201: json(OutcomeSchema, 'Created'), ...writeErrors },
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
        responses: { 201: json(OutputSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await frameworks.createOrgOutput(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    );
}
