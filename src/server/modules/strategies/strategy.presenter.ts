import type { Selectable } from 'kysely';
import type { FORMULAS } from '../../../shared/contracts/strategies.ts';
import type { Strategy, StrategyIndicator, StrategyIndicatorValue, StrategyMilestone, StrategyOutcome, StrategyPeriod } from '../../../shared/contracts/strategies-answers.ts';
import type { DB } from '../../db/schema.ts';

type Formula = (typeof FORMULAS)[number];

/** The API's shape of a strategy (without its periods and outcomes: see strategy-progress.presenter.ts). */
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
