import { type Kysely, sql } from 'kysely';
import type { Locale } from '../../shared/locales.ts';
import type { Actor } from '../access/actor.ts';
import { holds, scopeFor } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { findWarnings } from '../finance/early-warning.queries.ts';
import { rate } from '../finance/portfolio-facts.queries.ts';
import { reportingCurrency } from '../finance/reporting-currency.ts';
import { findCalendar } from '../modules/calendar/calendar.service.ts';
import { findIndicators } from '../modules/indicators/indicators.service.ts';
import { reachesProject } from '../modules/projects/projects.queries.ts';
import { getProject } from '../modules/projects/projects.service.ts';
import { type Block, moneyText, percentText, type ReportDoc } from './report-model.ts';
import { longDate, REPORT_WORDS } from './report-words.ts';

/**
 * The donor progress report in one standard format (004 Part II.3, "a standard format for progress
 * reports for multi-bilateral donors"): project summary, results against targets, financial statement
 * with delivery by year, risks (the early-warning flags as at the date), next steps. A financial report: it
 * needs `finance.read` over the project (a donor viewer gets the reports of the projects its partner funds, a
 * constituent viewer none); the risks are left out for a reader without `warnings.read`.
 */
export async function donorProgressReport(db: Kysely<DB>, projectId: string, asOf: string, actor: Actor, lang: Locale = 'en'): Promise<ReportDoc> {
  const w = REPORT_WORDS[lang];
  const date = (iso: string) => longDate(iso, lang);
  scopeFor(actor, 'finance.read');
  const p = await getProject(db, projectId, actor);
  if (!(await reachesProject(db, actor, 'finance.read', projectId))) throw notFound('Project', projectId);
  const risks = await reachesProject(db, actor, 'warnings.read', projectId);
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  // The year of the date counts its months up to the date's; earlier years count whole.
  const through = (column: 'expenditure' | 'commitment') =>
    sql<string | null>`case when year = ${sql.lit(year)} then coalesce(${sql.ref(`${column}_to_month`)}[${sql.lit(month)}], ${sql.ref(column)}) else ${sql.ref(column)} end`;
  const [indicators, finance, currency, warnings, calendar] = await Promise.all([
    findIndicators(db, 'project', projectId, actor),
    db
      .selectFrom('project_finance')
      .select(['year', 'allocation', through('expenditure').as('spent'), through('commitment').as('committed'), rate(through('expenditure'), sql`allocation`).as('rate')])
      .where('project_id', '=', projectId)
      .where('year', '<=', year)
      .orderBy('year')
      .execute(),
    reportingCurrency(db),
    risks ? findWarnings(db, asOf, actor, { project: projectId }) : null,
    p.countryCode && holds(actor, 'programming.read') ? findCalendar(db, { country: p.countryCode, asOf, months: 12 }, actor) : Promise.resolve({ items: [] }),
  ]);
  const place = p.countryCode
    ? ((await db.selectFrom('countries').select('name_en').where('code', '=', p.countryCode).executeTakeFirst())?.name_en ?? p.countryCode)
    : (p.regionCode ?? w.global);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: w.summary },
    {
      kind: 'table',
      name: 'Summary',
      columns: ['', ''],
      rows: [
        { cells: [w.summaryRows[0] as string, `${p.code} – ${p.title}`] },
        { cells: [w.summaryRows[1] as string, p.officeName] },
        { cells: [w.summaryRows[2] as string, place] },
        { cells: [w.summaryRows[3] as string, w.projectStatuses[p.status] ?? p.status] },
        { cells: [w.summaryRows[4] as string, w.period(date(p.plannedStart), date(p.plannedEnd))] },
        { cells: [w.summaryRows[5] as string, p.partners.map((x) => `${x.name} (${w.roles[x.role] ?? x.role})`).join('; ') || '–'] },
        { cells: [w.summaryRows[6] as string, p.agreements.map((a) => `${a.code} ${a.title}`).join('; ') || '–'] },
        { cells: [w.summaryRows[7] as string, p.cpoLinks.map((c) => `${c.code} (${Number(c.share)}%)`).join('; ') || '–'] },
        { cells: [w.summaryRows[8] as string, p.sdgTargets.join(', ') || '–'] },
      ],
      widths: [30, 70],
    },
    ...(p.description ? [{ kind: 'paragraph', text: p.description } as Block] : []),
    { kind: 'heading', level: 2, text: w.results },
  ];
  const ids = indicators.map((i) => i.id);
  const [targets, actuals] = ids.length
    ? await Promise.all([
        db
          .selectFrom('indicator_targets')
          .selectAll()
          .where('indicator_id', 'in', ids)
          .where('superseded_at', 'is', null)
          .where('kind', '=', 'target')
          .orderBy('period_end')
          .execute(),
        db.selectFrom('indicator_actuals').selectAll().where('indicator_id', 'in', ids).where('period_end', '<=', asOf).orderBy('period_end').orderBy('id').execute(),
      ])
    : [[], []];
  if (!indicators.length) blocks.push({ kind: 'paragraph', text: w.noIndicators });
  else
    blocks.push({
      kind: 'table',
      name: 'Results',
      columns: w.resultsColumns(date(asOf)),
      rows: indicators.map((i) => {
        const target = targets.filter((t) => t.indicator_id === i.id).at(-1);
        const actual = actuals.filter((a) => a.indicator_id === i.id).at(-1);
        const unit = i.unit === '%' || i.unit === 'percent' ? '%' : ` ${i.unit}`;
        return {
          cells: [
            `${i.code ? `${i.code} ` : ''}${i.title}`,
            i.baselineValue === null ? '–' : `${Number(i.baselineValue)}${unit}`,
            target ? `${Number(target.value)}${unit} ${w.by(date(target.period_end))}` : '–',
            actual ? `${Number(actual.value)}${unit} (${date(actual.period_end)})` : '–',
            actual?.source ?? '–',
          ],
        };
      }),
    });
  blocks.push(
    { kind: 'heading', level: 2, text: w.financial },
    {
      kind: 'table',
      name: 'Financial statement',
      caption: w.inCurrency(currency, year, date(asOf)),
      columns: w.financialColumns,
      rows: finance.map((f) => {
        return {
          cells: [
            String(f.year),
            f.allocation ? moneyText(f.allocation, currency) : w.notConverted,
            f.spent ? moneyText(f.spent, currency) : '–',
            f.committed ? moneyText(f.committed, currency) : '–',
            percentText(f.rate),
          ],
        };
      }),
    },
    { kind: 'paragraph', note: true, text: w.deliveryNote },
  );
  if (warnings) {
    const flags = warnings.warnings.filter((w) => w.projectId === projectId);
    blocks.push(
      { kind: 'heading', level: 2, text: w.risks },
      flags.length
        ? { kind: 'bullets', items: flags.map((w) => `${w.ruleName}: ${w.reason}${w.action ? ` — ${w.action.status}: ${w.action.comment}` : ''}`) }
        : { kind: 'paragraph', text: w.noFlags(date(asOf)) },
    );
  }
  const next = calendar.items.slice(0, 5);
  blocks.push(
    { kind: 'heading', level: 2, text: w.nextSteps },
    {
      kind: 'bullets',
      items: [...(p.plannedEnd >= asOf ? [w.plannedEnd(date(p.plannedEnd))] : [w.endPassed(date(p.plannedEnd))]), ...next.map((m) => `${date(m.dueDate)}: ${m.title}`)],
    },
  );
  return {
    fileName: `${p.code}-progress-${asOf}`,
    title: w.progressReport(p.title),
    titleBlock: { body: w.donorBody, symbol: p.code, date: w.date(date(asOf)) },
    asAt: w.situationAsAt(date(asOf)),
    blocks,
    language: lang,
  };
}
