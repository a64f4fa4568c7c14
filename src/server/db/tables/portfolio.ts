/** Tables of partners, agreements, projects and money (migrations 0005–0007). */
import type { ColumnType, Generated } from 'kysely';
import type { Stamped, Timestamp } from './common.ts';

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
  /** the owning office (0014); null: the organisation's */
  office_id: string | null;
}

export interface WarningRulesTable {
  code: string;
  name: string;
  kind: string;
  params: ColumnType<Record<string, number>, string, string>;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
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

/** A project's document, published as an IATI document-link unless confidential (migration 0011). */
export interface ProjectDocumentsTable extends Stamped {
  id: Generated<string>;
  project_id: string;
  title: string;
  url: string;
  format: string;
  category: string;
  language: Generated<string>;
  document_date: string | null;
  confidential: Generated<boolean>;
}
