import { createRoute, z } from '@hono/zod-openapi';
import {
  DeliveryCurve,
  DeliveryGroups,
  DeliveryPage,
  DeliveryTrend,
  FundingAlignment,
  PortfolioSummary,
  ResourceGaps,
  ResourceNeed,
  ResourceNeedCreate,
  ResourceNeedList,
  ResourceNeedUpdate,
  WarningAction,
  WarningActionCreate,
  WarningActionList,
  WarningRule,
  WarningRuleList,
  WarningRuleUpdate,
  WatchList,
} from '../../shared/contracts/finance.ts';
import { today } from '../../shared/dates.ts';
import { ALIGNMENT_GROUPS, DELIVERY_GROUPS, DELIVERY_SORTS } from '../../shared/finance-labels.ts';
import { LOCALES } from '../../shared/locales.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { dispositionOf } from '../http/content-disposition.ts';
import { actorOf } from '../http/env.ts';
import { json, jsonBody, named, router } from '../http/openapi.ts';
import { IdParam, readErrors, TableFile, writeErrors } from '../http/route-kit.ts';
import { presentDeliveryCurve, presentDeliveryGroups, presentDeliveryPage, presentDeliveryTrend } from './delivery.presenter.ts';
import { deliveryCurve, deliveryTrend, groupedDelivery, projectDelivery } from './delivery.queries.ts';
import { findWarnings } from './early-warning.queries.ts';
import { FINANCE_TABLES, financeTableFile } from './finance-tables.ts';
import { presentFundingAlignment } from './funding-alignment.presenter.ts';
import { alignedShare } from './funding-alignment.queries.ts';
import type { PortfolioFilter } from './portfolio-facts.queries.ts';
import { presentPortfolioSummary } from './portfolio-summary.presenter.ts';
import { portfolioSummary } from './portfolio-summary.queries.ts';
import { resourceGaps } from './resource-gaps.queries.ts';
import { presentResourceGaps } from './resource-needs.presenter.ts';
import { createNeed, listNeeds, updateNeed } from './resource-needs.service.ts';
import { actOnWarning, listWarningRules, updateWarningRule, warningHistory } from './warning-actions.service.ts';
import { presentWatchList } from './warnings.presenter.ts';

const tags = ['Delivery and dashboards'];
const Year = z.coerce.number().int().min(1990).max(2100);
/** The filters of every dashboard view, in the URL so a view can be shared. */
const Filter = z.strictObject({
  office: z.guid().optional(),
  region: z.union([z.guid(), z.literal('none')]).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  fundingSource: z
    .string()
    .regex(/^[A-Z0-9-]{2,12}$/)
    .optional(),
  partner: z.guid().optional(),
});
const filterOf = (q: z.infer<typeof Filter>): PortfolioFilter => ({ office: q.office, region: q.region, country: q.country, fundingSource: q.fundingSource, partner: q.partner });
const Through = z.coerce.number().int().min(1).max(12).optional();

// The answers' schemas, each registered once under its name in the OpenAPI document.
const DeliveryPageSchema = named(DeliveryPage, 'DeliveryPage');
const DeliveryGroupsSchema = named(DeliveryGroups, 'DeliveryGroups');
const DeliveryTrendSchema = named(DeliveryTrend, 'DeliveryTrend');
const DeliveryCurveSchema = named(DeliveryCurve, 'DeliveryCurve');
const PortfolioSummarySchema = named(PortfolioSummary, 'PortfolioSummary');
const WatchListSchema = named(WatchList, 'WatchList');
const WarningActionSchema = named(WarningAction, 'WarningAction');
const WarningActionListSchema = named(WarningActionList, 'WarningActionList');
const WarningRuleSchema = named(WarningRule, 'WarningRule');
const WarningRuleListSchema = named(WarningRuleList, 'WarningRuleList');
const FundingAlignmentSchema = named(FundingAlignment, 'FundingAlignment');
const ResourceGapsSchema = named(ResourceGaps, 'ResourceGaps');
const ResourceNeedSchema = named(ResourceNeed, 'ResourceNeed');
const ResourceNeedListSchema = named(ResourceNeedList, 'ResourceNeedList');

/** Delivery, early warning, alignment of funding and resource gaps: the dashboards' API, and their downloads. */
export function deliveryRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/delivery',
        tags,
        summary:
          'Delivery rate (expenditure ÷ allocation) per project for a year or its first months, a page at a time, with commitments, a run-rate forecast and the totals of every project asked for',
        request: {
          query: Filter.extend({
            year: Year,
            through: Through,
            sort: z.enum(DELIVERY_SORTS).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
        },
        responses: { 200: json(DeliveryPageSchema), ...readErrors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(presentDeliveryPage(await projectDelivery(db, { year: q.year, through: q.through, filter: filterOf(q) }, actorOf(c), q)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/delivery/groups',
        tags,
        summary: 'Delivery summed by a dimension (region, office, country, funding source, funding partner, outcome or earmarking) for a year or its first months',
        request: { query: Filter.extend({ year: Year, through: Through, by: z.enum(DELIVERY_GROUPS) }) },
        responses: { 200: json(DeliveryGroupsSchema), ...readErrors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(presentDeliveryGroups(await groupedDelivery(db, { year: q.year, through: q.through, filter: filterOf(q) }, q.by, actorOf(c))), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/delivery/trend',
        tags,
        summary: 'Delivery year by year (trends across years)',
        request: { query: Filter.extend({ from: Year, to: Year }) },
        responses: { 200: json(DeliveryTrendSchema), ...readErrors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        if (q.to < q.from || q.to - q.from > 20) throw new AppError('INVALID_INPUT', 'to: from 0 to 20 years after from', { field: 'to' });
        return c.json(presentDeliveryTrend(await deliveryTrend(db, { from: q.from, to: q.to }, filterOf(q), actorOf(c))), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/delivery/curve',
        tags,
        summary: 'Expenditure month by month and cumulated, against the allocation of the year',
        request: { query: Filter.extend({ year: Year }) },
        responses: { 200: json(DeliveryCurveSchema), ...readErrors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(presentDeliveryCurve(await deliveryCurve(db, { year: q.year, filter: filterOf(q) }, actorOf(c))), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/portfolio/summary',
        tags,
        summary: 'The portfolio of a year by status, country (for the map) and funding source',
        request: { query: Filter.extend({ year: Year }) },
        responses: { 200: json(PortfolioSummarySchema), ...readErrors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(presentPortfolioSummary(await portfolioSummary(db, q.year, filterOf(q), actorOf(c))), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/early-warnings',
        tags,
        summary: 'The watch list: projects flagged by the early-warning rules as at a day, each with the rule, the reason and the last action taken',
        request: { query: Filter.extend({ asOf: z.iso.date().optional(), limit: z.coerce.number().int().min(1).max(5000).default(500) }) },
        responses: { 200: json(WatchListSchema), ...readErrors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(presentWatchList(await findWarnings(db, q.asOf ?? today(), actorOf(c), filterOf(q), q.limit)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/early-warnings/actions',
        tags,
        summary: 'Act on a flag: acknowledge it, record the action taken, or dismiss it, with a comment',
        request: { body: jsonBody(WarningActionCreate) },
        responses: { 201: json(WarningActionSchema, 'Recorded'), ...writeErrors },
      }),
      async (c) => c.json(await actOnWarning(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/warning-actions',
        tags,
        summary: "What was done about a project's flags, newest first",
        request: { params: IdParam },
        responses: { 200: json(WarningActionListSchema), ...readErrors },
      }),
      async (c) => c.json(await warningHistory(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/warning-rules',
        tags,
        summary: 'The early-warning rules and their parameters',
        responses: { 200: json(WarningRuleListSchema), ...readErrors },
      }),
      async (c) => c.json(await listWarningRules(db, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/warning-rules/{code}',
        tags,
        summary: "Change a rule's name, parameters or whether it is active",
        request: {
          params: z.object({ code: z.string().regex(/^[a-z0-9_]{2,40}$/) }),
          body: jsonBody(WarningRuleUpdate),
        },
        responses: { 200: json(WarningRuleSchema), ...writeErrors },
      }),
      async (c) => c.json(await updateWarningRule(db, c.req.valid('param').code, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/funding-alignment',
        tags,
        summary: 'Share of voluntary funding contributing directly to country programme outcomes (the 58% measure), in total or by region, partner or earmarking',
        request: { query: Filter.extend({ year: Year, by: z.enum(ALIGNMENT_GROUPS).default('total') }) },
        responses: { 200: json(FundingAlignmentSchema), ...readErrors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(presentFundingAlignment(await alignedShare(db, q.year, q.by, filterOf(q), actorOf(c))), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/resource-gaps',
        tags,
        summary: 'Resources needed per country programme outcome against resources available by source, the gap and the share of gaps filled',
        request: {
          query: z.strictObject({
            country: z
              .string()
              .regex(/^[A-Z]{2}$/)
              .optional(),
            year: Year.optional(),
          }),
        },
        responses: { 200: json(ResourceGapsSchema), ...readErrors },
      }),
      async (c) => c.json(presentResourceGaps(await resourceGaps(db, actorOf(c), c.req.valid('query'))), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/cpos/{id}/resource-needs',
        tags,
        summary: 'The resources a country programme outcome needs, by period',
        request: { params: IdParam },
        responses: { 200: json(ResourceNeedListSchema), ...readErrors },
      }),
      async (c) => c.json(await listNeeds(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/cpos/{id}/resource-needs',
        tags,
        summary: 'Record the resources a country programme outcome needs for a period',
        request: {
          params: IdParam,
          body: jsonBody(ResourceNeedCreate),
        },
        responses: { 201: json(ResourceNeedSchema, 'Created'), ...writeErrors },
      }),
      async (c) => c.json(await createNeed(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/resource-needs/{id}',
        tags,
        summary: 'Change the amounts or note of a resource need',
        request: {
          params: IdParam,
          body: jsonBody(ResourceNeedUpdate),
        },
        responses: { 200: json(ResourceNeedSchema), ...writeErrors },
      }),
      async (c) => c.json(await updateNeed(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/tables/{name}',
        tags,
        summary: 'Any dashboard table as CSV or XLSX, with readable column names and labels in the language asked for; the same parameters as its view',
        request: {
          params: z.object({ name: z.enum(Object.keys(FINANCE_TABLES) as [string, ...string[]]) }),
          query: Filter.extend({
            format: z.enum(['csv', 'xlsx']).default('csv'),
            lang: z.enum(LOCALES).default('en'),
            year: Year.optional(),
            through: Through,
            by: z.string().max(20).optional(),
            asOf: z.iso.date().optional(),
            from: Year.optional(),
            to: Year.optional(),
          }),
        },
        responses: { 200: TableFile, ...readErrors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const file = await financeTableFile(db, c.req.valid('param').name, { ...q, filter: filterOf(q) }, actorOf(c));
        return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': dispositionOf(file.name) });
      },
    );
}
