import { createRoute, z } from '@hono/zod-openapi';
import { today } from '../../shared/dates.ts';
import { LOCALES } from '../../shared/locales.ts';
import type { Deps } from '../deps.ts';
import { dispositionOf } from '../http/content-disposition.ts';
import { actorOf } from '../http/env.ts';
import { errors, router } from '../http/openapi.ts';
import { REPORT_FORMATS } from './report-model.ts';
import { buildReport, CONTENT_TYPES, REPORT_KINDS, renderReport } from './reports.service.ts';

const tags = ['Reports'];
const binary = z.string().openapi({ format: 'binary' });

/** Reports generated from live data as at a date, in HTML, DOCX, PDF (where Chromium is installed) and XLSX (the tables). */
export function reportRoutes({ db }: Deps) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/reports/{kind}/{subject}',
      tags,
      summary: 'A report as at a date',
      description:
        'kind: plan-progress (subject: an action plan id or code), strategy-measurement (a strategy id or code), donor-progress (a project id), country-brief (a country code). The Governing Body title block of a plan report takes symbol, session, section and date; lang (en, fr, es) sets the language of the report frame (the data stays as entered).',
      request: {
        params: z.object({ kind: z.enum(REPORT_KINDS), subject: z.string().min(1).max(60) }),
        query: z.strictObject({
          asOf: z.iso.date().optional(),
          format: z.enum(REPORT_FORMATS).default('html'),
          lang: z.enum(LOCALES).default('en'),
          symbol: z.string().max(60).optional(),
          session: z.string().max(200).optional(),
          section: z.string().max(200).optional(),
          date: z.iso.date().optional(),
        }),
      },
      responses: {
        200: {
          description: 'The report in the format asked for: HTML opens in a browser, the others download',
          content: {
            'text/html': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: binary },
            'application/pdf': { schema: binary },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary },
          },
        },
        ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'UNAVAILABLE'),
      },
    }),
    async (c) => {
      const { kind, subject } = c.req.valid('param');
      const { asOf, format, lang, ...meta } = c.req.valid('query');
      const doc = await buildReport(db, kind, subject, asOf ?? today(), actorOf(c), meta, lang);
      const body = await renderReport(doc, format);
      const disposition = format === 'html' ? 'inline' : 'attachment';
      return c.body(typeof body === 'string' ? body : (body.buffer as ArrayBuffer), 200, {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': dispositionOf(`${doc.fileName}.${format}`, disposition),
      });
    },
  );
}
