import type { Kysely } from 'kysely';
import type { Locale } from '../../shared/locales.ts';
import type { Actor } from '../access/actor.ts';
import { holds, scopeFor } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { projectDelivery } from '../finance/delivery.queries.ts';
import { getCountryPage } from '../modules/country-page/country-page.service.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';
import { type Block, moneyText, percentText, type ReportDoc } from './report-model.ts';
import { longDate, REPORT_WORDS } from './report-words.ts';

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : String(v));

/**
 * The country brief for the Resident Coordinator (000 §30: briefing RCs on the ILO's work in a country):
 * presence and covering office, constituents, DWCP and Cooperation Framework status, coming milestones,
 * and the active projects with their delivery this year as at the date. A reader without `finance.read` (a
 * constituent viewer) gets the projects without their money.
 */
export async function countryBriefReport(db: Kysely<DB>, code: string, asOf: string, actor: Actor, lang: Locale = 'en'): Promise<ReportDoc> {
  const w = REPORT_WORDS[lang];
  const date = (iso: string) => longDate(iso, lang);
  const page = await getCountryPage(db, code, actor);
  const year = Number(asOf.slice(0, 4));
  const delivery = holds(actor, 'finance.read') ? await projectDelivery(db, { year, through: Number(asOf.slice(5, 7)), filter: { country: code } }, actor, { limit: 200 }) : null;
  const p = page.profile as Record<string, unknown>;
  const name = text(p.nameEn);
  const dwcp = page.dwcp as Record<string, unknown> | null;
  const cycle = page.cycle as Record<string, unknown> | null;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: w.presence },
    {
      kind: 'table',
      name: 'Presence',
      columns: ['', ''],
      rows: [
        { cells: [w.presenceRows[0] as string, p.presence === 'resident' ? w.resident : w.nonResident] },
        { cells: [w.presenceRows[1] as string, `${text(p.coveringOfficeName)} (${text(p.coveringOfficeCode)})`] },
        { cells: [w.presenceRows[2] as string, text(p.rcOffice)] },
        { cells: [w.presenceRows[3] as string, p.deliveringAsOne ? w.yes : w.no] },
      ],
      widths: [35, 65],
    },
    { kind: 'heading', level: 2, text: w.constituents },
    page.constituents.length
      ? { kind: 'bullets', items: page.constituents.map((c) => `${w.constituentKinds[String(c.kind)] ?? c.kind}: ${c.name}${c.acronym ? ` (${c.acronym})` : ''}`) }
      : { kind: 'paragraph', text: w.noConstituents },
    { kind: 'heading', level: 2, text: w.programmes },
    {
      kind: 'table',
      name: 'Programmes',
      columns: w.programmeColumns,
      rows: [
        ...(cycle ? [{ cells: [text(cycle.title), `${text(cycle.periodStart)} to ${text(cycle.periodEnd)}`, text(cycle.stage)] }] : []),
        ...(dwcp ? [{ cells: [text(dwcp.title), `${text(dwcp.periodStart)} to ${text(dwcp.periodEnd)}`, text(dwcp.status)] }] : []),
      ],
    },
  ];
  const cpos = (page.dwcp?.priorities ?? []).flatMap((pr) => pr.cpos.map((c) => `${c.code}: ${c.text}`));
  if (cpos.length) blocks.push({ kind: 'paragraph', text: w.cpos }, { kind: 'bullets', items: cpos });
  const coming = page.milestones.filter((m) => m.dueDate >= asOf).slice(0, 8);
  blocks.push(
    { kind: 'heading', level: 2, text: w.coming },
    coming.length ? { kind: 'bullets', items: coming.map((m) => `${date(m.dueDate)}: ${m.title}`) } : { kind: 'paragraph', text: w.noComing },
    { kind: 'heading', level: 2, text: w.projectsIn(year) },
  );
  if (!delivery) {
    const projects = await scopedProjects(db, scopeFor(actor, 'projects.read'))
      .select(['projects.code', 'projects.title', 'projects.funding_source'])
      .where('projects.country_code', '=', code)
      .where('projects.status', 'in', ['approved', 'active'])
      .where('projects.planned_start', '<=', `${year}-12-31`)
      .where('projects.planned_end', '>=', `${year}-01-01`)
      .orderBy('projects.code')
      .limit(200)
      .execute();
    blocks.push(
      projects.length
        ? {
            kind: 'table',
            name: 'Projects',
            columns: w.projectColumns.slice(0, 2),
            rows: projects.map((r) => ({ cells: [`${r.code} ${r.title}`, r.funding_source] })),
            widths: [75, 25],
          }
        : { kind: 'paragraph', text: w.noProjects(year) },
    );
  } else
    blocks.push(
      delivery.rows.length
        ? {
            kind: 'table',
            name: 'Projects',
            caption: w.inCurrency(delivery.currency, year, date(asOf)),
            columns: w.projectColumns,
            rows: [
              ...delivery.rows.map((r) => ({
                cells: [
                  `${r.code} ${r.title}`,
                  r.fundingSource,
                  r.allocation ? moneyText(r.allocation, delivery.currency) : w.notConverted,
                  r.expenditure ? moneyText(r.expenditure, delivery.currency) : '–',
                  percentText(r.deliveryRate),
                ],
              })),
              {
                cells: [
                  w.total,
                  '',
                  moneyText(delivery.total.allocation, delivery.currency),
                  moneyText(delivery.total.expenditure, delivery.currency),
                  percentText(delivery.total.deliveryRate),
                ],
              },
            ],
            widths: [40, 15, 17, 17, 11],
          }
        : { kind: 'paragraph', text: w.noProjects(year) },
    );
  return {
    fileName: `${code}-country-brief-${asOf}`,
    title: w.countryBrief(name),
    titleBlock: { body: w.briefBody, symbol: code, date: w.date(date(asOf)) },
    asAt: w.situationAsAt(date(asOf)),
    blocks,
    language: lang,
  };
}
