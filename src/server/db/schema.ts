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
}

export type Office = Selectable<OfficesTable>;
export type NewOffice = Insertable<OfficesTable>;
export type OfficeUpdate = Updateable<OfficesTable>;
export type User = Selectable<UsersTable>;
export type AuditEntry = Selectable<AuditLogTable>;
