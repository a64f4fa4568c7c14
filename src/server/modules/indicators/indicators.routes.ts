import { createRoute, z } from '@hono/zod-openapi';
import { ActualCreate, IndicatorCreate, TargetSet } from '../../../shared/contracts/programming.ts';
import { INDICATOR_NODE_TYPES, Indicator, IndicatorActual, IndicatorDetail, IndicatorList, IndicatorTarget } from '../../../shared/contracts/programming-answers.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import * as indicators from './indicators.service.ts';

const tags = ['Indicators'];
const NodeQuery = z.strictObject({ nodeType: z.enum(INDICATOR_NODE_TYPES), nodeId: z.uuid() });
const IndicatorSchema = named(Indicator, 'ResultsIndicator');
const IndicatorListSchema = named(IndicatorList, 'ResultsIndicatorList');
const DetailSchema = named(IndicatorDetail, 'ResultsIndicatorDetail');
const TargetSchema = named(IndicatorTarget, 'ResultsIndicatorTarget');
const ActualSchema = named(IndicatorActual, 'ResultsIndicatorActual');

export function indicatorRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Indicators of one results node',
        request: { query: NodeQuery },
        responses: { 200: json(IndicatorListSchema), ...readErrors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const items = await indicators.findIndicators(db, q.nodeType, q.nodeId, actorOf(c));
        return c.json({ items, total: items.length }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Add an indicator to a results node',
        request: { body: jsonBody(IndicatorCreate) },
        responses: { 201: json(IndicatorSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await indicators.createIndicator(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'An indicator with targets, their history and actuals',
        request: { params: IdParam },
        responses: { 200: json(DetailSchema), ...readErrors },
      }),
      async (c) => c.json(await indicators.getIndicator(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/targets',
        tags,
        summary: 'Set or revise a target or milestone (a revision keeps the old value and needs a reason)',
        request: { params: IdParam, body: jsonBody(TargetSet) },
        responses: { 201: json(TargetSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await indicators.setTarget(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/actuals',
        tags,
        summary: 'Record an actual value with its source',
        request: { params: IdParam, body: jsonBody(ActualCreate) },
        responses: { 201: json(ActualSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await indicators.addActual(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    );
}
