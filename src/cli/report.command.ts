import { writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { systemActor } from '../server/access/actor.ts';
import type { DB } from '../server/db/schema.ts';
import { REPORT_FORMATS, type ReportFormat } from '../server/reports/report-model.ts';
import { buildReport, REPORT_KINDS, type ReportKind, renderReport } from '../server/reports/reports.service.ts';
import { today } from '../shared/dates.ts';
import { LOCALES, type Locale } from '../shared/locales.ts';
import { UsageError } from './output.ts';

type Flags = Record<string, string | boolean | undefined>;

const USAGE = `devcoop report KIND SUBJECT [--as-of DATE] [--format html|docx|pdf|xlsx] [--out FILE] [--lang en|fr|es] [--symbol S] [--session S]
  KIND: ${REPORT_KINDS.join(', ')}`;

/** `devcoop report KIND SUBJECT`: a report as at a date, written to a file (its own name by default). */
export async function reportCommand(db: Kysely<DB>, kind: string | undefined, subject: string | undefined, flags: Flags): Promise<void> {
  if (!kind || !subject || !(REPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(USAGE);
  const format = (typeof flags.format === 'string' ? flags.format : 'docx') as ReportFormat;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: one of ${REPORT_FORMATS.join(', ')}`);
  const asOf = typeof flags['as-of'] === 'string' ? flags['as-of'] : today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError('--as-of: a date such as 2020-03-02');
  const meta = { symbol: flags.symbol as string | undefined, session: flags.session as string | undefined };
  const lang = (typeof flags.lang === 'string' ? flags.lang : 'en') as Locale;
  if (!(LOCALES as readonly string[]).includes(lang)) throw new UsageError(`--lang: one of ${LOCALES.join(', ')}`);
  const doc = await buildReport(db, kind as ReportKind, subject, asOf, systemActor('cli'), meta, lang);
  const out = typeof flags.out === 'string' ? flags.out : `${doc.fileName}.${format}`;
  writeFileSync(out, await renderReport(doc, format));
  console.log(`${doc.title} (${doc.asAt}) written to ${out}`);
}
