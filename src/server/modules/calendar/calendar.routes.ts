import { createRoute, z } from '@hono/zod-openapi';
import { MilestoneCreate, MilestoneUpdate } from '../../../shared/contracts/programming.ts';
import { CalendarList, Milestone, Notifications } from '../../../shared/contracts/programming-answers.ts';
import type { Deps } from '../../deps.ts';
import { dispositionOf } from '../../http/content-disposition.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { CodeParam, IdParam, readErrors, writeErrors } from '../../http/route-kit.ts';
import { calendarIcs } from './calendar.ics.ts';
import * as calendar from './calendar.service.ts';

const tags = ['UN process calendar'];
const Query = z.strictObject({
  asOf: z.iso.date().optional(),
  months: z.coerce.number().int().min(1).max(60).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
const MilestoneSchema = named(Milestone, 'ProgrammeMilestone');
const CalendarSchema = named(CalendarList, 'ProgrammeCalendar');
const NotificationsSchema = named(Notifications, 'MilestoneNotifications');

export function calendarRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/countries/{code}/milestones',
        tags,
        summary: 'Add a CCA/CF/DWCP milestone',
        request: { params: CodeParam, body: jsonBody(MilestoneCreate) },
        responses: { 201: json(MilestoneSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await calendar.createMilestone(db, c.req.valid('param').code, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/milestones/{id}',
        tags,
        summary: 'Change a milestone (e.g. mark it done)',
        request: { params: IdParam, body: jsonBody(MilestoneUpdate) },
        responses: { 200: json(MilestoneSchema), ...writeErrors },
      }),
      async (c) => c.json(await calendar.updateMilestone(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/calendar',
        tags,
        summary: 'Coming milestones, next 24 months by default',
        request: { query: Query },
        responses: { 200: json(CalendarSchema), ...readErrors },
      }),
      async (c) => c.json(await calendar.findCalendar(db, c.req.valid('query'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/calendar/notifications',
        tags,
        summary: 'Milestones whose constituents should be told now, with the constituents',
        request: { query: z.strictObject({ asOf: z.iso.date().optional(), days: z.coerce.number().int().min(0).max(365).optional() }) },
        responses: { 200: json(NotificationsSchema), ...readErrors },
      }),
      async (c) => c.json(await calendar.findNotifications(db, c.req.valid('query'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/calendar.ics',
        tags,
        summary: 'The calendar as an iCalendar feed',
        request: { query: Query },
        responses: { 200: { description: 'The calendar, one all-day event per milestone', content: { 'text/calendar': { schema: z.string() } } }, ...readErrors },
      }),
      async (c) => {
        const { items } = await calendar.findCalendar(db, c.req.valid('query'), actorOf(c));
        return c.body(calendarIcs(items, new URL(c.req.url).host), 200, {
          'Content-Type': 'text/calendar; charset=utf-8',
          'Content-Disposition': dispositionOf('devcoop-calendar.ics'),
        });
      },
    );
}
