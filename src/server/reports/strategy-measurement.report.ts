import type { Locale } from '../../shared/locales.ts';
import { sameDecimal, toUnits, wholePercent } from '../../shared/money.ts';
import type { StrategyProgress } from '../modules/strategies/strategy-progress.service.ts';
import { type Block, moneyText, type ReportDoc, type Row } from './report-model.ts';
import { longDate, REPORT_WORDS } from './report-words.ts';

/** "2010–15" from the strategy's first and last years. */
export const yearsLabel = (start: string, end: string) => `${start.slice(0, 4)}–${end.slice(2, 4)}`;

const paragraphs = (text: string | null): Block[] =>
  (text ?? '')
    .split(/\n\s*\n/)
    .filter((t) => t.trim())
    .map((t) => ({ kind: 'paragraph', text: t.trim() }));

/**
 * The strategy measurement report (002's layout): for each outcome its strategy text, the measurement
 * table (indicators, baseline, target; biennial milestones), linkages, assumptions and risks; then the
 * progress as at the date (value, source or formula with its data, status and the rule that decided it),
 * and the costing table.
 */
export function strategyMeasurementReport(s: StrategyProgress, lang: Locale = 'en'): ReportDoc {
  const w = REPORT_WORDS[lang];
  const asAt = longDate(s.asOf, lang);
  const { strategy, periods } = s;
  const span = yearsLabel(strategy.period_start, strategy.period_end);
  const width = Math.max(3, periods.length);
  const pad = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
  const blocks: Block[] = [...paragraphs(strategy.introduction)];
  for (const { outcome: o, indicators } of s.outcomes) {
    blocks.push({ kind: 'heading', level: 2, text: `${w.outcome(o.number)}: ${o.title}` });
    if (o.strategy_text) blocks.push({ kind: 'heading', level: 3, text: w.strategy }, ...paragraphs(o.strategy_text));
    blocks.push({ kind: 'heading', level: 3, text: w.measurement });
    const rows: Row[] = [{ cells: pad([w.indicators, w.baseline, w.targetFor(span)]) }];
    for (const { indicator: i } of indicators) rows.push({ cells: pad([`${i.number}. ${i.text}`, i.baseline_text, i.target_text]) });
    rows.push({ group: w.milestones });
    rows.push({ cells: pad(periods.map((p) => p.label)) });
    for (const { indicator: i } of indicators) rows.push({ cells: pad(i.milestones.map((m, k) => (k === 0 ? `${i.number}. ${m?.label ?? '–'}` : (m?.label ?? '–')))) });
    blocks.push({ kind: 'table', name: `Outcome ${o.number}`, columns: pad([w.outcome(o.number)]), rows, widths: width === 3 ? [56, 22, 22] : undefined });
    for (const { indicator: i } of indicators) if (i.baseline_note) blocks.push({ kind: 'paragraph', note: true, text: i.baseline_note });
    blocks.push({
      kind: 'table',
      name: `Outcome ${o.number} progress`,
      caption: w.progressAsAt(asAt, s.period),
      columns: w.progressColumns,
      rows: indicators.map((r) => ({
        cells: [
          r.indicator.number,
          r.milestone?.label ?? '–',
          r.value === null ? '–' : r.indicator.unit === 'percent' ? `${r.value}%` : r.value,
          [
            r.source ?? w.noValue,
            r.computed
              ? `${w.data}: ${Object.entries(r.computed.data)
                  .map(([k, v]) => `${k} ${v ?? '–'}`)
                  .join(', ')}`
              : '',
          ]
            .filter(Boolean)
            .join('\n'),
          w.statuses[r.status],
          r.rule,
        ],
      })),
      widths: [8, 14, 10, 34, 10, 24],
    });
    if (o.linkages || o.assumptions_risks) blocks.push({ kind: 'heading', level: 3, text: w.linkages }, ...paragraphs(o.linkages), ...paragraphs(o.assumptions_risks));
  }
  const total = s.outcomes.reduce((t, { outcome: o }) => t + (o.available_resources ? toUnits(o.available_resources) : 0n), 0n);
  const share = (amount: string) => {
    const percent = wholePercent(toUnits(amount), total);
    return percent === null ? '' : ` (${w.perCent(percent)})`;
  };
  blocks.push({ kind: 'heading', level: 2, text: w.cost });
  blocks.push({
    kind: 'table',
    name: 'Costing',
    caption: `${w.table1} ${strategy.costing_title ?? w.estimatedCost(strategy.title)}`,
    columns: w.costingColumns,
    rows: s.outcomes.map(({ outcome: o }) => ({
      cells: [
        w.outcome(o.number),
        o.available_resources === null ? '–' : `${o.resources_estimated ? `${w.circa} ` : ''}${moneyText(o.available_resources, strategy.currency)}${share(o.available_resources)}`,
        o.key_outputs.join('\n'),
        o.resource_gap === null || sameDecimal(o.resource_gap, '0') ? w.none : moneyText(o.resource_gap, strategy.currency),
      ],
    })),
    widths: [14, 26, 44, 16],
  });
  return {
    fileName: `${strategy.code}-measurement-${s.asOf}`,
    title: strategy.title,
    titleBlock: { body: w.governingBody, symbol: strategy.document_symbol ?? undefined, date: w.date(asAt) },
    asAt: w.measurementAsAt(asAt),
    blocks,
    language: lang,
  };
}
