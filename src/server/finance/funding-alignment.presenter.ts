import type { AlignmentRow, FundingAlignment } from '../../shared/contracts/finance.ts';
import type { alignedShare } from './funding-alignment.queries.ts';

export const presentAlignmentRow = (r: AlignmentRow): AlignmentRow => ({
  key: r.key,
  label: r.label,
  projects: r.projects,
  voluntary: r.voluntary,
  aligned: r.aligned,
  alignedShare: r.alignedShare,
});

export const presentFundingAlignment = (a: Awaited<ReturnType<typeof alignedShare>>): FundingAlignment => ({
  items: a.rows.map(presentAlignmentRow),
  total: a.rows.length,
  currency: a.currency,
  year: a.year,
  by: a.by,
  basis: a.basis,
});
