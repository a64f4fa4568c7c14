import { createRoute, z } from '@hono/zod-openapi';
import {
  Allocation,
  AllocationSet,
  ExchangeRatesLoad,
  ExchangeRatesLoaded,
  ImportDone,
  ImportMapping,
  ImportMappingCreate,
  ImportMappingList,
  ImportPreview,
  ImportRefused,
  ReportingCurrency,
  ReportingCurrencySet,
} from '../../shared/contracts/finance.ts';
import { JobStarted } from '../../shared/contracts/jobs.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/env.ts';
import { errors, json, jsonBody, named, router } from '../http/openapi.ts';
import { readWithin } from '../http/read-body.ts';
import { fileBody, fileContent } from '../http/request-body.middleware.ts';
import { IdParam, readErrors, writeErrors } from '../http/route-kit.ts';
import { startUploadJob } from '../jobs/jobs.service.ts';
import { setAllocation } from './allocations.service.ts';
import { financeImportJob } from './erp-import.job.ts';
import { presentImportReport } from './finance-imports.presenter.ts';
import { importFinancialLines } from './financial-lines.apply.ts';
import { deleteMapping, listMappings, mappingAsked, previewFile, saveMapping } from './import-mappings.service.ts';
import { importRates, setReportingCurrency } from './rates.service.ts';

const tags = ['Finance'];
const AllocationSchema = named(Allocation, 'ProjectAllocation');
const ImportReportSchema = z.discriminatedUnion('ok', [named(ImportDone, 'FinanceImportDone'), named(ImportRefused, 'FinanceImportRefused')]).openapi('FinanceImportReport');
const ImportPreviewSchema = named(ImportPreview, 'FinanceImportPreview');
const ImportMappingSchema = named(ImportMapping, 'FinanceImportMapping');
const ImportMappingListSchema = named(ImportMappingList, 'FinanceImportMappingList');

/** Allocations, ERP imports, exchange rates and delivery. */
export function financeRoutes(deps: Deps) {
  const { db, config } = deps;
  return router()
    .openapi(
      createRoute({
        method: 'put',
        path: '/projects/{id}/allocations/{year}',
        tags,
        summary: "Set a project's allocation for a year",
        request: {
          params: IdParam.extend({ year: z.coerce.number().int().min(1990).max(2100) }),
          body: jsonBody(AllocationSet),
        },
        responses: { 200: json(AllocationSchema), ...writeErrors },
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
          'Send the file as application/octet-stream; `fileName`, the column `mapping` (JSON) or a saved `mappingName`, and `dryRun` go in the query. The report lists every problem by sheet, row and column. A file with any error or critical problem is refused whole and nothing is stored: the answer is still a report, with `ok: false` (a refusal is the report the reader acts on, row by row); `ok: true` gives the counts of new, changed and unchanged lines. A file within DEVCOOP_IMPORT_JOB_BYTES (2 MB) is answered at once (200, the report); a larger one, or any with `async=true`, runs as a job (202, its id): follow it at /api/jobs/{jobId}, whose result is the same report.',
        middleware: [fileBody({ maxBytes: config.importLimit, right: 'finance.import' })],
        request: {
          body: fileContent,
          query: z.strictObject({
            fileName: z.string().min(1).max(200),
            mapping: z.string().max(2000).optional(),
            mappingName: z.string().min(1).max(100).optional(),
            dryRun: z.enum(['true', 'false']).default('false'),
            /** a job whatever the file's size */
            async: z.enum(['true', 'false']).default('false'),
          }),
        },
        responses: {
          200: json(ImportReportSchema, 'The import report: taken (ok: true) or refused whole (ok: false)'),
          202: json(named(JobStarted, 'JobStarted'), 'A large file (or async=true): the import runs as a job, its result the same report; follow it at /api/jobs/{jobId}'),
          ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE'),
        },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const actor = actorOf(c);
        // The right is checked before a byte of the file is read.
        const mapping = await mappingAsked(db, q, actor);
        const dryRun = q.dryRun === 'true';
        // A small file is answered within its request; a larger one is streamed to a job as it arrives.
        const body = q.async === 'true' ? { rest: c.req.raw.body } : await readWithin(c.req.raw.body, config.importJobBytes);
        if (body.rest !== undefined) {
          const payload = (bytes: number) => ({ fileName: q.fileName, bytes, mapping, mappingName: q.mappingName ?? null, dryRun });
          const job = await startUploadJob(deps, actor, financeImportJob, body.rest, payload);
          return c.json({ jobId: job.id }, 202);
        }
        const report = await importFinancialLines(db, { name: q.fileName, bytes: body.bytes }, mapping, { dryRun, limits: config.spreadsheetLimits }, actor);
        return c.json(presentImportReport(report), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/exchange-rates',
        tags,
        summary: 'Load monthly exchange rates (units per US dollar) from a named source',
        request: {
          body: jsonBody(ExchangeRatesLoad),
        },
        responses: { 200: json(named(ExchangeRatesLoaded, 'ExchangeRatesLoaded')), ...writeErrors },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const loaded = await importRates(db, body.source, body.rates, actorOf(c));
        return c.json({ inserted: loaded.inserted, updated: loaded.updated }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/finance/imports/preview',
        tags,
        summary: "The first step of an import: the file's columns, its first rows and a guessed mapping (the file as the raw body)",
        middleware: [fileBody({ maxBytes: config.importLimit, right: 'finance.import' })],
        request: { query: z.strictObject({ fileName: z.string().min(1).max(200) }), body: fileContent },
        responses: { 200: json(ImportPreviewSchema), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE') },
      }),
      async (c) => {
        const file = { name: c.req.valid('query').fileName, bytes: new Uint8Array(await c.req.arrayBuffer()) };
        return c.json(await previewFile(file, actorOf(c), config.spreadsheetLimits), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/finance/mappings',
        tags,
        summary: "Saved column mappings of ERP exports: the organisation's and those of the reader's offices (finance import right)",
        responses: { 200: json(ImportMappingListSchema), ...readErrors },
      }),
      async (c) => c.json(await listMappings(db, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/finance/mappings',
        tags,
        summary: "Save a column mapping under a name, to reuse with the next export of the same layout: the organisation's, or the saver's office's",
        request: { body: jsonBody(ImportMappingCreate) },
        responses: { 201: json(ImportMappingSchema, 'Saved'), ...writeErrors },
      }),
      async (c) => {
        const body = c.req.valid('json');
        return c.json(await saveMapping(db, body.name, body.mapping, actorOf(c)), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/finance/mappings/{id}',
        tags,
        summary: "Delete a saved mapping of one's offices (the organisation's: a role of organisation-wide reach)",
        request: { params: IdParam },
        responses: { 204: { description: 'Deleted' }, ...writeErrors },
      }),
      async (c) => {
        await deleteMapping(db, c.req.valid('param').id, actorOf(c));
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/settings/reporting-currency',
        tags,
        summary: 'Change the currency every figure is reported in (all facts are converted again)',
        request: { body: jsonBody(ReportingCurrencySet) },
        responses: { 200: json(named(ReportingCurrency, 'ReportingCurrency')), ...writeErrors },
      }),
      async (c) => {
        const set = await setReportingCurrency(db, c.req.valid('json').currency, actorOf(c));
        return c.json({ currency: set.currency, projects: set.projects }, 200);
      },
    );
}
