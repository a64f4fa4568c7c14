import type { Selectable } from 'kysely';
import type { GapRow, GapTotals, ResourceGaps, ResourceNeed } from '../../shared/contracts/finance.ts';
import type { ResourceNeedsTable } from '../db/tables/finance.ts';

/** A resource need as the API shows it: explicit fields, camelCase. */
export const presentResourceNeed = (n: Selectable<ResourceNeedsTable>): ResourceNeed => ({
  id: n.id,
  cpoId: n.cpo_id,
  yearFrom: n.year_from,
  yearTo: n.year_to,
  currency: n.currency,
  needed: n.needed,
  availableAtIdentification: n.available_at_identification,
  identifiedOn: n.identified_on,
  note: n.note,
  isSynthetic: n.is_synthetic,
  version: n.version,
  createdAt: n.created_at,
  updatedAt: n.updated_at,
});

export const presentGapRow = (g: GapRow): GapRow => ({
  needId: g.needId,
  cpoId: g.cpoId,
  outcome: g.outcome,
  country: g.country,
  period: g.period,
  needed: g.needed,
  regularBudget: g.regularBudget,
  rbsa: g.rbsa,
  extraBudgetary: g.extraBudgetary,
  other: g.other,
  available: g.available,
  pipeline: g.pipeline,
  gap: g.gap,
  gapAfterPipeline: g.gapAfterPipeline,
  identifiedGap: g.identifiedGap,
  filled: g.filled,
  problems: g.problems,
});

export const presentGapTotals = (t: GapTotals): GapTotals => ({
  needed: t.needed,
  available: t.available,
  pipeline: t.pipeline,
  gap: t.gap,
  identifiedGap: t.identifiedGap,
  filled: t.filled,
  shareOfGapsFilled: t.shareOfGapsFilled,
  outcomesWithGap: t.outcomesWithGap,
  outcomesFilled: t.outcomesFilled,
});

/** The gaps per outcome need as `items`, with their totals. */
export const presentResourceGaps = (g: { currency: string; rows: GapRow[]; totals: GapTotals }): ResourceGaps => ({
  items: g.rows.map(presentGapRow),
  total: g.rows.length,
  currency: g.currency,
  totals: presentGapTotals(g.totals),
});
