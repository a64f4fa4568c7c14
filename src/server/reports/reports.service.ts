import type { Kysely } from 'kysely';
import type { Locale } from '../../shared/locales.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { planAsAt } from '../modules/action-plans/action-plans.service.ts';
import { strategyProgress } from '../modules/strategies/strategy-progress.service.ts';
import { countryBriefReport } from './country-brief.report.ts';
import { donorProgressReport } from './donor-progress.report.ts';
import { type GoverningBodyMeta, planProgressReport } from './plan-progress.report.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderPdf } from './render-pdf.ts';
import { renderXlsx } from './render-xlsx.ts';
import type { ReportDoc, ReportFormat } from './report-model.ts';
import { strategyMeasurementReport } from './strategy-measurement.report.ts';

export const REPORT_KINDS = ['plan-progress', 'strategy-measurement', 'donor-progress', 'country-brief'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Builds a report's document from live data as at a date; access is the data's own (each loader checks it). */
export async function buildReport(
  db: Kysely<DB>,
  kind: ReportKind,
  subject: string,
  asOf: string,
  actor: Actor,
  meta: GoverningBodyMeta = {},
  lang: Locale = 'en',
): Promise<ReportDoc> {
  switch (kind) {
    case 'plan-progress':
      return planProgressReport(await planAsAt(db, subject, asOf, actor), meta, lang);
    case 'strategy-measurement':
      return strategyMeasurementReport(await strategyProgress(db, subject, asOf, actor), lang);
    case 'donor-progress':
      return donorProgressReport(db, subject, asOf, actor, lang);
    case 'country-brief':
      return countryBriefReport(db, subject, asOf, actor, lang);
  }
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Renders a report in a format: the bytes (or text) to send. */
export async function renderReport(doc: ReportDoc, format: ReportFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return renderHtml(doc);
    case 'docx':
      return renderDocx(doc);
    case 'xlsx':
      return renderXlsx(doc);
    case 'pdf':
      return renderPdf(renderHtml(doc));
  }
}
