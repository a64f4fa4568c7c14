import { createRoute, z } from '@hono/zod-openapi';
import { ErpLinePage, ExchangeRateList, ProjectMoney } from '../../shared/contracts/finance.ts';
import { today } from '../../shared/dates.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/env.ts';
import { errors, json, named, router } from '../http/openapi.ts';
import { IdParam, readErrors } from '../http/route-kit.ts';
import { presentErpLines, presentExchangeRates, presentProjectMoney } from './project-money.presenter.ts';
import { exchangeRateTable, projectErpLines, projectMoney } from './project-money.queries.ts';

const tags = ['Finance'];
const ProjectMoneySchema = named(ProjectMoney, 'ProjectMoney');
const ErpLinePageSchema = named(ErpLinePage, 'ErpLinePage');
const ExchangeRateListSchema = named(ExchangeRateList, 'ExchangeRateList');
const readAndInput = errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND');

/** A project's money on its page, its ERP lines, and the exchange-rate tables. */
export function projectMoneyRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/finance',
        tags,
        summary:
          "A project's money year by year (allocation, expenditure, commitments, delivery rate, run-rate forecast) in the reporting currency, its allocations as set and its early-warning flags as at a day",
        request: { params: IdParam, query: z.strictObject({ asOf: z.iso.date().optional() }) },
        responses: { 200: json(ProjectMoneySchema), ...readAndInput },
      }),
      async (c) => c.json(presentProjectMoney(await projectMoney(db, c.req.valid('param').id, c.req.valid('query').asOf ?? today(), actorOf(c))), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/erp-lines',
        tags,
        summary: "A page of a project's lines imported from the ERP (expenditure, commitments, disbursements), by month, with the file each came from",
        request: {
          params: IdParam,
          query: z.strictObject({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
        },
        responses: { 200: json(ErpLinePageSchema), ...readAndInput },
      }),
      async (c) => c.json(presentErpLines(await projectErpLines(db, c.req.valid('param').id, c.req.valid('query'), actorOf(c))), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/exchange-rates',
        tags,
        summary: 'The monthly exchange rates (units of a currency per US dollar), newest month first, a page at a time',
        request: {
          query: z.strictObject({
            currency: z
              .string()
              .regex(/^[A-Z]{3}$/)
              .optional(),
            year: z.coerce.number().int().min(1990).max(2100).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
        },
        responses: { 200: json(ExchangeRateListSchema), ...readErrors },
      }),
      async (c) => c.json(presentExchangeRates(await exchangeRateTable(db, c.req.valid('query'), actorOf(c))), 200),
    );
}
