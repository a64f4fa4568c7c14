import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { projectDelivery } from '../finance/delivery.service.ts';
import { getCountryPage } from '../modules/country-page/country-page.service.ts';
import { type Block, longDate, moneyText, percentText, type ReportDoc } from './report-model.ts';

const CONSTITUENT_WORDS: Record<string, string> = {
  ministry_of_labour: 'Ministry of labour',
  other_ministry: 'Other ministry',
  employers: "Employers' organization",
  workers: "Workers' organization",
};
const text = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : String(v));

/**
 * The country brief for the Resident Coordinator (000 §30: briefing RCs on the ILO's work in a country):
 * presence and covering office, constituents, DWCP and Cooperation Framework status, coming milestones,
 * and the active projects with their delivery this year as at the date.
 */
export async function countryBriefReport(db: Kysely<DB>, code: string, asOf: string, actor: Actor): Promise<ReportDoc> {
  const page = await getCountryPage(db, code, actor);
  const year = Number(asOf.slice(0, 4));
  const delivery = await projectDelivery(db, { year, through: Number(asOf.slice(5, 7)), filter: { country: code } }, actor, { limit: 200 });
  const p = page.profile as Record<string, unknown>;
  const name = text(p.nameEn);
  const dwcp = page.dwcp as Record<string, unknown> | null;
  const cycle = page.cycle as Record<string, unknown> | null;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Presence' },
    {
      kind: 'table',
      name: 'Presence',
      columns: ['', ''],
      rows: [
        { cells: ['Presence', p.presence === 'resident' ? 'Resident (an office in the country)' : 'Non-resident (covered from another country)'] },
        { cells: ['Covering office', `${text(p.coveringOfficeName)} (${text(p.coveringOfficeCode)})`] },
        { cells: ['Resident Coordinator office', text(p.rcOffice)] },
        { cells: ['Delivering as One', p.deliveringAsOne ? 'Yes' : 'No'] },
      ],
      widths: [35, 65],
    },
    { kind: 'heading', level: 2, text: 'Constituents' },
    page.constituents.length
      ? { kind: 'bullets', items: page.constituents.map((c) => `${CONSTITUENT_WORDS[String(c.kind)] ?? c.kind}: ${c.name}${c.acronym ? ` (${c.acronym})` : ''}`) }
      : { kind: 'paragraph', text: 'No constituents recorded.' },
    { kind: 'heading', level: 2, text: 'Decent Work Country Programme and Cooperation Framework' },
    {
      kind: 'table',
      name: 'Programmes',
      columns: ['Programme', 'Period', 'Status'],
      rows: [
        ...(cycle ? [{ cells: [text(cycle.title), `${text(cycle.periodStart)} to ${text(cycle.periodEnd)}`, text(cycle.stage)] }] : []),
        ...(dwcp ? [{ cells: [text(dwcp.title), `${text(dwcp.periodStart)} to ${text(dwcp.periodEnd)}`, text(dwcp.status)] }] : []),
      ],
    },
  ];
  const cpos = (page.dwcp?.priorities ?? []).flatMap((pr) => pr.cpos.map((c) => `${c.code}: ${c.text}`));
  if (cpos.length) blocks.push({ kind: 'paragraph', text: 'Country programme outcomes:' }, { kind: 'bullets', items: cpos });
  const coming = page.milestones.filter((m) => m.dueDate >= asOf).slice(0, 8);
  blocks.push(
    { kind: 'heading', level: 2, text: 'Coming milestones' },
    coming.length ? { kind: 'bullets', items: coming.map((m) => `${longDate(m.dueDate)}: ${m.title}`) } : { kind: 'paragraph', text: 'No milestone in the coming months.' },
    { kind: 'heading', level: 2, text: `Projects and delivery in ${year}` },
  );
  blocks.push(
    delivery.rows.length
      ? {
          kind: 'table',
          name: 'Projects',
          caption: `In ${delivery.currency}, ${year} through ${longDate(asOf)}`,
          columns: ['Project', 'Funding source', 'Allocation', 'Expenditure', 'Delivery rate'],
          rows: [
            ...delivery.rows.map((r) => ({
              cells: [
                `${r.code} ${r.title}`,
                r.fundingSource,
                r.allocation ? moneyText(r.allocation, delivery.currency) : 'not converted',
                r.expenditure ? moneyText(r.expenditure, delivery.currency) : '–',
                percentText(r.deliveryRate),
              ],
            })),
            {
              cells: [
                'Total',
                '',
                moneyText(delivery.total.allocation, delivery.currency),
                moneyText(delivery.total.expenditure, delivery.currency),
                percentText(delivery.total.deliveryRate),
              ],
            },
          ],
          widths: [40, 15, 17, 17, 11],
        }
      : { kind: 'paragraph', text: `No project with money in ${year}.` },
  );
  return {
    fileName: `${code}-country-brief-${asOf}`,
    title: `Country brief: ${name}`,
    titleBlock: { body: 'Brief for the Resident Coordinator', symbol: code, date: `Date: ${longDate(asOf)}` },
    asAt: `Situation as at ${longDate(asOf)}`,
    blocks,
    language: 'en',
  };
}
