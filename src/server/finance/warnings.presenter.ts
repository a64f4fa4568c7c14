import type { Selectable } from 'kysely';
import type { Flag, WarningAction, WarningRule, WatchList } from '../../shared/contracts/finance.ts';
import type { WarningActionsTable } from '../db/tables/finance.ts';
import type { WarningRulesTable } from '../db/tables/portfolio.ts';
import type { findWarnings } from './early-warning.queries.ts';

type Found = Awaited<ReturnType<typeof findWarnings>>;

export const presentFlag = (w: Found['warnings'][number]): Flag => ({
  projectId: w.projectId,
  code: w.code,
  title: w.title,
  office: w.office,
  rule: w.rule,
  ruleName: w.ruleName,
  reason: w.reason,
  why: w.why,
  action: w.action ? { status: w.action.status as WarningAction['status'], comment: w.action.comment, at: w.action.at, by: w.action.by } : null,
});

/** The watch list: its first flags as `items`, `total` and `byRule` counting them all. */
export const presentWatchList = (l: Found): WatchList => ({
  items: l.warnings.map(presentFlag),
  total: l.total,
  asOf: l.asOf,
  currency: l.currency,
  byRule: l.byRule,
  unconverted: l.unconverted.map((u) => ({ code: u.code, problems: u.problems })),
});

export const presentWarningAction = (a: Selectable<WarningActionsTable>): WarningAction => ({
  id: a.id,
  projectId: a.project_id,
  ruleCode: a.rule_code,
  status: a.status as WarningAction['status'],
  comment: a.comment,
  at: a.at,
  actorLabel: a.actor_label,
});

export const presentWarningRule = (r: Selectable<WarningRulesTable>): WarningRule => ({
  code: r.code,
  name: r.name,
  kind: r.kind as WarningRule['kind'],
  params: r.params,
  active: r.active,
  version: r.version,
  updatedAt: r.updated_at,
});
