import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types for Kysely, written to match `migrations/*.sql` (timestamps and dates come back as strings). */
type Timestamp = ColumnType<string, string | undefined, string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface CodelistsTable {
  name: string;
  title: string;
  category: string | null;
  complete: boolean;
  embedded: boolean;
  source: string;
}

export interface CodelistCodesTable {
  codelist: string;
  code: string;
  name_en: string;
  name_fr: string | null;
  name_es: string | null;
  description: string | null;
  category: string | null;
  status: string;
}

interface NamedCodeTable {
  code: string;
  name_en: string;
  name_fr: string;
  name_es: string;
  status: Generated<string>;
}

export interface RegionsTable extends NamedCodeTable {
  vocabulary: Generated<string>;
}

export interface SdgGoalsTable {
  code: string;
  short_en: string | null;
  title_en: string;
  title_fr: string;
  title_es: string;
}

export interface SdgTargetsTable extends Omit<SdgGoalsTable, 'short_en'> {
  goal_code: string;
}

export interface SdgIndicatorsTable extends Omit<SdgGoalsTable, 'short_en'> {
  target_code: string;
}

export interface ReferenceLoadsTable {
  source: string;
  checksum: string;
  loaded_at: Timestamp;
}

export interface OfficesTable {
  id: Generated<string>;
  code: string;
  name: string;
  office_type: string;
  parent_id: string | null;
  path: string;
  country_code: string | null;
  city: string | null;
  email: string | null;
  is_synthetic: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnersTable {
  id: Generated<string>;
  code: string;
  name: string;
  organisation_ref: string | null;
  partner_type: Generated<string>;
  country_code: string | null;
  confidential: Generated<boolean>;
  is_synthetic: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  office_id: string | null;
  partner_id: string | null;
  country_code: string | null;
  locale: Generated<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: string;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  client: string;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  via: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

type Versioned = { version: Generated<number> };
type Stamped = Versioned & { created_at: Timestamp; updated_at: Timestamp; is_synthetic: Generated<boolean> };

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
}

export interface CfOutcomesTable extends Versioned {
  id: Generated<string>;
  cycle_id: string;
  priority_id: string;
  code: string;
  text: string;
  outcome_group: string | null;
  org_role: Generated<string>;
}

export interface CfOutputsTable extends Versioned {
  id: Generated<string>;
  outcome_id: string;
  code: string;
  text: string;
  org_role: Generated<string>;
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

type Link<A extends string, B extends string> = Record<A | B, string>;

export interface DueDiligenceTable {
  id: Generated<string>;
  partner_id: string;
  reviewed_on: string;
  valid_until: string;
  criteria: ColumnType<unknown, string, string>;
  risk_rating: string;
  decision: string;
  reviewer: string;
  notes: string | null;
  created_at: Timestamp;
}

export interface FundingSourcesTable {
  code: string;
  name_en: string;
  name_fr: string;
  name_es: string;
  kind: string;
}

export interface AgreementsTable extends Stamped {
  id: Generated<string>;
  code: string;
  title: string;
  partner_id: string;
  period_start: string;
  period_end: string;
  earmarking: string;
  funding_source: string;
  currency: string;
  status: Generated<string>;
}

export interface AgreementAmountsTable {
  agreement_id: string;
  year: number;
  amount: string;
}

export interface LevyRulesTable {
  id: Generated<string>;
  rate: string;
  earmarking: string;
  effective_from: string;
  source: string;
}

export interface LevyExemptionsTable {
  id: Generated<string>;
  partner_type: string | null;
  partner_id: string | null;
  reason: string;
}

export interface ProjectsTable extends Stamped {
  id: Generated<string>;
  code: string;
  title: string;
  title_fr: string | null;
  title_es: string | null;
  description: string | null;
  place: string;
  country_code: string | null;
  region_code: string | null;
  office_id: string;
  funding_source: string;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  status: Generated<string>;
  probability: string | null;
  marker_gender: Generated<number>;
  marker_standards: Generated<number>;
  marker_social_dialogue: Generated<number>;
  marker_environment: Generated<number>;
  confidential: Generated<boolean>;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface ExchangeRatesTable {
  currency: string;
  month: string;
  per_usd: string;
  source: string;
}

export interface AllocationsTable {
  project_id: string;
  year: number;
  amount: string;
  currency: string;
  source: string;
}

export interface ImportsTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  at: Timestamp;
  actor_label: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface FinancialLinesTable {
  id: Generated<number>;
  project_id: string;
  kind: string;
  period: string;
  amount: string;
  currency: string;
  source_ref: string;
  import_id: number | null;
}

export interface ImportMappingsTable {
  id: Generated<string>;
  name: string;
  mapping: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface WarningRulesTable {
  code: string;
  name: string;
  kind: string;
  params: unknown;
  active: Generated<boolean>;
}

export interface ProjectStatusHistoryTable {
  id: Generated<number>;
  project_id: string;
  from_status: string | null;
  to_status: string;
  at: Timestamp;
  actor_label: string;
  note: string | null;
}

export interface DB {
  codelists: CodelistsTable;
  codelist_codes: CodelistCodesTable;
  countries: NamedCodeTable;
  regions: RegionsTable;
  currencies: NamedCodeTable;
  sdg_goals: SdgGoalsTable;
  sdg_targets: SdgTargetsTable;
  sdg_indicators: SdgIndicatorsTable;
  reference_loads: ReferenceLoadsTable;
  offices: OfficesTable;
  partners: PartnersTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  country_profiles: CountryProfilesTable;
  constituents: ConstituentsTable;
  cf_cycles: CfCyclesTable;
  cf_priorities: CfPrioritiesTable;
  cf_outcomes: CfOutcomesTable;
  cf_outputs: CfOutputsTable;
  cf_outcome_sdg_targets: Link<'outcome_id', 'target_code'>;
  org_frameworks: OrgFrameworksTable;
  org_outcomes: OrgOutcomesTable;
  org_outputs: OrgOutputsTable;
  dwcps: DwcpsTable;
  dwcp_priorities: DwcpPrioritiesTable;
  cpos: CposTable;
  cpo_cf_outputs: Link<'cpo_id', 'cf_output_id'>;
  cpo_org_outcomes: Link<'cpo_id', 'org_outcome_id'>;
  cpo_sdg_targets: Link<'cpo_id', 'target_code'>;
  indicators: IndicatorsTable;
  indicator_targets: IndicatorTargetsTable;
  indicator_actuals: IndicatorActualsTable;
  programming_milestones: ProgrammingMilestonesTable;
  due_diligence_reviews: DueDiligenceTable;
  funding_sources: FundingSourcesTable;
  agreements: AgreementsTable;
  agreement_amounts: AgreementAmountsTable;
  levy_rules: LevyRulesTable;
  levy_exemptions: LevyExemptionsTable;
  projects: ProjectsTable;
  project_partners: Link<'project_id', 'partner_id' | 'role'>;
  project_agreements: Link<'project_id', 'agreement_id'>;
  project_status_history: ProjectStatusHistoryTable;
  project_cpo_links: Link<'project_id', 'cpo_id' | 'share'>;
  project_org_outcome_links: Link<'project_id', 'org_outcome_id' | 'share'>;
  project_cf_outcome_links: Link<'project_id', 'cf_outcome_id'>;
  project_sdg_targets: Link<'project_id', 'target_code'>;
  settings: SettingsTable;
  exchange_rates: ExchangeRatesTable;
  allocations: AllocationsTable;
  imports: ImportsTable;
  financial_lines: FinancialLinesTable;
  import_mappings: ImportMappingsTable;
  warning_rules: WarningRulesTable;
}

export type Office = Selectable<OfficesTable>;
export type NewOffice = Insertable<OfficesTable>;
export type OfficeUpdate = Updateable<OfficesTable>;
export type User = Selectable<UsersTable>;
export type AuditEntry = Selectable<AuditLogTable>;
