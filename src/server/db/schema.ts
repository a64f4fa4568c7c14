/** The database as Kysely sees it, composed from the table files in tables/ (one per migration group). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Link, NamedCodeTable } from './tables/common.ts';
import type { OfficeRegionsView, ProjectFinanceTable, ResourceNeedsTable, WarningActionsTable } from './tables/finance.ts';
import type { IatiActivitiesTable, IatiBudgetsTable, IatiImportsTable, IatiTransactionsTable, JobsTable } from './tables/iati.ts';
import type { AuditLogTable, LoginThrottleTable, OfficesTable, PartnersTable, SchemaMigrationsTable, SessionsTable, TrustedDevicesTable, UsersTable } from './tables/people.ts';
import type {
  AgreementAmountsTable,
  AgreementsTable,
  AllocationsTable,
  DueDiligenceTable,
  ExchangeRatesTable,
  FinancialLinesTable,
  FundingSourcesTable,
  ImportMappingsTable,
  ImportsTable,
  LevyExemptionsTable,
  LevyRulesTable,
  ProjectDocumentsTable,
  ProjectStatusHistoryTable,
  ProjectsTable,
  SettingsTable,
  WarningRulesTable,
} from './tables/portfolio.ts';
import type {
  CfCyclesTable,
  CfOutcomesTable,
  CfOutputsTable,
  CfPrioritiesTable,
  ConstituentsTable,
  CountryProfilesTable,
  CposTable,
  DwcpPrioritiesTable,
  DwcpsTable,
  IndicatorActualsTable,
  IndicatorsTable,
  IndicatorTargetsTable,
  OrgFrameworksTable,
  OrgOutcomesTable,
  OrgOutputsTable,
  ProgrammingMilestonesTable,
} from './tables/programming.ts';
import type { CodelistCodesTable, CodelistsTable, ReferenceLoadsTable, RegionsTable, SdgGoalsTable, SdgIndicatorsTable, SdgTargetsTable } from './tables/reference.ts';
import type {
  ActionItemStatusesTable,
  ActionItemsTable,
  ActionPlanComponentsTable,
  ActionPlansTable,
  StrategiesTable,
  StrategyIndicatorsTable,
  StrategyIndicatorValuesTable,
  StrategyMilestonesTable,
  StrategyOutcomesTable,
  StrategyPeriodsTable,
} from './tables/strategies.ts';

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
  login_throttle: LoginThrottleTable;
  trusted_devices: TrustedDevicesTable;
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
  project_related_activities: Link<'project_id', 'activity_ref' | 'relation'>;
  project_documents: ProjectDocumentsTable;
  settings: SettingsTable;
  exchange_rates: ExchangeRatesTable;
  allocations: AllocationsTable;
  imports: ImportsTable;
  financial_lines: FinancialLinesTable;
  import_mappings: ImportMappingsTable;
  warning_rules: WarningRulesTable;
  project_finance: ProjectFinanceTable;
  warning_actions: WarningActionsTable;
  resource_needs: ResourceNeedsTable;
  office_regions: OfficeRegionsView;
  iati_imports: IatiImportsTable;
  iati_activities: IatiActivitiesTable;
  iati_transactions: IatiTransactionsTable;
  iati_budgets: IatiBudgetsTable;
  jobs: JobsTable;
  strategies: StrategiesTable;
  strategy_periods: StrategyPeriodsTable;
  strategy_outcomes: StrategyOutcomesTable;
  strategy_indicators: StrategyIndicatorsTable;
  strategy_milestones: StrategyMilestonesTable;
  strategy_indicator_values: StrategyIndicatorValuesTable;
  action_plans: ActionPlansTable;
  action_plan_components: ActionPlanComponentsTable;
  action_items: ActionItemsTable;
  action_item_statuses: ActionItemStatusesTable;
}

export type Office = Selectable<OfficesTable>;
export type NewOffice = Insertable<OfficesTable>;
export type OfficeUpdate = Updateable<OfficesTable>;
export type User = Selectable<UsersTable>;
export type AuditEntry = Selectable<AuditLogTable>;
