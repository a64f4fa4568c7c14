/** Tables of country programming (migrations 0003, 0004). */
import type { Generated } from 'kysely';
import type { Stamped, Timestamp, Versioned } from './common.ts';

export interface CountryProfilesTable extends Stamped {
  country_code: string;
  presence: string;
  covering_office_id: string;
  rc_office: string | null;
  multi_country_rc: Generated<boolean>;
  delivering_as_one: Generated<boolean>;
  notes: string | null;
}

export interface ConstituentsTable extends Stamped {
  id: Generated<string>;
  country_code: string;
  kind: string;
  name: string;
  acronym: string | null;
  contact_name: string | null;
  contact_email: string | null;
}

export interface CfCyclesTable extends Stamped {
  id: Generated<string>;
  country_code: string;
  kind: string;
  title: string;
  period_start: string;
  period_end: string;
  stage: string;
}

export interface CfPrioritiesTable extends Versioned {
  id: Generated<string>;
  cycle_id: string;
  code: string;
  title: string;
  updated_at: Timestamp;
}

export interface CfOutcomesTable extends Versioned {
  id: Generated<string>;
  cycle_id: string;
  priority_id: string;
  code: string;
  text: string;
  outcome_group: string | null;
  org_role: Generated<string>;
  updated_at: Timestamp;
}

export interface CfOutputsTable extends Versioned {
  id: Generated<string>;
  outcome_id: string;
  code: string;
  text: string;
  org_role: Generated<string>;
  updated_at: Timestamp;
}

export interface OrgFrameworksTable extends Stamped {
  id: Generated<string>;
  kind: string;
  code: string;
  title: string;
  period_start: string;
  period_end: string;
}

export interface OrgOutcomesTable {
  id: Generated<string>;
  framework_id: string;
  code: string;
  title: string;
}

export interface OrgOutputsTable {
  id: Generated<string>;
  outcome_id: string;
  code: string;
  title: string;
}

export interface DwcpsTable extends Stamped {
  id: Generated<string>;
  country_code: string;
  title: string;
  period_start: string;
  period_end: string;
  status: string;
  cf_cycle_id: string | null;
}

export interface DwcpPrioritiesTable extends Versioned {
  id: Generated<string>;
  dwcp_id: string;
  code: string;
  title: string;
  alignment_recorded: string | null;
  alignment_evidence: string | null;
  updated_at: Timestamp;
}

export interface CposTable extends Versioned {
  id: Generated<string>;
  dwcp_id: string;
  priority_id: string;
  code: string;
  text: string;
  derivation: string;
  cf_outcome_id: string | null;
  justification: string | null;
  updated_at: Timestamp;
}

export interface IndicatorsTable extends Versioned {
  id: Generated<string>;
  node_type: string;
  node_id: string;
  code: string | null;
  title: string;
  unit: string;
  baseline_value: string | null;
  baseline_date: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IndicatorTargetsTable {
  id: Generated<number>;
  indicator_id: string;
  kind: string;
  period_start: string;
  period_end: string;
  value: string;
  reason: string | null;
  set_at: Timestamp;
  set_by: string;
  superseded_at: string | null;
}

export interface IndicatorActualsTable {
  id: Generated<number>;
  indicator_id: string;
  period_start: string;
  period_end: string;
  value: string;
  source: string;
  comment: string | null;
  recorded_at: Timestamp;
}

export interface ProgrammingMilestonesTable extends Stamped {
  id: Generated<string>;
  country_code: string;
  cf_cycle_id: string | null;
  dwcp_id: string | null;
  kind: string;
  title: string;
  due_date: string;
  done_on: string | null;
  notify_days: Generated<number>;
}
