import { z } from 'zod';
import { ALIGNMENT_GROUPS, DELIVERY_GROUPS } from '../finance-labels.ts';
import { listOf } from './list.ts';

/*
 * Money: what the delivery, portfolio, alignment and gap dashboards, the watch list, resource needs, allocations,
 * exchange rates and the ERP import answer and accept. Amounts are decimal strings in the currency named beside
 * them (the reporting currency for every sum); rates are decimal strings to 4 places, null without a denominator.
 */

/** An amount as a decimal string, exact (never a float). */
const Money = z.string();
/** A rate such as delivery (expenditure ÷ allocation) to 4 decimals; null without an allocation or with a missing rate. */
const Rate = z.string().nullable();
const int = () => z.number().int();

// ——— Delivery ———

/** The sums of a delivery question over the projects in scope. */
export const DeliveryTotals = z.object({
  projects: int(),
  allocation: Money,
  expenditure: Money,
  commitment: Money,
  deliveryRate: Rate,
  /** Expenditure to year end at the run rate so far: expenditure ÷ months elapsed × 12. */
  forecast: Money,
  forecastRate: Rate,
  /** Projects left out of the sums because an amount could not be converted (a missing rate). */
  unconverted: int(),
});
export type DeliveryTotals = z.infer<typeof DeliveryTotals>;

/** One project's delivery; the amounts are '' when one of its figures could not be converted (see problems). */
export const DeliveryRow = z.object({
  projectId: z.uuid(),
  code: z.string(),
  title: z.string(),
  office: z.string(),
  region: z.string(),
  country: z.string().nullable(),
  fundingSource: z.string(),
  allocation: Money,
  expenditure: Money,
  commitment: Money,
  deliveryRate: Rate,
  forecast: Money,
  /** the exchange rates the figures used */
  basis: z.array(z.string()),
  /** why a figure is missing (a rate not found) */
  problems: z.array(z.string()),
});
export type DeliveryRow = z.infer<typeof DeliveryRow>;

/** GET /api/delivery: a page of projects; total counts them all, totals sums them all. */
export const DeliveryPage = listOf(DeliveryRow).extend({ currency: z.string(), year: int(), through: int(), totals: DeliveryTotals });
export type DeliveryPage = z.infer<typeof DeliveryPage>;

export const DeliveryGroupRow = z.object({
  key: z.string(),
  label: z.string(),
  projects: int(),
  allocation: Money,
  expenditure: Money,
  commitment: Money,
  deliveryRate: Rate,
  forecast: Money,
});
export type DeliveryGroupRow = z.infer<typeof DeliveryGroupRow>;

/** GET /api/delivery/groups?by=: delivery summed by a dimension; unconverted counts the projects left out. */
export const DeliveryGroups = listOf(DeliveryGroupRow).extend({ currency: z.string(), year: int(), through: int(), by: z.enum(DELIVERY_GROUPS), unconverted: int() });
export type DeliveryGroups = z.infer<typeof DeliveryGroups>;

export const DeliveryTrendRow = DeliveryTotals.extend({ year: int() });
export type DeliveryTrendRow = z.infer<typeof DeliveryTrendRow>;
/** GET /api/delivery/trend: one row a year. */
export const DeliveryTrend = listOf(DeliveryTrendRow).extend({ currency: z.string() });
export type DeliveryTrend = z.infer<typeof DeliveryTrend>;

export const CurvePoint = z.object({ month: int(), spent: Money, cumulative: Money });
export type CurvePoint = z.infer<typeof CurvePoint>;
/** GET /api/delivery/curve: the twelve months of a year, spent and cumulated, against the year's allocation. */
export const DeliveryCurve = z.object({ currency: z.string(), year: int(), allocation: Money, points: z.array(CurvePoint) });
export type DeliveryCurve = z.infer<typeof DeliveryCurve>;

// ——— Portfolio summary ———

export const PortfolioByStatus = z.object({ status: z.string(), projects: int(), allocation: Money, weighted: Money });
export const PortfolioByCountry = z.object({
  code: z.string(),
  name: z.string(),
  projects: int(),
  allocation: Money,
  expenditure: Money,
  deliveryRate: Rate,
  /** ISO 3166 numeric code, which places the country on the world map */
  numeric: z.string().nullable(),
});
export const PortfolioBySource = z.object({ code: z.string(), name: z.string(), projects: int(), allocation: Money });
/** GET /api/portfolio/summary */
export const PortfolioSummary = z.object({
  currency: z.string(),
  year: int(),
  byStatus: z.array(PortfolioByStatus),
  byCountry: z.array(PortfolioByCountry),
  bySource: z.array(PortfolioBySource),
});
export type PortfolioSummary = z.infer<typeof PortfolioSummary>;

// ——— Early warning ———

/** Why a rule flags a project, as numbers (shared/warning-reasons.ts words it). */
export const WarningReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('below_time_curve'), delivery: z.number(), elapsed: z.number(), behind: z.number(), threshold: z.number() }),
  z.object({ kind: z.literal('no_expenditure_ever') }),
  z.object({ kind: z.literal('no_expenditure'), since: z.string(), months: z.number(), threshold: z.number() }),
  z.object({ kind: z.literal('ending_low_delivery'), end: z.string(), months: z.number(), delivery: z.number(), below: z.number() }),
  z.object({ kind: z.literal('allocation_not_committed'), idle: z.number(), left: z.number(), threshold: z.number() }),
]);

export const WARNING_ACTION_STATUSES = ['acknowledged', 'action_taken', 'dismissed'] as const;

/** The last thing done about a flag. */
export const FlagAction = z.object({ status: z.enum(WARNING_ACTION_STATUSES), comment: z.string(), at: z.string(), by: z.string() });

/** A project flagged by a rule. */
export const Flag = z.object({
  projectId: z.uuid(),
  code: z.string(),
  title: z.string(),
  office: z.string(),
  rule: z.string(),
  ruleName: z.string(),
  /** why, in English */
  reason: z.string(),
  why: WarningReason,
  action: FlagAction.nullable(),
});
export type Flag = z.infer<typeof Flag>;

/** GET /api/early-warnings: the first flags (by project code); total and byRule count them all. */
export const WatchList = listOf(Flag).extend({
  asOf: z.string(),
  currency: z.string(),
  byRule: z.record(z.string(), int()),
  /** projects the rules could not look at, a figure not being convertible */
  unconverted: z.array(z.object({ code: z.string(), problems: z.array(z.string()) })),
});
export type WatchList = z.infer<typeof WatchList>;

/** What was done about a flag. */
export const WarningAction = z.object({
  id: int(),
  projectId: z.uuid(),
  ruleCode: z.string(),
  status: z.enum(WARNING_ACTION_STATUSES),
  comment: z.string(),
  at: z.string(),
  actorLabel: z.string(),
});
export type WarningAction = z.infer<typeof WarningAction>;
export const WarningActionList = listOf(WarningAction);
export type WarningActionList = z.infer<typeof WarningActionList>;

export const WarningActionCreate = z.strictObject({
  projectId: z.uuid(),
  rule: z.string().min(1).max(40),
  status: z.enum(WARNING_ACTION_STATUSES),
  comment: z.string().trim().min(1).max(2000),
});
export type WarningActionCreate = z.infer<typeof WarningActionCreate>;

export const WARNING_RULE_KINDS = ['below_time_curve', 'no_expenditure', 'ending_low_delivery', 'allocation_not_committed'] as const;

/** An early-warning rule: the code knows the kinds, the parameters are data. */
export const WarningRule = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(WARNING_RULE_KINDS),
  params: z.record(z.string(), z.number()),
  active: z.boolean(),
  version: int(),
  updatedAt: z.string(),
});
export type WarningRule = z.infer<typeof WarningRule>;
export const WarningRuleList = listOf(WarningRule);
export type WarningRuleList = z.infer<typeof WarningRuleList>;

export const WarningRuleUpdate = z.strictObject({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(200).optional(),
  params: z.record(z.string(), z.number()).optional(),
  active: z.boolean().optional(),
});
export type WarningRuleUpdate = z.infer<typeof WarningRuleUpdate>;

// ——— Funding alignment, resource needs and gaps ———

export const AlignmentRow = z.object({ key: z.string(), label: z.string(), projects: int(), voluntary: Money, aligned: Money, alignedShare: Rate });
export type AlignmentRow = z.infer<typeof AlignmentRow>;
/** GET /api/funding-alignment: the share of voluntary funding linked to country programme outcomes, in total or by a dimension. */
export const FundingAlignment = listOf(AlignmentRow).extend({ currency: z.string(), year: int(), by: z.enum(ALIGNMENT_GROUPS), basis: z.string() });
export type FundingAlignment = z.infer<typeof FundingAlignment>;

/** The resources a country programme outcome needs for a period, in the currency it was recorded in. */
export const ResourceNeed = z.object({
  id: z.uuid(),
  cpoId: z.uuid(),
  yearFrom: int(),
  yearTo: int(),
  currency: z.string(),
  needed: Money,
  availableAtIdentification: Money,
  identifiedOn: z.string(),
  note: z.string().nullable(),
  isSynthetic: z.boolean(),
  version: int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResourceNeed = z.infer<typeof ResourceNeed>;
export const ResourceNeedList = listOf(ResourceNeed);
export type ResourceNeedList = z.infer<typeof ResourceNeedList>;

const MoneyInput = z.string().regex(/^\d{1,16}(\.\d{1,4})?$/, 'a decimal amount such as 1250.50');
export const ResourceNeedCreate = z.strictObject({
  yearFrom: z.number().int().min(1990).max(2100),
  yearTo: z.number().int().min(1990).max(2100),
  currency: z.string().regex(/^[A-Z]{3}$/),
  needed: MoneyInput,
  availableAtIdentification: MoneyInput.optional(),
  identifiedOn: z.iso.date(),
  note: z.string().max(2000).nullish(),
});
export type ResourceNeedCreate = z.infer<typeof ResourceNeedCreate>;
export const ResourceNeedUpdate = z.strictObject({
  version: z.number().int().positive(),
  needed: MoneyInput.optional(),
  availableAtIdentification: MoneyInput.optional(),
  note: z.string().max(2000).nullish(),
});
export type ResourceNeedUpdate = z.infer<typeof ResourceNeedUpdate>;

/** One need against the resources available for it, by source, converted to the reporting currency. */
export const GapRow = z.object({
  needId: z.uuid(),
  cpoId: z.uuid(),
  outcome: z.string(),
  country: z.string(),
  period: z.string(),
  needed: Money,
  regularBudget: Money,
  rbsa: Money,
  extraBudgetary: Money,
  other: Money,
  /** regular budget + RBSA + extra-budgetary + other: approved, active and closed projects */
  available: Money,
  /** pipeline and appraisal projects, weighed by their probability */
  pipeline: Money,
  gap: Money,
  gapAfterPipeline: Money,
  /** the gap when the need was identified (needed − available then) */
  identifiedGap: Money,
  /** how much of the identified gap has since been filled */
  filled: Money,
  problems: z.array(z.string()),
});
export type GapRow = z.infer<typeof GapRow>;
export const GapTotals = z.object({
  needed: Money,
  available: Money,
  pipeline: Money,
  gap: Money,
  identifiedGap: Money,
  filled: Money,
  /** Σ filled ÷ Σ identified gaps, 4 decimals; null without a gap */
  shareOfGapsFilled: Rate,
  outcomesWithGap: int(),
  outcomesFilled: int(),
});
export type GapTotals = z.infer<typeof GapTotals>;
/** GET /api/resource-gaps */
export const ResourceGaps = listOf(GapRow).extend({ currency: z.string(), totals: GapTotals });
export type ResourceGaps = z.infer<typeof ResourceGaps>;

// ——— Allocations, exchange rates, reporting currency ———

/** A project's allocation for a year, in the currency it was set in. */
export const Allocation = z.object({ projectId: z.uuid(), year: int(), amount: Money, currency: z.string(), source: z.string() });
export type Allocation = z.infer<typeof Allocation>;
export const AllocationSet = z.strictObject({
  amount: z.union([z.string(), z.number()]).transform(String),
  currency: z.string().regex(/^[A-Z]{3}$/),
  source: z.string().min(1).max(200).default('manual'),
  /**
   * The amount the editor read for this year (null: none was set). When given and the allocation has changed
   * since, the change is refused (409, saying who changed it and when) and nothing is written.
   */
  expected: z.union([z.string(), z.number()]).transform(String).nullable().optional(),
});
export type AllocationSet = z.input<typeof AllocationSet>;

export const ExchangeRatesLoad = z.strictObject({
  source: z.string().min(1).max(200),
  rates: z.array(z.strictObject({ currency: z.string(), month: z.string(), perUsd: z.union([z.string(), z.number()]).transform(String) })).max(10000),
});
export type ExchangeRatesLoad = z.input<typeof ExchangeRatesLoad>;
/** How many monthly rates were new and how many changed. */
export const ExchangeRatesLoaded = z.object({ inserted: int(), updated: int() });
export type ExchangeRatesLoaded = z.infer<typeof ExchangeRatesLoaded>;

export const ReportingCurrencySet = z.strictObject({ currency: z.string().regex(/^[A-Z]{3}$/) });
/** The reporting currency, and how many projects' facts were converted again. */
export const ReportingCurrency = z.object({ currency: z.string(), projects: int() });
export type ReportingCurrency = z.infer<typeof ReportingCurrency>;

// ——— ERP imports ———

/** Which column of an ERP file holds each field; kind may instead be one of expenditure, commitment, disbursement for every row. */
export const FinanceMapping = z.strictObject({ projectCode: z.string(), period: z.string(), amount: z.string(), currency: z.string(), sourceRef: z.string(), kind: z.string() });
export type FinanceMapping = z.infer<typeof FinanceMapping>;

/** A saved column mapping; office null: the organisation's. */
export const ImportMapping = z.object({
  id: z.uuid(),
  name: z.string(),
  mapping: FinanceMapping,
  createdAt: z.string(),
  officeId: z.uuid().nullable(),
  officeName: z.string().nullable(),
});
export type ImportMapping = z.infer<typeof ImportMapping>;
export const ImportMappingList = listOf(ImportMapping);
export type ImportMappingList = z.infer<typeof ImportMappingList>;
export const ImportMappingCreate = z.strictObject({ name: z.string().trim().min(1).max(100), mapping: FinanceMapping });
export type ImportMappingCreate = z.infer<typeof ImportMappingCreate>;

/** The first step of an import: the file's columns, how many data rows, the first five, and a guessed mapping. */
export const ImportPreview = z.object({
  sheet: z.string(),
  columns: z.array(z.string()),
  rows: int(),
  sample: z.array(z.record(z.string(), z.string())),
  guess: FinanceMapping.partial(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** A problem of an ERP file, located by sheet, row and column. */
export const ImportIssue = z.object({
  severity: z.enum(['critical', 'error', 'warning']),
  sheet: z.string(),
  row: int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** The file was taken (a dry run: would be): its lines counted as new, changed, unchanged; issues are warnings only. */
export const ImportDone = z.object({
  ok: z.literal(true),
  dryRun: z.boolean(),
  /** the very same file was imported before */
  alreadyImported: z.boolean(),
  rows: int(),
  inserted: int(),
  updated: int(),
  unchanged: int(),
  issues: z.array(ImportIssue),
});
export type ImportDone = z.infer<typeof ImportDone>;
/** The file was refused whole (nothing stored): at least one issue is an error or critical. */
export const ImportRefused = z.object({ ok: z.literal(false), dryRun: z.boolean(), rows: int(), issues: z.array(ImportIssue) });
export type ImportRefused = z.infer<typeof ImportRefused>;
/** POST /api/finance/imports: the report, taken or refused, told apart by `ok`. */
export const ImportReport = z.discriminatedUnion('ok', [ImportDone, ImportRefused]);
export type ImportReport = z.infer<typeof ImportReport>;

// ——— A project's money (its page) ———

/** One year of a project's money, in the reporting currency; amounts '' when a figure could not be converted (see problems). */
export const ProjectMoneyYear = z.object({
  year: int(),
  allocation: Money,
  expenditure: Money,
  commitment: Money,
  deliveryRate: Rate,
  /**
   * Expenditure to year end at the run rate (expenditure of the months elapsed ÷ months × 12) for the year of
   * `asOf`; the expenditure itself for a year past; null for a year to come.
   */
  forecast: Money.nullable(),
  forecastRate: Rate,
  /** the exchange rates the figures used */
  basis: z.array(z.string()),
  /** why a figure is missing (a rate not found) */
  problems: z.array(z.string()),
});
export type ProjectMoneyYear = z.infer<typeof ProjectMoneyYear>;

/** GET /api/projects/{id}/finance: the project's money year by year, its totals, and its flags as at a day. */
export const ProjectMoney = listOf(ProjectMoneyYear).extend({
  projectId: z.uuid(),
  currency: z.string(),
  asOf: z.string(),
  /** the months of the year of asOf the forecast counts */
  through: int(),
  /** the years whose figures could all be converted, summed */
  totals: z.object({ allocation: Money, expenditure: Money, commitment: Money, deliveryRate: Rate }),
  /** the project's early-warning flags as at asOf; null for a reader without the watch list's right */
  warnings: z.array(Flag).nullable(),
  /** the allocations as set, each in its own currency (what the editor changes) */
  allocations: z.array(Allocation),
});
export type ProjectMoney = z.infer<typeof ProjectMoney>;

/** One line of expenditure or commitment imported from the ERP, in the currency it was recorded in. */
export const ErpLine = z.object({
  id: int(),
  kind: z.string(),
  /** the month, YYYY-MM-DD (its first day) */
  period: z.string(),
  amount: Money,
  currency: z.string(),
  sourceRef: z.string(),
  /** the import that brought it: file and when; null for a line written otherwise */
  importFile: z.string().nullable(),
  importedAt: z.string().nullable(),
});
export type ErpLine = z.infer<typeof ErpLine>;

/** GET /api/projects/{id}/erp-lines: a page of the project's ERP lines by date; total counts them all. */
export const ErpLinePage = listOf(ErpLine).extend({ page: int(), pageSize: int(), pages: int() });
export type ErpLinePage = z.infer<typeof ErpLinePage>;

/** One monthly exchange rate: units of the currency per US dollar. */
export const ExchangeRate = z.object({ currency: z.string(), month: z.string(), perUsd: z.string(), source: z.string() });
export type ExchangeRate = z.infer<typeof ExchangeRate>;

/** GET /api/exchange-rates: the monthly rates, newest month first, a page at a time; total counts all that match. */
export const ExchangeRateList = listOf(ExchangeRate).extend({ currencies: z.array(z.string()) });
export type ExchangeRateList = z.infer<typeof ExchangeRateList>;
