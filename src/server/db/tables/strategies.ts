/** Tables of strategies and action plans (migration 0010). */
import type { ColumnType, Generated } from 'kysely';
import type { Stamped, Timestamp, Versioned } from './common.ts';

export interface StrategiesTable extends Stamped {
  id: Generated<string>;
  code: string;
  title: string;
  period_start: string;
  period_end: string;
  document_symbol: string | null;
  currency: string;
  at_risk_margin: Generated<string>;
  introduction: string | null;
  costing_title: string | null;
}

export interface StrategyPeriodsTable {
  id: Generated<string>;
  strategy_id: string;
  label: string;
  start_date: string;
  end_date: string;
}

export interface StrategyOutcomesTable extends Versioned {
  id: Generated<string>;
  strategy_id: string;
  number: number;
  title: string;
  strategy_text: string | null;
  linkages: string | null;
  assumptions_risks: string | null;
  available_resources: string | null;
  resources_estimated: Generated<boolean>;
  key_outputs: ColumnType<string[], string | undefined, string>;
  resource_gap: string | null;
  updated_at: Timestamp;
}

export interface StrategyIndicatorsTable extends Versioned {
  id: Generated<string>;
  outcome_id: string;
  number: string;
  text: string;
  baseline_text: string;
  baseline_value: string | null;
  baseline_note: string | null;
  target_text: string;
  target_value: string | null;
  unit: 'percent' | 'number' | 'increase';
  formula: string | null;
  updated_at: Timestamp;
}

export interface StrategyMilestonesTable {
  indicator_id: string;
  period_id: string;
  label: string;
  value: string | null;
}

export interface StrategyIndicatorValuesTable {
  id: Generated<number>;
  indicator_id: string;
  as_of: string;
  value: string;
  source: string;
  actor_label: string;
  at: Timestamp;
}

export interface ActionPlansTable extends Stamped {
  id: Generated<string>;
  code: string;
  title: string;
  adopted_on: string;
  division_label: Generated<string>;
  introduction: string | null;
}

export interface ActionPlanComponentsTable {
  id: Generated<string>;
  plan_id: string;
  number: string;
  title: string;
  ord: number;
}

export interface ActionItemsTable extends Versioned {
  id: Generated<string>;
  component_id: string;
  number: string;
  title: string;
  context: string | null;
  responsible_unit: string | null;
  due_text: string;
  due_date: string | null;
  ord: number;
  updated_at: Timestamp;
}

export interface ActionItemStatusesTable {
  id: Generated<number>;
  item_id: string;
  as_of: string;
  status: string;
  progress: 'not_started' | 'in_progress' | 'completed';
  narrative: string | null;
  actor_label: string;
  at: Timestamp;
}
