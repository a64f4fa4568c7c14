import type { ActionPlanAsAt } from '../../shared/contracts/strategies-answers.ts';
import type { Locale } from '../../shared/locales.ts';
import type { Block, ReportDoc, Row } from './report-model.ts';
import { longDate, REPORT_WORDS } from './report-words.ts';

export interface GoverningBodyMeta {
  symbol?: string;
  session?: string;
  date?: string;
  section?: string;
}

/** "Component 1: …" as in 000; "Part I – …" as in 004. */
const divisionHeading = (label: string, number: string, title: string) => `${label} ${number}${label === 'Part' ? ' –' : ':'} ${title}`;

/**
 * The Governing Body progress report on an action plan as at a date: the title block, the introduction,
 * and the appendix table in the papers' layout — "Action item | Due by | Status" (000), or with the
 * context column and "Status as at <date>" when the plan's items carry context (004).
 */
export function planProgressReport(p: ActionPlanAsAt, meta: GoverningBodyMeta, lang: Locale = 'en'): ReportDoc {
  const w = REPORT_WORDS[lang];
  const items = p.components.flatMap((c) => c.items);
  const withContext = items.some((i) => i.context);
  const asAt = longDate(p.asOf, lang);
  const columns = withContext ? [w.issues, w.context, w.timeFrame, w.statusAsAt(asAt)] : [w.actionItem, w.dueBy, w.status];
  const rows: Row[] = [];
  for (const c of p.components) {
    rows.push({ group: divisionHeading(p.plan.divisionLabel, c.number, c.title) });
    for (const i of c.items) {
      const status = i.status ? i.status.status : w.noStatus;
      rows.push({ cells: withContext ? [`${i.number} ${i.title}`, i.context ?? '', i.dueText, status] : [`${i.number}. ${i.title}`, i.dueText, status] });
    }
  }
  const overdue = items.filter((i) => i.overdue);
  const blocks: Block[] = [
    ...(p.plan.introduction ?? '')
      .split(/\n\s*\n/)
      .filter((t) => t.trim())
      .map((text): Block => ({ kind: 'paragraph', text: text.trim() })),
    { kind: 'heading', level: 2, text: w.appendix },
    { kind: 'table', name: 'Appendix', caption: w.statusOf(p.plan.title), columns, rows, widths: withContext ? [20, 40, 15, 25] : [60, 15, 25] },
    {
      kind: 'paragraph',
      note: true,
      text: overdue.length
        ? w.overdue(asAt, overdue.map((i) => `${i.number} (${i.dueText.replace(/^By /, 'by ')}: ${i.status?.status ?? w.noStatusShort})`).join('; '))
        : w.noneOverdue(asAt),
    },
  ];
  return {
    fileName: `${p.plan.code}-status-${p.asOf}`,
    title: w.statusOf(p.plan.title),
    titleBlock: { body: w.governingBody, session: meta.session, symbol: meta.symbol, section: meta.section, date: w.date(meta.date ? longDate(meta.date, lang) : asAt) },
    asAt: w.statusAsAt(asAt),
    blocks,
    language: lang,
  };
}
