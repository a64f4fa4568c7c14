import { z } from 'zod';
import { listOf } from './list.ts';
import { FORMULAS } from './strategies.ts';

/** What the API answers about strategies (C8) and action plans (C9). Money and measures are decimal strings. */

const id = z.uuid();
const int = z.number().int();
const decimal = z.string();

export const Strategy = z.object({
  id,
  code: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  documentSymbol: z.string().nullable(),
  currency: z.string(),
  /** points (of a percentage) or per cent (of a count) below a milestone within which an indicator is at risk */
  atRiskMargin: decimal,
  introduction: z.string().nullable(),
  costingTitle: z.string().nullable(),
  isSynthetic: z.boolean(),
  version: int,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Strategy = z.infer<typeof Strategy>;

export const StrategyList = listOf(Strategy);
export type StrategyList = z.infer<typeof StrategyList>;

export const StrategyPeriod = z.object({ id, strategyId: id, label: z.string(), startDate: z.string(), endDate: z.string() });
export type StrategyPeriod = z.infer<typeof StrategyPeriod>;

export const StrategyOutcome = z.object({
  id,
  strategyId: id,
  number: int,
  title: z.string(),
  strategyText: z.string().nullable(),
  linkages: z.string().nullable(),
  assumptionsRisks: z.string().nullable(),
  availableResources: decimal.nullable(),
  resourcesEstimated: z.boolean(),
  keyOutputs: z.array(z.string()),
  resourceGap: decimal.nullable(),
  version: int,
});
export type StrategyOutcome = z.infer<typeof StrategyOutcome>;

/** An indicator's milestone for one period of the strategy (`period` is that period's label). */
export const StrategyMilestone = z.object({ indicatorId: id, periodId: id, label: z.string(), value: decimal.nullable(), period: z.string() });
export type StrategyMilestone = z.infer<typeof StrategyMilestone>;

/** A value entered by hand with its source (kept: the latest as at a date counts). */
export const StrategyIndicatorValue = z.object({
  id: int,
  indicatorId: id,
  asOf: z.string(),
  value: decimal,
  source: z.string(),
  actorLabel: z.string(),
  at: z.string(),
});
export type StrategyIndicatorValue = z.infer<typeof StrategyIndicatorValue>;

export const StrategyIndicator = z.object({
  id,
  outcomeId: id,
  number: z.string(),
  text: z.string(),
  baselineText: z.string(),
  baselineValue: decimal.nullable(),
  baselineNote: z.string().nullable(),
  targetText: z.string(),
  targetValue: decimal.nullable(),
  unit: z.enum(['percent', 'number', 'increase']),
  formula: z.enum(FORMULAS).nullable(),
  version: int,
  updatedAt: z.string(),
});
export type StrategyIndicator = z.infer<typeof StrategyIndicator>;

/** An indicator with its milestones (one per period of the strategy, null where none is set) and the values entered. */
export const StrategyIndicatorWithData = StrategyIndicator.extend({
  milestones: z.array(StrategyMilestone.nullable()),
  values: z.array(StrategyIndicatorValue),
});
export type StrategyIndicatorWithData = z.infer<typeof StrategyIndicatorWithData>;

/** A value computed by a named formula: the number, what it means, and the data it was computed from. */
export const ComputedValue = z.object({
  formula: z.enum(FORMULAS),
  /** in the indicator's unit: a percentage with two decimals, or a count; null when there is nothing to compute from */
  value: decimal.nullable(),
  definition: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  asOf: z.string(),
});
export type ComputedValue = z.infer<typeof ComputedValue>;

export const INDICATOR_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data', 'no_milestone'] as const;

/** An indicator as at a date: the milestone of the period, the value (entered or computed), the status and the rule that decided it. */
export const IndicatorProgress = z.object({
  indicator: StrategyIndicatorWithData,
  period: z.string().nullable(),
  milestone: StrategyMilestone.nullable(),
  value: decimal.nullable(),
  source: z.string().nullable(),
  computed: ComputedValue.nullable(),
  status: z.enum(INDICATOR_STATUSES),
  /** what the value is compared in: the value itself, or its increase over the baseline in per cent */
  measured: decimal.nullable(),
  rule: z.string(),
});
export type IndicatorProgress = z.infer<typeof IndicatorProgress>;

/** A strategy as at a date: its periods, the period the date falls in, and each outcome's indicators. */
export const StrategyProgress = z.object({
  strategy: Strategy,
  periods: z.array(StrategyPeriod),
  asOf: z.string(),
  period: z.string().nullable(),
  outcomes: z.array(z.object({ outcome: StrategyOutcome, indicators: z.array(IndicatorProgress) })),
});
export type StrategyProgress = z.infer<typeof StrategyProgress>;

export const ActionPlan = z.object({
  id,
  code: z.string(),
  title: z.string(),
  adoptedOn: z.string(),
  /** what the plan's divisions are called (Component, Pillar) */
  divisionLabel: z.string(),
  introduction: z.string().nullable(),
  isSynthetic: z.boolean(),
  version: int,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionPlan = z.infer<typeof ActionPlan>;

export const ActionPlanList = listOf(ActionPlan);
export type ActionPlanList = z.infer<typeof ActionPlanList>;

export const ActionItem = z.object({
  id,
  componentId: id,
  number: z.string(),
  title: z.string(),
  context: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  dueText: z.string(),
  dueDate: z.string().nullable(),
  ord: int,
  version: int,
  updatedAt: z.string(),
});
export type ActionItem = z.infer<typeof ActionItem>;

/** A dated status update of an item. */
export const ActionItemStatus = z.object({
  id: int,
  itemId: id,
  asOf: z.string(),
  status: z.string(),
  progress: z.enum(['not_started', 'in_progress', 'completed']),
  narrative: z.string().nullable(),
  actorLabel: z.string(),
  at: z.string(),
});
export type ActionItemStatus = z.infer<typeof ActionItemStatus>;

/** An item as at a date: the status reported by then (null if none), its history up to then, and whether it is overdue. */
export const ActionItemAsAt = ActionItem.extend({ status: ActionItemStatus.nullable(), history: z.array(ActionItemStatus), overdue: z.boolean() });
export type ActionItemAsAt = z.infer<typeof ActionItemAsAt>;

export const ActionPlanComponent = z.object({ id, planId: id, number: z.string(), title: z.string(), ord: int });
export type ActionPlanComponent = z.infer<typeof ActionPlanComponent>;

/** A plan as at a date: its components, each with its items as at that date. */
export const ActionPlanAsAt = z.object({
  plan: ActionPlan,
  asOf: z.string(),
  components: z.array(ActionPlanComponent.extend({ items: z.array(ActionItemAsAt) })),
});
export type ActionPlanAsAt = z.infer<typeof ActionPlanAsAt>;
