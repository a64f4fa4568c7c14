import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { actorOf } from '../http/env.ts';
import { errors, json, jsonBody, router } from '../http/openapi.ts';
import { AnyRecord, IdParam, one, readErrors, writeErrors } from '../http/route-kit.ts';
import { type Column, toCsv, toXlsx } from '../spreadsheets/export-table.ts';
import { setAllocation } from './allocations.service.ts';
import { DELIVERY_GROUPS, groupedDelivery, projectDelivery } from './delivery.service.ts';
import { findWarnings } from './early-warning.service.ts';
import { importFinancialLines } from './financial-lines.apply.ts';
import type { FinancialMapping } from './financial-lines.parse.ts';
import { importRates } from './rates.service.ts';

const tags = ['Finance'];
const Mapping = z.strictObject({ projectCode: z.string(), period: z.string(), amount: z.string(), currency: z.string(), sourceRef: z.string(), kind: z.string() });

/** Allocations, ERP imports, exchange rates and delivery. */
export function financeRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'put',
        path: '/projects/{id}/allocations/{year}',
        tags,
        summary: "Set a project's allocation for a year",
        request: {
          params: IdParam.extend({ year: z.coerce.number().int().min(1990).max(2100) }),
          body: jsonBody(
            z.strictObject({
              amount: z.union([z.string(), z.number()]).transform(String),
              currency: z.string().regex(/^[A-Z]{3}$/),
              source: z.string().min(1).max(200).default('manual'),
            }),
          ),
        },
        responses: { 200: one, ...writeErrors },
      }),
      async (c) => {
        const { id, year } = c.req.valid('param');
        return c.json(await setAllocation(db, id, year, c.req.valid('json'), actorOf(c)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/finance/imports',
        tags,
        summary: 'Import expenditure and commitments from an ERP export (CSV or XLSX, sent as the raw body)',
        description:
          'Send the file as application/octet-stream; `fileName`, the column `mapping` (JSON) and `dryRun` go in the query. The report lists every problem by sheet, row and column; with any error nothing is stored.',
        request: { query: z.strictObject({ fileName: z.string().min(1).max(200), mapping: z.string().max(2000), dryRun: z.enum(['true', 'false']).default('false') }) },
        responses: { 200: json(AnyRecord, 'The import report'), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE') },
      }),
      async (c) => {
        const q = c.req.valid('query');
        let mapping: FinancialMapping;
        try {
          mapping = Mapping.parse(JSON.parse(q.mapping));
        } catch {
          throw new AppError('INVALID_INPUT', 'mapping: a JSON object naming the columns projectCode, period, amount, currency, sourceRef and kind', { field: 'mapping' });
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const report = await importFinancialLines(db, { name: q.fileName, bytes }, mapping, { dryRun: q.dryRun === 'true' }, actorOf(c));
        return c.json(report, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/exchange-rates',
        tags,
        summary: 'Load monthly exchange rates (units per US dollar) from a named source',
        request: {
          body: jsonBody(
            z.strictObject({
              source: z.string().min(1).max(200),
              rates: z.array(z.strictObject({ currency: z.string(), month: z.string(), perUsd: z.union([z.string(), z.number()]).transform(String) })).max(10000),
            }),
          ),
        },
        responses: { 200: one, ...writeErrors },
      }),
      async (c) => {
        const body = c.req.valid('json');
        return c.json(await importRates(db, body.source, body.rates, actorOf(c)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/delivery',
        tags,
        summary: 'Delivery rate (expenditure ÷ allocation) for a year in the reporting currency: per project, or summed by office, country, funding source or funding partner',
        request: { query: z.strictObject({ year: z.coerce.number().int().min(1990).max(2100), by: z.enum(DELIVERY_GROUPS).optional() }) },
        responses: { 200: one, ...readErrors },
      }),
      async (c) => {
        const { year, by } = c.req.valid('query');
        return c.json(by ? await groupedDelivery(db, year, by, actorOf(c)) : await projectDelivery(db, year, actorOf(c)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/delivery/export',
        tags,
        summary: 'The delivery table as CSV or XLSX, with readable column names',
        request: {
          query: z.strictObject({ year: z.coerce.number().int().min(1990).max(2100), by: z.enum(DELIVERY_GROUPS).optional(), format: z.enum(['csv', 'xlsx']).default('csv') }),
        },
        responses: { 200: { description: 'The file' }, ...readErrors },
      }),
      async (c) => {
        const { year, by, format } = c.req.valid('query');
        const actor = actorOf(c);
        let columns: Column[];
        let rows: Record<string, unknown>[];
        let currency: string;
        if (by) {
          const g = await groupedDelivery(db, year, by, actor);
          currency = g.currency;
          columns = [
            { key: 'label', label: by.replace('_', ' ').replace(/^./, (x) => x.toUpperCase()) },
            { key: 'projects', label: 'Projects', numeric: true },
          ];
          rows = g.rows as unknown as Record<string, unknown>[];
        } else {
          const d = await projectDelivery(db, year, actor);
          currency = d.currency;
          columns = [
            { key: 'code', label: 'Project code' },
            { key: 'title', label: 'Project' },
            { key: 'office', label: 'Office' },
            { key: 'country', label: 'Country' },
            { key: 'fundingSource', label: 'Funding source' },
          ];
          rows = d.rows.map((r) => ({ ...r, basis: r.basis.join('; '), problems: r.problems.join('; ') }));
        }
        columns.push(
          { key: 'allocation', label: `Allocation ${year} (${currency})`, numeric: true },
          { key: 'expenditure', label: `Expenditure ${year} (${currency})`, numeric: true },
          { key: 'deliveryRate', label: 'Delivery rate', numeric: true },
        );
        if (!by) columns.push({ key: 'basis', label: 'Exchange rates used' }, { key: 'problems', label: 'Problems' });
        const name = `delivery-${year}${by ? `-by-${by}` : ''}`;
        if (format === 'csv') return c.body(toCsv(columns, rows), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
        return c.body((await toXlsx(`Delivery ${year}`, columns, rows)).buffer as ArrayBuffer, 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="${name}.xlsx"`,
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/early-warnings',
        tags,
        summary: 'The watch list: projects flagged by the early-warning rules as at a day, each with the rule and the reason',
        request: { query: z.strictObject({ asOf: z.iso.date().optional() }) },
        responses: { 200: one, ...readErrors },
      }),
      async (c) => c.json(await findWarnings(db, c.req.valid('query').asOf ?? new Date().toISOString().slice(0, 10), actorOf(c)), 200),
    );
}
