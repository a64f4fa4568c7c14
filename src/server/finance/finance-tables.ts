import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import type { Column } from '../spreadsheets/export-table.ts';
import { type DeliveryGroup, deliveryCurve, deliveryTrend, groupedDelivery, projectDelivery } from './delivery.service.ts';
import { findWarnings } from './early-warning.service.ts';
import { type AlignmentGroup, alignedShare } from './funding-alignment.service.ts';
import type { PortfolioFilter } from './portfolio-facts.query.ts';
import { portfolioSummary } from './portfolio-summary.service.ts';
import { resourceGaps } from './resource-gaps.service.ts';

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

const GROUP_LABELS: Record<string, string> = {
  office: 'Office',
  region: 'Region',
  country: 'Country',
  funding_source: 'Funding source',
  partner: 'Funding partner',
  outcome: 'Outcome',
  earmarking: 'Earmarking',
  total: 'Total',
};
const EARMARKING: Record<string, string> = {
  unearmarked: 'Un-earmarked (core)',
  softly_earmarked: 'Softly earmarked',
  tightly_earmarked: 'Tightly earmarked',
  none: 'No agreement',
};
const STATUS: Record<string, string> = { pipeline: 'Pipeline', appraisal: 'Appraisal', approved: 'Approved', active: 'Active', closed: 'Closed' };
const money = (key: string, label: string, currency: string): Column => ({ key, label: `${label} (${currency})`, numeric: true });

/**
 * Every table a dashboard shows, as a download: one entry per table, built from the same service as the
 * view, with readable column names and labels instead of codes (export-table.ts neutralises formulas).
 */
export const FINANCE_TABLES: Record<string, (db: Kysely<DB>, p: TableParams, actor: Actor) => Promise<Table>> = {
  'delivery-projects': async (db, p, actor) => {
    const d = await projectDelivery(db, { year: p.year, through: p.through, filter: p.filter }, actor);
    return {
      title: `Delivery ${p.year}`,
      columns: [
        { key: 'code', label: 'Project code' },
        { key: 'title', label: 'Project' },
        { key: 'office', label: 'Office' },
        { key: 'region', label: 'Region' },
        { key: 'country', label: 'Country' },
        { key: 'fundingSource', label: 'Funding source' },
        money('allocation', `Allocation ${p.year}`, d.currency),
        money('expenditure', `Expenditure ${p.year}`, d.currency),
        money('commitment', `Commitments ${p.year}`, d.currency),
        { key: 'deliveryRate', label: 'Delivery rate', numeric: true },
        money('forecast', 'Forecast to year end', d.currency),
        { key: 'basis', label: 'Exchange rates used' },
        { key: 'problems', label: 'Problems' },
      ],
      rows: d.rows.map((r) => ({ ...r, basis: r.basis.join('; '), problems: r.problems.join('; ') })),
    };
  },
  'delivery-groups': async (db, p, actor) => {
    const by = (p.by ?? 'office') as DeliveryGroup;
    const g = await groupedDelivery(db, { year: p.year, through: p.through, filter: p.filter }, by, actor);
    return {
      title: `Delivery ${p.year} by ${GROUP_LABELS[by]?.toLowerCase()}`,
      columns: [
        { key: 'label', label: GROUP_LABELS[by] ?? by },
        { key: 'projects', label: 'Projects', numeric: true },
        money('allocation', `Allocation ${p.year}`, g.currency),
        money('expenditure', `Expenditure ${p.year}`, g.currency),
        money('commitment', `Commitments ${p.year}`, g.currency),
        { key: 'deliveryRate', label: 'Delivery rate', numeric: true },
        money('forecast', 'Forecast to year end', g.currency),
      ],
      rows: g.rows.map((r) => ({ ...r, label: by === 'earmarking' ? (EARMARKING[r.label] ?? r.label) : r.label })),
    };
  },
  'delivery-trend': async (db, p, actor) => {
    const t = await deliveryTrend(db, { from: p.from ?? p.year - 4, to: p.to ?? p.year }, p.filter, actor);
    return {
      title: 'Delivery by year',
      columns: [
        { key: 'year', label: 'Year', numeric: true },
        { key: 'projects', label: 'Projects', numeric: true },
        money('allocation', 'Allocation', t.currency),
        money('expenditure', 'Expenditure', t.currency),
        { key: 'deliveryRate', label: 'Delivery rate', numeric: true },
      ],
      rows: t.rows as unknown as Record<string, unknown>[],
    };
  },
  'delivery-curve': async (db, p, actor) => {
    const c = await deliveryCurve(db, { year: p.year, filter: p.filter }, actor);
    return {
      title: `Expenditure by month ${p.year}`,
      columns: [{ key: 'month', label: 'Month', numeric: true }, money('spent', 'Expenditure', c.currency), money('cumulative', 'Cumulative expenditure', c.currency)],
      rows: c.points,
    };
  },
  'watch-list': async (db, p, actor) => {
    const w = await findWarnings(db, p.asOf ?? `${p.year}-12-31`, actor, p.filter, Number.MAX_SAFE_INTEGER);
    return {
      title: `Watch list ${w.asOf}`,
      columns: [
        { key: 'code', label: 'Project code' },
        { key: 'title', label: 'Project' },
        { key: 'office', label: 'Office' },
        { key: 'ruleName', label: 'Rule' },
        { key: 'reason', label: 'Why' },
        { key: 'actionStatus', label: 'Action' },
        { key: 'actionComment', label: 'Comment' },
      ],
      rows: w.warnings.map((x) => ({ ...x, actionStatus: x.action?.status.replace('_', ' ') ?? '', actionComment: x.action?.comment ?? '' })),
    };
  },
  'aligned-share': async (db, p, actor) => {
    const by = (p.by ?? 'total') as AlignmentGroup;
    const a = await alignedShare(db, p.year, by, p.filter, actor);
    return {
      title: `Aligned voluntary funding ${p.year}`,
      columns: [
        { key: 'label', label: GROUP_LABELS[by] ?? by },
        { key: 'projects', label: 'Projects', numeric: true },
        money('voluntary', 'Voluntary funding', a.currency),
        money('aligned', 'Contributing to country programme outcomes', a.currency),
        { key: 'alignedShare', label: 'Aligned share', numeric: true },
      ],
      rows: a.rows.map((r) => ({ ...r, label: by === 'earmarking' ? (EARMARKING[r.label] ?? r.label) : r.label })),
    };
  },
  'resource-gaps': async (db, p, actor) => {
    const g = await resourceGaps(db, actor, { country: p.filter.country, year: p.year });
    return {
      title: 'Resource gaps by outcome',
      columns: [
        { key: 'country', label: 'Country' },
        { key: 'outcome', label: 'Country programme outcome' },
        { key: 'period', label: 'Period' },
        money('needed', 'Needed', g.currency),
        money('regularBudget', 'Regular budget', g.currency),
        money('rbsa', 'RBSA', g.currency),
        money('extraBudgetary', 'Extra-budgetary', g.currency),
        money('available', 'Available', g.currency),
        money('pipeline', 'Pipeline (weighted)', g.currency),
        money('gap', 'Gap', g.currency),
        money('identifiedGap', 'Gap when identified', g.currency),
        money('filled', 'Filled since', g.currency),
      ],
      rows: g.rows as unknown as Record<string, unknown>[],
    };
  },
  'portfolio-status': async (db, p, actor) => {
    const s = await portfolioSummary(db, p.year, p.filter, actor);
    return {
      title: `Portfolio ${p.year} by status`,
      columns: [{ key: 'label', label: 'Status' }, { key: 'projects', label: 'Projects', numeric: true }, money('allocation', `Allocation ${p.year}`, s.currency)],
      rows: s.byStatus.map((r) => ({ ...r, label: STATUS[r.status] ?? r.status })),
    };
  },
  'portfolio-sources': async (db, p, actor) => {
    const s = await portfolioSummary(db, p.year, p.filter, actor);
    return {
      title: `Portfolio ${p.year} by funding source`,
      columns: [{ key: 'name', label: 'Funding source' }, { key: 'projects', label: 'Projects', numeric: true }, money('allocation', `Allocation ${p.year}`, s.currency)],
      rows: s.bySource,
    };
  },
  'portfolio-countries': async (db, p, actor) => {
    const s = await portfolioSummary(db, p.year, p.filter, actor);
    return {
      title: `Portfolio ${p.year} by country`,
      columns: [
        { key: 'name', label: 'Country' },
        { key: 'projects', label: 'Projects', numeric: true },
        money('allocation', `Allocation ${p.year}`, s.currency),
        money('expenditure', `Expenditure ${p.year}`, s.currency),
        { key: 'deliveryRate', label: 'Delivery rate', numeric: true },
      ],
      rows: s.byCountry as unknown as Record<string, unknown>[],
    };
  },
};
