import type { Selectable } from 'kysely';
import type { Indicator, IndicatorActual, IndicatorTarget } from '../../../shared/contracts/programming-answers.ts';
import type { DB } from '../../db/schema.ts';

/** The API's shapes of an indicator, its targets and actuals: explicit fields, camelCase. */
export function presentIndicator(r: Selectable<DB['indicators']>): Indicator {
  return {
    id: r.id,
    nodeType: r.node_type as Indicator['nodeType'],
    nodeId: r.node_id,
    code: r.code,
    title: r.title,
    unit: r.unit,
    baselineValue: r.baseline_value,
    baselineDate: r.baseline_date,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentIndicatorTarget(r: Selectable<DB['indicator_targets']>): IndicatorTarget {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    kind: r.kind as IndicatorTarget['kind'],
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: r.value,
    reason: r.reason,
    setAt: r.set_at,
    setBy: r.set_by,
    supersededAt: r.superseded_at,
  };
}

export function presentIndicatorActual(r: Selectable<DB['indicator_actuals']>): IndicatorActual {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: r.value,
    source: r.source,
    comment: r.comment,
    recordedAt: r.recorded_at,
  };
}
