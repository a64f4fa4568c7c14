import { createRoute, z } from '@hono/zod-openapi';
import {
  IndicatorValueCreate,
  StrategyCreate,
  StrategyIndicatorCreate,
  StrategyIndicatorUpdate,
  StrategyOutcomeCreate,
  StrategyOutcomeUpdate,
} from '../../../shared/contracts/strategies.ts';
import { Strategy, StrategyIndicator, StrategyIndicatorValue, StrategyList, StrategyOutcome, StrategyProgress } from '../../../shared/contracts/strategies-answers.ts';
import { today } from '../../../shared/dates.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import { addIndicatorValue, createIndicator, createOutcome, createStrategy, listStrategies, updateIndicator, updateOutcome } from './strategies.service.ts';
import { presentStrategyProgress } from './strategy-progress.presenter.ts';
import { strategyProgress } from './strategy-progress.service.ts';

const tags = ['Strategies'];
const Subject = z.object({ subject: z.string().min(1).max(60) });
const StrategySchema = named(Strategy, 'Strategy');
const OutcomeSchema = named(StrategyOutcome, 'StrategyOutcome');
const IndicatorSchema = named(StrategyIndicator, 'StrategyIndicator');

/** Strategies (C8): created whole or an outcome, indicator or costing line at a time, indicators revised, values entered, progress as at a date. */
export function strategyRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/strategies',
        tags,
        summary: 'Strategies',
        responses: { 200: json(StrategyList.extend({ items: z.array(StrategySchema) }).openapi('StrategyPage')), ...readErrors },
      }),
      async (c) => c.json(await listStrategies(db, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/strategies',
        tags,
        summary: 'Create a whole strategy: periods, outcomes, indicators with milestones, costing',
        request: { body: jsonBody(StrategyCreate) },
        responses: { 201: json(StrategySchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await createStrategy(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/strategies/{subject}/progress',
        tags,
        summary: 'A strategy as at a date: each indicator with milestone, value (entered or computed, with its data), status and rule',
        request: { params: Subject, query: z.strictObject({ asOf: z.iso.date().optional() }) },
        responses: { 200: json(named(StrategyProgress, 'StrategyProgress')), ...writeErrors },
      }),
      async (c) => c.json(presentStrategyProgress(await strategyProgress(db, c.req.valid('param').subject, c.req.valid('query').asOf ?? today(), actorOf(c))), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/strategies/{id}/outcomes',
        tags,
        summary: 'Add one outcome to a strategy, with its costing line (resources, key outputs, gap) and any indicators',
        request: { params: IdParam, body: jsonBody(StrategyOutcomeCreate) },
        responses: { 201: json(OutcomeSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await createOutcome(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/strategy-outcomes/{id}',
        tags,
        summary: "Revise an outcome's wording or its costing line",
        request: { params: IdParam, body: jsonBody(StrategyOutcomeUpdate) },
        responses: { 200: json(OutcomeSchema), ...writeErrors },
      }),
      async (c) => c.json(await updateOutcome(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/strategy-outcomes/{id}/indicators',
        tags,
        summary: 'Add one indicator (with its milestones) to an outcome',
        request: { params: IdParam, body: jsonBody(StrategyIndicatorCreate) },
        responses: { 201: json(IndicatorSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await createIndicator(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/strategy-indicators/{id}',
        tags,
        summary: "Revise an indicator's wording, baseline, target, formula or milestones",
        request: { params: IdParam, body: jsonBody(StrategyIndicatorUpdate) },
        responses: { 200: json(IndicatorSchema), ...writeErrors },
      }),
      async (c) => c.json(await updateIndicator(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/strategy-indicators/{id}/values',
        tags,
        summary: 'Enter a value by hand with its source',
        request: { params: IdParam, body: jsonBody(IndicatorValueCreate) },
        responses: { 201: json(named(StrategyIndicatorValue, 'StrategyIndicatorValue'), 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await addIndicatorValue(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    );
}
