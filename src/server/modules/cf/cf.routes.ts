import { createRoute } from '@hono/zod-openapi';
import { CfCycleCreate, CfCycleUpdate, CfOutcomeCreate, CfOutcomeUpdate, CfOutputCreate, CfPriorityCreate } from '../../../shared/contracts/programming.ts';
import { CfCycle, CfCycleList, CfCycleTree, CfOutcome, CfOutput, CfPriority } from '../../../shared/contracts/programming-answers.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { CodeParam, IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as cf from './cf.service.ts';

const tags = ['Cooperation Frameworks'];
const CycleSchema = named(CfCycle, 'CfCycle');
const CycleList = named(CfCycleList, 'CfCycleList');
const CycleTreeSchema = named(CfCycleTree, 'CfCycleTree');
const PrioritySchema = named(CfPriority, 'CfPriority');
const OutcomeSchema = named(CfOutcome, 'CfOutcome');
const OutputSchema = named(CfOutput, 'CfOutput');

/** /api/countries/{code}/cf-cycles */
export function countryCycleRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/{code}/cf-cycles',
        tags,
        summary: 'Cooperation Framework / UNDAF cycles of a country',
        request: { params: CodeParam },
        responses: { 200: json(CycleList), ...readErrors },
      }),
      async (c) => {
        const items = await cf.findCycles(db, c.req.valid('param').code, actorOf(c));
        return c.json({ items, total: items.length }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{code}/cf-cycles',
        tags,
        summary: 'Add a cycle; it may not overlap another cycle of the country',
        request: { params: CodeParam, body: jsonBody(CfCycleCreate) },
        responses: { 201: json(CycleSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await cf.createCycle(db, c.req.valid('param').code, c.req.valid('json'), actorOf(c)), 201),
    );
}

/** /api/cf-cycles/{id} and its structure; /api/cf-outcomes/{id} */
export function cycleRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/cf-cycles/{id}',
        tags,
        summary: 'A cycle with priorities → outcomes → outputs',
        request: { params: IdParam },
        responses: { 200: json(CycleTreeSchema), ...readErrors },
      }),
      async (c) => c.json(await cf.getCycle(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/cf-cycles/{id}',
        tags,
        summary: 'Change a cycle (stage, period, title)',
        request: { params: IdParam, body: jsonBody(CfCycleUpdate) },
        responses: { 200: json(CycleSchema), ...writeErrors },
      }),
      async (c) => c.json(await cf.updateCycle(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/cf-cycles/{id}/priorities',
        tags,
        summary: 'Add a strategic priority',
        request: { params: IdParam, body: jsonBody(CfPriorityCreate) },
        responses: { 201: json(PrioritySchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await cf.createPriority(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/cf-cycles/{id}/outcomes',
        tags,
        summary: 'Add an outcome linked to SDG targets',
        request: { params: IdParam, body: jsonBody(CfOutcomeCreate) },
        responses: { 201: json(OutcomeSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await cf.createOutcome(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/cf-outcomes/{id}',
        tags,
        summary: 'Change an outcome (derived CPOs are flagged if their text drifts)',
        request: { params: IdParam, body: jsonBody(CfOutcomeUpdate) },
        responses: { 200: json(OutcomeSchema), ...writeErrors },
      }),
      async (c) => c.json(await cf.updateOutcome(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/cf-outcomes/{id}/outputs',
        tags,
        summary: 'Add an output',
        request: { params: IdParam, body: jsonBody(CfOutputCreate) },
        responses: { 201: json(OutputSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await cf.createOutput(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    );
}
