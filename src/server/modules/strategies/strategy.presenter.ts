import type { Selectable } from 'kysely';
import type { FORMULAS } from '../../../shared/contracts/strategies.ts';
import type {
  IndicatorProgress,
  Strategy,
  StrategyIndicator,
  StrategyIndicatorValue,
  StrategyIndicatorWithData,
  StrategyMilestone,
  StrategyOutcome,
  StrategyPeriod,
  StrategyProgress,
} from '../../../shared/contracts/strategies-answers.ts';
import type { DB } from '../../db/schema.ts';
import type { StrategyProgress as ProgressRows } from './strategy-progress.service.ts';

type Formula = (typeof FORMULAS)[number];

/** The API's shape of a strategy (without its periods and outcomes: see presentStrategyProgress). */
export function presentStrategy(s: Selectable<DB['strategies']>): Strategy {
  return {
    id: s.id,
    code: s.code,
    title: s.title,
    periodStart: s.period_start,
    periodEnd: s.period_end,
    documentSymbol: s.document_symbol,
    currency: s.currency,
    atRiskMargin: s.at_risk_margin,
    introduction: s.introduction,
    costingTitle: s.costing_title,
    isSynthetic: s.is_synthetic,
    version: s.version,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}

export function presentStrategyPeriod(p: Selectable<DB['strategy_periods']>): StrategyPeriod {
  return { id: p.id, strategyId: p.strategy_id, label: p.label, startDate: p.start_date, endDate: p.end_date };
}

export function presentStrategyOutcome(o: Selectable<DB['strategy_outcomes']>): StrategyOutcome {
  return {
    id: o.id,
    strategyId: o.strategy_id,
    number: o.number,
    title: o.title,
    strategyText: o.strategy_text,
    linkages: o.linkages,
    assumptionsRisks: o.assumptions_risks,
    availableResources: o.available_resources,
    resourcesEstimated: o.resources_estimated,
    keyOutputs: o.key_outputs,
    resourceGap: o.resource_gap,
    version: o.version,
  };
}

export function presentStrategyIndicator(i: Selectable<DB['strategy_indicators']>): StrategyIndicator {
  return {
    id: i.id,
    outcomeId: i.outcome_id,
    number: i.number,
    text: i.text,
    baselineText: i.baseline_text,
    baselineValue: i.baseline_value,
    baselineNote: i.baseline_note,
    targetText: i.target_text,
    targetValue: i.target_value,
    unit: i.unit,
    formula: i.formula as Formula | null,
    version: i.version,
    updatedAt: i.updated_at,
  };
}

/** A milestone with the label of its period. */
export function presentStrategyMilestone(m: Selectable<DB['strategy_milestones']> & { period: string }): StrategyMilestone {
  return { indicatorId: m.indicator_id, periodId: m.period_id, label: m.label, value: m.value, period: m.period };
}

export function presentIndicatorValue(v: Selectable<DB['strategy_indicator_values']>): StrategyIndicatorValue {
  return { id: v.id, indicatorId: v.indicator_id, asOf: v.as_of, value: v.value, source: v.source, actorLabel: v.actor_label, at: v.at };
}

type IndicatorRows = ProgressRows['outcomes'][number]['indicators'][number];

function presentIndicatorWithData(i: IndicatorRows['indicator']): StrategyIndicatorWithData {
  return {
    ...presentStrategyIndicator(i),
    milestones: i.milestones.map((m) => (m ? presentStrategyMilestone(m) : null)),
    values: i.values.map(presentIndicatorValue),
  };
}

function presentIndicatorProgress(r: IndicatorRows): IndicatorProgress {
  return {
    indicator: presentIndicatorWithData(r.indicator),
    period: r.period,
    milestone: r.milestone ? presentStrategyMilestone(r.milestone) : null,
    value: r.value,
    source: r.source,
    computed: r.computed && { formula: r.computed.formula, value: r.computed.value, definition: r.computed.definition, data: r.computed.data, asOf: r.computed.asOf },
    status: r.status,
    measured: r.measured,
    rule: r.rule,
  };
}

/** A strategy as at a date, every level explicit: the strategy, its periods, each outcome with its indicators' progress. */
export function presentStrategyProgress(p: ProgressRows): StrategyProgress {
  return {
    strategy: presentStrategy(p.strategy),
    periods: p.periods.map(presentStrategyPeriod),
    asOf: p.asOf,
    period: p.period,
    outcomes: p.outcomes.map((o) => ({ outcome: presentStrategyOutcome(o.outcome), indicators: o.indicators.map(presentIndicatorProgress) })),
  };
}
