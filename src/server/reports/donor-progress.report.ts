import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { holds } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { findWarnings } from '../finance/early-warning.service.ts';
import { reportingCurrency } from '../finance/rates.service.ts';
import { findCalendar } from '../modules/calendar/calendar.service.ts';
import { findIndicators } from '../modules/indicators/indicators.service.ts';
import { getProject } from '../modules/projects/projects.service.ts';
import { type Block, longDate, moneyText, percentText, type ReportDoc } from './report-model.ts';

const STATUS_WORDS: Record<string, string> = { pipeline: 'Pipeline', appraisal: 'In appraisal', approved: 'Approved', active: 'Active', closed: 'Closed' };
const ROLE_WORDS: Record<string, string> = { funding: 'Funding', implementing: 'Implementing', accountable: 'Accountable' };

/**
 * The donor progress report in one standard format (004 Part II.3, "a standard format for progress
 * reports for multi-bilateral donors"): project summary, results against targets, financial statement
 * with delivery by year, risks (the early-warning flags as at the date), next steps. Access follows the
 * project: a donor viewer gets the reports of the projects its partner funds.
 */
export async function donorProgressReport(db: Kysely<DB>, projectId: string, asOf: string, actor: Actor): Promise<ReportDoc> {
  const p = await getProject(db, projectId, actor);
  const year = Number(asOf.slice(0, 4));
  const [indicators, finance, currency, warnings, calendar] = await Promise.all([
    findIndicators(db, 'project', projectId, actor),
    db
      .selectFrom('project_finance')
      // numeric[] as text[]: the pg driver would read the cumulative amounts as floats
      .select([
        'year',
        'allocation',
        'expenditure',
        'commitment',
        sql<string[] | null>`expenditure_to_month::text[]`.as('expenditure_to_month'),
        sql<string[] | null>`commitment_to_month::text[]`.as('commitment_to_month'),
      ])
      .where('project_id', '=', projectId)
      .where('year', '<=', year)
      .orderBy('year')
      .execute(),
    reportingCurrency(db),
    findWarnings(db, asOf, actor, { office: p.officeId }),
    p.countryCode && holds(actor, 'programming.read') ? findCalendar(db, { country: p.countryCode, asOf, months: 12 }, actor) : Promise.resolve({ items: [] }),
  ]);
  const month = Number(asOf.slice(5, 7));
  const place = p.countryCode
    ? ((await db.selectFrom('countries').select('name_en').where('code', '=', p.countryCode).executeTakeFirst())?.name_en ?? p.countryCode)
    : (p.regionCode ?? 'Global');
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: '1. Project summary' },
    {
      kind: 'table',
      name: 'Summary',
      columns: ['', ''],
      rows: [
        { cells: ['Project', `${p.code} – ${p.title}`] },
        { cells: ['Responsible office', p.officeName] },
        { cells: ['Place', place] },
        { cells: ['Status', STATUS_WORDS[p.status] ?? p.status] },
        { cells: ['Planned period', `${longDate(p.plannedStart)} to ${longDate(p.plannedEnd)}`] },
        { cells: ['Partners', p.partners.map((x) => `${x.name} (${ROLE_WORDS[x.role] ?? x.role})`).join('; ') || '–'] },
        { cells: ['Agreements', p.agreements.map((a) => `${a.code} ${a.title}`).join('; ') || '–'] },
        { cells: ['Country programme outcomes', p.cpoLinks.map((c) => `${c.code} (${Number(c.share)}%)`).join('; ') || '–'] },
        { cells: ['SDG targets', p.sdgTargets.join(', ') || '–'] },
      ],
      widths: [30, 70],
    },
    ...(p.description ? [{ kind: 'paragraph', text: p.description } as Block] : []),
    { kind: 'heading', level: 2, text: '2. Results against targets' },
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
  if (!indicators.length) blocks.push({ kind: 'paragraph', text: 'This project has no indicators of its own yet.' });
  else
    blocks.push({
      kind: 'table',
      name: 'Results',
      columns: ['Indicator', 'Baseline', 'Target', `Latest actual (as at ${longDate(asOf)})`, 'Source'],
      rows: indicators.map((i) => {
        const target = targets.filter((t) => t.indicator_id === i.id).at(-1);
        const actual = actuals.filter((a) => a.indicator_id === i.id).at(-1);
        const unit = i.unit === '%' || i.unit === 'percent' ? '%' : ` ${i.unit}`;
        return {
          cells: [
            `${i.code ? `${i.code} ` : ''}${i.title}`,
            i.baselineValue === null ? '–' : `${Number(i.baselineValue)}${unit}`,
            target ? `${Number(target.value)}${unit} by ${longDate(target.period_end)}` : '–',
            actual ? `${Number(actual.value)}${unit} (${longDate(actual.period_end)})` : '–',
            actual?.source ?? '–',
          ],
        };
      }),
    });
  blocks.push(
    { kind: 'heading', level: 2, text: '3. Financial statement' },
    {
      kind: 'table',
      name: 'Financial statement',
      caption: `In ${currency}; ${year} through ${longDate(asOf)}`,
      columns: ['Year', 'Allocation', 'Expenditure', 'Commitments', 'Delivery rate'],
      rows: finance.map((f) => {
        const spent = f.year === year ? (f.expenditure_to_month?.[month - 1] ?? f.expenditure) : f.expenditure;
        const committed = f.year === year ? (f.commitment_to_month?.[month - 1] ?? f.commitment) : f.commitment;
        const rate = f.allocation && spent && Number(f.allocation) > 0 ? (Number(spent) / Number(f.allocation)).toFixed(4) : null;
        return {
          cells: [
            String(f.year),
            f.allocation ? moneyText(f.allocation, currency) : 'not converted',
            spent ? moneyText(spent, currency) : '–',
            committed ? moneyText(committed, currency) : '–',
            percentText(rate),
          ],
        };
      }),
    },
    { kind: 'paragraph', note: true, text: 'Delivery rate = expenditure ÷ allocation. Amounts converted at the rates named in devcoop for each month.' },
    { kind: 'heading', level: 2, text: '4. Risks' },
  );
  const flags = warnings.warnings.filter((w) => w.projectId === projectId);
  blocks.push(
    flags.length
      ? { kind: 'bullets', items: flags.map((w) => `${w.ruleName}: ${w.reason}${w.action ? ` — ${w.action.status}: ${w.action.comment}` : ''}`) }
      : { kind: 'paragraph', text: `No early-warning rule flags this project as at ${longDate(asOf)}.` },
  );
  const next = calendar.items.slice(0, 5);
  blocks.push(
    { kind: 'heading', level: 2, text: '5. Next steps' },
    {
      kind: 'bullets',
      items: [
        ...(p.plannedEnd >= asOf ? [`Planned end of the project: ${longDate(p.plannedEnd)}.`] : [`The project's planned end (${longDate(p.plannedEnd)}) has passed.`]),
        ...next.map((m) => `${longDate(m.dueDate)}: ${m.title}`),
      ],
    },
  );
  return {
    fileName: `${p.code}-progress-${asOf}`,
    title: `Progress report: ${p.title}`,
    titleBlock: { body: 'Donor progress report', symbol: p.code, date: `Date: ${longDate(asOf)}` },
    asAt: `Situation as at ${longDate(asOf)}`,
    blocks,
    language: 'en',
  };
}
