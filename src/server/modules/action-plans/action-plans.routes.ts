import { createRoute, z } from '@hono/zod-openapi';
import { ActionItemCreate, ActionItemUpdate, ActionPlanCreate, StatusInput } from '../../../shared/contracts/strategies.ts';
import { ActionItem, ActionItemStatus, ActionPlan, ActionPlanAsAt, ActionPlanList } from '../../../shared/contracts/strategies-answers.ts';
import { today } from '../../../shared/dates.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import { addStatus, createItem, createPlan, listPlans, planAsAt, updateItem } from './action-plans.service.ts';

const tags = ['Action plans'];
const ActionPlanSchema = named(ActionPlan, 'ActionPlan');
const ActionItemSchema = named(ActionItem, 'ActionItem');

/** Action plans (C9): created whole or an item at a time, items revised, dated status updates, the plan as at any date. */
export function actionPlanRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/action-plans',
        tags,
        summary: 'Action plans',
        responses: { 200: json(ActionPlanList.extend({ items: z.array(ActionPlanSchema) }).openapi('ActionPlanPage')), ...readErrors },
      }),
      async (c) => c.json(await listPlans(db, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/action-plans',
        tags,
        summary: 'Create a whole action plan: components, numbered items, their status history',
        request: { body: jsonBody(ActionPlanCreate) },
        responses: { 201: json(ActionPlanSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await createPlan(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/action-plans/{subject}',
        tags,
        summary: 'A plan as at a date: each item with the status reported by then, its history, and whether it is overdue',
        request: { params: z.object({ subject: z.string().min(1).max(60) }), query: z.strictObject({ asOf: z.iso.date().optional() }) },
        responses: { 200: json(named(ActionPlanAsAt, 'ActionPlanAsAt')), ...writeErrors },
      }),
      async (c) => c.json(await planAsAt(db, c.req.valid('param').subject, c.req.valid('query').asOf ?? today(), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/action-plan-components/{id}/items',
        tags,
        summary: 'Add one numbered item at the end of a component of a plan',
        request: { params: IdParam, body: jsonBody(ActionItemCreate) },
        responses: { 201: json(ActionItemSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await createItem(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/action-items/{id}',
        tags,
        summary: "Revise an item's number, wording, responsible unit or due date",
        request: { params: IdParam, body: jsonBody(ActionItemUpdate) },
        responses: { 200: json(ActionItemSchema), ...writeErrors },
      }),
      async (c) => c.json(await updateItem(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/action-items/{id}/statuses',
        tags,
        summary: 'Add a dated status update (later than the previous one)',
        request: { params: IdParam, body: jsonBody(StatusInput) },
        responses: { 201: json(named(ActionItemStatus, 'ActionItemStatus'), 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await addStatus(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    );
}
