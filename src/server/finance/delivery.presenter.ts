import type { DeliveryCurve, DeliveryGroupRow, DeliveryGroups, DeliveryPage, DeliveryRow, DeliveryTotals, DeliveryTrend } from '../../shared/contracts/finance.ts';
import type { DeliveryGroup } from '../../shared/finance-labels.ts';
import type { deliveryCurve, deliveryTrend } from './delivery.queries.ts';

type Totals = DeliveryTotals;

/** The sums of a delivery question, field by field. */
export const presentDeliveryTotals = (t: Totals): DeliveryTotals => ({
  projects: t.projects,
  allocation: t.allocation,
  expenditure: t.expenditure,
  commitment: t.commitment,
  deliveryRate: t.deliveryRate,
  forecast: t.forecast,
  forecastRate: t.forecastRate,
  unconverted: t.unconverted,
});

export const presentDeliveryRow = (r: DeliveryRow): DeliveryRow => ({
  projectId: r.projectId,
  code: r.code,
  title: r.title,
  office: r.office,
  region: r.region,
  country: r.country,
  fundingSource: r.fundingSource,
  allocation: r.allocation,
  expenditure: r.expenditure,
  commitment: r.commitment,
  deliveryRate: r.deliveryRate,
  forecast: r.forecast,
  basis: r.basis,
  problems: r.problems,
});

/** A page of projects' delivery: `total` counts every project of the question, `totals` sums them. */
export const presentDeliveryPage = (d: { currency: string; year: number; through: number; count: number; rows: DeliveryRow[]; total: Totals }): DeliveryPage => ({
  items: d.rows.map(presentDeliveryRow),
  total: d.count,
  currency: d.currency,
  year: d.year,
  through: d.through,
  totals: presentDeliveryTotals(d.total),
});

export const presentDeliveryGroupRow = (r: DeliveryGroupRow): DeliveryGroupRow => ({
  key: r.key,
  label: r.label,
  projects: r.projects,
  allocation: r.allocation,
  expenditure: r.expenditure,
  commitment: r.commitment,
  deliveryRate: r.deliveryRate,
  forecast: r.forecast,
});

export const presentDeliveryGroups = (g: {
  currency: string;
  year: number;
  through: number;
  by: DeliveryGroup;
  rows: DeliveryGroupRow[];
  unconverted: number;
}): DeliveryGroups => ({
  items: g.rows.map(presentDeliveryGroupRow),
  total: g.rows.length,
  currency: g.currency,
  year: g.year,
  through: g.through,
  by: g.by,
  unconverted: g.unconverted,
});

export const presentDeliveryTrend = (t: Awaited<ReturnType<typeof deliveryTrend>>): DeliveryTrend => ({
  items: t.rows.map((r) => ({ year: r.year, ...presentDeliveryTotals(r) })),
  total: t.rows.length,
  currency: t.currency,
});

export const presentDeliveryCurve = (c: Awaited<ReturnType<typeof deliveryCurve>>): DeliveryCurve => ({
  currency: c.currency,
  year: c.year,
  allocation: c.allocation,
  points: c.points.map((p) => ({ month: p.month, spent: p.spent, cumulative: p.cumulative })),
});
