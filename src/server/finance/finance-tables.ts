import type { Kysely } from 'kysely';
import type { AlignmentGroup, DeliveryGroup } from '../../shared/finance-labels.ts';
import type { Locale } from '../../shared/locales.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type Column, type DownloadFile, tableFile } from '../spreadsheets/export-table.ts';
import { deliveryCurve, deliveryTrend, groupedDelivery, projectDelivery } from './delivery.queries.ts';
import { findWarnings } from './early-warning.queries.ts';
import { TABLE_WORDS, type TableWords } from './finance-table-words.ts';
import { alignedShare } from './funding-alignment.queries.ts';
import type { PortfolioFilter } from './portfolio-facts.queries.ts';
import { portfolioSummary } from './portfolio-summary.queries.ts';
import { resourceGaps } from './resource-gaps.queries.ts';

/** What a table download is asked for: the same parameters as the view it comes from. */
export interface TableParams {
  year: number;
  through?: number;
  by?: string;
  asOf?: string;
  from?: number;
  to?: number;
  filter: PortfolioFilter;
}

export interface Table {
  title: string;
  columns: Column[];
  rows: Record<string, unknown>[];
}

const money = (key: string, label: string, currency: string): Column => ({ key, label: `${label} (${currency})`, numeric: true });

/**
 * Every table a dashboard shows, as a download: one entry per table, built from the same service as the
 * view, with readable column names and labels instead of codes, in the reader's language (`w`;
 * export-table.ts neutralises formulas).
 */
export const FINANCE_TABLES: Record<string, (db: Kysely<DB>, p: TableParams, actor: Actor, w: TableWords) => Promise<Table>> = {
  'delivery-projects': async (db, p, actor, w) => {
    const d = await projectDelivery(db, { year: p.year, through: p.through, filter: p.filter }, actor);
    return {
      title: w.delivery(p.year),
      columns: [
        { key: 'code', label: w.projectCode },
        { key: 'title', label: w.project },
        { key: 'office', label: w.group.office },
        { key: 'region', label: w.group.region },
        { key: 'country', label: w.group.country },
        { key: 'fundingSource', label: w.group.funding_source },
        money('allocation', `${w.allocation} ${p.year}`, d.currency),
        money('expenditure', `${w.expenditure} ${p.year}`, d.currency),
        money('commitment', `${w.commitments} ${p.year}`, d.currency),
        { key: 'deliveryRate', label: w.deliveryRate, numeric: true },
        money('forecast', w.forecast, d.currency),
        { key: 'basis', label: w.basis },
        { key: 'problems', label: w.problems },
      ],
      rows: d.rows.map((r) => ({ ...r, basis: r.basis.join('; '), problems: r.problems.join('; ') })),
    };
  },
  'delivery-groups': async (db, p, actor, w) => {
    const by = (p.by ?? 'office') as DeliveryGroup;
    const g = await groupedDelivery(db, { year: p.year, through: p.through, filter: p.filter }, by, actor);
    return {
      title: w.deliveryBy(p.year, w.group[by] ?? by),
      columns: [
        { key: 'label', label: w.group[by] ?? by },
        { key: 'projects', label: w.projects, numeric: true },
        money('allocation', `${w.allocation} ${p.year}`, g.currency),
        money('expenditure', `${w.expenditure} ${p.year}`, g.currency),
        money('commitment', `${w.commitments} ${p.year}`, g.currency),
        { key: 'deliveryRate', label: w.deliveryRate, numeric: true },
        money('forecast', w.forecast, g.currency),
      ],
      rows: g.rows.map((r) => ({ ...r, label: by === 'earmarking' ? (w.earmarking[r.label] ?? r.label) : r.label })),
    };
  },
  'delivery-trend': async (db, p, actor, w) => {
    const t = await deliveryTrend(db, { from: p.from ?? p.year - 4, to: p.to ?? p.year }, p.filter, actor);
    return {
      title: w.deliveryByYear,
      columns: [
        { key: 'year', label: w.year, numeric: true },
        { key: 'projects', label: w.projects, numeric: true },
        money('allocation', w.allocation, t.currency),
        money('expenditure', w.expenditure, t.currency),
        { key: 'deliveryRate', label: w.deliveryRate, numeric: true },
      ],
      rows: t.rows as unknown as Record<string, unknown>[],
    };
  },
  'delivery-curve': async (db, p, actor, w) => {
    const c = await deliveryCurve(db, { year: p.year, filter: p.filter }, actor);
    return {
      title: w.expenditureByMonth(p.year),
      columns: [{ key: 'month', label: w.month, numeric: true }, money('spent', w.expenditure, c.currency), money('cumulative', w.cumulativeExpenditure, c.currency)],
      rows: c.points,
    };
  },
  'watch-list': async (db, p, actor, w) => {
    const list = await findWarnings(db, p.asOf ?? `${p.year}-12-31`, actor, p.filter, Number.MAX_SAFE_INTEGER);
    return {
      title: w.watchList(list.asOf),
      columns: [
        { key: 'code', label: w.projectCode },
        { key: 'title', label: w.project },
        { key: 'office', label: w.group.office },
        { key: 'ruleName', label: w.rule },
        { key: 'reason', label: w.why },
        { key: 'actionStatus', label: w.actionTaken },
        { key: 'actionComment', label: w.comment },
      ],
      rows: list.warnings.map((x) => ({
        ...x,
        reason: w.reason(x.why),
        actionStatus: x.action ? (w.action[x.action.status] ?? x.action.status) : '',
        actionComment: x.action?.comment ?? '',
      })),
    };
  },
  'aligned-share': async (db, p, actor, w) => {
    const by = (p.by ?? 'total') as AlignmentGroup;
    const a = await alignedShare(db, p.year, by, p.filter, actor);
    return {
      title: w.alignedFunding(p.year),
      columns: [
        { key: 'label', label: w.group[by] ?? by },
        { key: 'projects', label: w.projects, numeric: true },
        money('voluntary', w.voluntary, a.currency),
        money('aligned', w.aligned, a.currency),
        { key: 'alignedShare', label: w.alignedShare, numeric: true },
      ],
      rows: a.rows.map((r) => ({ ...r, label: by === 'earmarking' ? (w.earmarking[r.label] ?? r.label) : r.label })),
    };
  },
  'resource-gaps': async (db, p, actor, w) => {
    const g = await resourceGaps(db, actor, { country: p.filter.country, year: p.year });
    return {
      title: w.resourceGaps,
      columns: [
        { key: 'country', label: w.group.country },
        { key: 'outcome', label: w.cpo },
        { key: 'period', label: w.period },
        money('needed', w.needed, g.currency),
        money('regularBudget', w.regularBudget, g.currency),
        money('rbsa', w.rbsa, g.currency),
        money('extraBudgetary', w.extraBudgetary, g.currency),
        money('available', w.available, g.currency),
        money('pipeline', w.pipelineWeighted, g.currency),
        money('gap', w.gap, g.currency),
        money('identifiedGap', w.identifiedGap, g.currency),
        money('filled', w.filled, g.currency),
      ],
      rows: g.rows as unknown as Record<string, unknown>[],
    };
  },
  'portfolio-status': async (db, p, actor, w) => {
    const s = await portfolioSummary(db, p.year, p.filter, actor);
    return {
      title: w.portfolioByStatus(p.year),
      columns: [{ key: 'label', label: w.statusLabel }, { key: 'projects', label: w.projects, numeric: true }, money('allocation', `${w.allocation} ${p.year}`, s.currency)],
      rows: s.byStatus.map((r) => ({ ...r, label: w.status[r.status] ?? r.status })),
    };
  },
  'portfolio-sources': async (db, p, actor, w) => {
    const s = await portfolioSummary(db, p.year, p.filter, actor);
    return {
      title: w.portfolioBySource(p.year),
      columns: [
        { key: 'name', label: w.group.funding_source },
        { key: 'projects', label: w.projects, numeric: true },
        money('allocation', `${w.allocation} ${p.year}`, s.currency),
      ],
      rows: s.bySource,
    };
  },
  'portfolio-countries': async (db, p, actor, w) => {
    const s = await portfolioSummary(db, p.year, p.filter, actor);
    return {
      title: w.portfolioByCountry(p.year),
      columns: [
        { key: 'name', label: w.group.country },
        { key: 'projects', label: w.projects, numeric: true },
        money('allocation', `${w.allocation} ${p.year}`, s.currency),
        money('expenditure', `${w.expenditure} ${p.year}`, s.currency),
        { key: 'deliveryRate', label: w.deliveryRate, numeric: true },
      ],
      rows: s.byCountry as unknown as Record<string, unknown>[],
    };
  },
};

/**
 * A dashboard table as a file (CSV or XLSX) in the language asked for, with the same parameters as its view; the
 * year is the as-at date's when none is given. The table's own query checks the reader's right and scope.
 */
export async function financeTableFile(
  db: Kysely<DB>,
  name: string,
  ask: Omit<TableParams, 'year'> & { year?: number; format: 'csv' | 'xlsx'; lang: Locale },
  actor: Actor,
): Promise<DownloadFile> {
  const build = FINANCE_TABLES[name];
  if (!build) throw new AppError('NOT_FOUND', `There is no table ${name}`);
  const year = ask.year ?? Number((ask.asOf ?? new Date().toISOString()).slice(0, 4));
  const table = await build(db, { ...ask, year }, actor, TABLE_WORDS[ask.lang]);
  return tableFile(table, ask.format, `${name}-${ask.asOf ?? year}${ask.by ? `-by-${ask.by}` : ''}`);
}
