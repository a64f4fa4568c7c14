import { z } from 'zod';
import { partialUpdate } from './partial-update.ts';
import { Decimal } from './programming.ts';

/** Input contracts of strategies (C8) and action plans (C9). Unknown fields are refused everywhere. */
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const date = z.iso.date();
const version = z.number().int().positive();
const code = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'letters, digits, dot, dash or underscore (at most 40)');

/** The formulas an indicator's value can be computed by (see strategy-formulas.ts). */
export const FORMULAS = ['delivery_rate', 'aligned_share', 'gaps_filled', 'proposals_appraised', 'cfs_reflecting_dwcp'] as const;

export const MilestoneInput = z.strictObject({ period: text(40), label: text(500), value: Decimal.nullable().optional() });

export const StrategyIndicatorInput = z.strictObject({
  number: z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'a number such as 1.2'),
  text: text(2000),
  baselineText: text(300),
  baselineValue: Decimal.nullable().optional(),
  baselineNote: optText(1000),
  targetText: text(300),
  targetValue: Decimal.nullable().optional(),
  unit: z.enum(['percent', 'number', 'increase']),
  formula: z.string().max(60).nullable().optional(),
  milestones: z.array(MilestoneInput).max(20).default([]),
});

export const StrategyOutcomeInput = z.strictObject({
  number: z.number().int().min(1).max(99),
  title: text(1000),
  strategyText: optText(40000),
  linkages: optText(20000),
  assumptionsRisks: optText(20000),
  availableResources: Decimal.nullable().optional(),
  resourcesEstimated: z.boolean().default(true),
  keyOutputs: z.array(text(500)).max(30).default([]),
  resourceGap: Decimal.nullable().optional(),
  indicators: z.array(StrategyIndicatorInput).max(30).default([]),
});

/** One outcome added to a strategy (with its indicators, if any); the costing line is the outcome's resources, key outputs and gap. */
export const StrategyOutcomeCreate = StrategyOutcomeInput;

/** A revision of one outcome: its wording or its costing line (resources, estimate flag, key outputs, gap). */
export const StrategyOutcomeUpdate = partialUpdate(StrategyOutcomeInput.omit({ indicators: true })).extend({ version });

/** One indicator added to an outcome. */
export const StrategyIndicatorCreate = StrategyIndicatorInput;

export const StrategyCreate = z.strictObject({
  code,
  title: text(300),
  periodStart: date,
  periodEnd: date,
  documentSymbol: optText(60),
  currency: z.string().regex(/^[A-Z]{3}$/),
  atRiskMargin: Decimal.optional(),
  introduction: optText(20000),
  costingTitle: optText(300),
  periods: z
    .array(z.strictObject({ label: text(40), startDate: date, endDate: date }))
    .min(1)
    .max(20),
  outcomes: z.array(StrategyOutcomeInput).min(1).max(30),
});

export const IndicatorValueCreate = z.strictObject({ asOf: date, value: Decimal, source: text(500) });

export const StrategyIndicatorUpdate = z.strictObject({
  version,
  text: text(2000).optional(),
  baselineText: text(300).optional(),
  baselineValue: Decimal.nullable().optional(),
  baselineNote: optText(1000),
  targetText: text(300).optional(),
  targetValue: Decimal.nullable().optional(),
  formula: z.string().max(60).nullable().optional(),
  milestones: z.array(MilestoneInput).max(20).optional(),
});

const PROGRESS = ['not_started', 'in_progress', 'completed'] as const;
export const StatusInput = z.strictObject({ asOf: date, status: text(4000), progress: z.enum(PROGRESS), narrative: optText(20000) });

export const ActionItemInput = z.strictObject({
  number: text(10),
  title: text(2000),
  context: optText(20000),
  responsibleUnit: optText(200),
  dueText: text(300),
  dueDate: date.nullable().optional(),
  statuses: z.array(StatusInput).max(50).default([]),
});

export const ActionPlanCreate = z.strictObject({
  code,
  title: text(500),
  adoptedOn: date,
  divisionLabel: text(40).default('Component'),
  introduction: optText(20000),
  components: z
    .array(z.strictObject({ number: text(10), title: text(1000), items: z.array(ActionItemInput).max(100) }))
    .min(1)
    .max(30),
});

/** One item added to a component of a plan (its status history, if any, in date order). */
export const ActionItemCreate = ActionItemInput;

export const ActionItemUpdate = z.strictObject({
  version,
  number: text(10).optional(),
  title: text(2000).optional(),
  context: optText(20000),
  responsibleUnit: optText(200),
  dueText: text(300).optional(),
  dueDate: date.nullable().optional(),
});
