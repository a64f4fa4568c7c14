import type { IndicatorProgress, StrategyIndicatorWithData, StrategyProgress } from '../../../shared/contracts/strategies-answers.ts';
import { presentIndicatorValue, presentStrategy, presentStrategyIndicator, presentStrategyMilestone, presentStrategyOutcome, presentStrategyPeriod } from './strategy.presenter.ts';
import type { StrategyProgress as ProgressRows } from './strategy-progress.service.ts';

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
