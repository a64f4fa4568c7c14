/** Tables of IATI activities read from other publishers' files (migration 0009). */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './common.ts';

type Json<T> = ColumnType<T, string, string>;

export interface IatiImportsTable {
  id: Generated<string>;
  file_name: string;
  bytes: ColumnType<string, number, number>;
  version: string | null;
  activities_imported: number;
  activities_skipped: number;
  transactions_imported: number;
  transactions_skipped: number;
  actor_label: string;
  at: Timestamp;
}

export interface IatiActivitiesTable {
  id: Generated<string>;
  iati_identifier: string;
  reporting_org_ref: string | null;
  reporting_org_name: string | null;
  iati_version: string | null;
  title: string | null;
  description: string | null;
  status_code: string | null;
  default_currency: string | null;
  planned_start: string | null;
  actual_start: string | null;
  planned_end: string | null;
  actual_end: string | null;
  last_updated: string | null;
  countries: Json<{ code: string; percentage: string | null }[]>;
  regions: Json<{ code: string; vocabulary: string | null; percentage: string | null }[]>;
  sectors: Json<{ code: string; vocabulary: string | null; percentage: string | null }[]>;
  participating_orgs: Json<{ ref: string | null; name: string | null; role: string | null; type: string | null }[]>;
  import_id: string;
  project_id: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface IatiTransactionsTable {
  activity_id: string;
  seq: number;
  type_code: string;
  transaction_date: string;
  value: string;
  currency: string | null;
  value_date: string | null;
  provider_ref: string | null;
  provider_name: string | null;
  provider_activity_id: string | null;
  receiver_ref: string | null;
  receiver_name: string | null;
  receiver_activity_id: string | null;
  description: string | null;
}

export interface IatiBudgetsTable {
  activity_id: string;
  seq: number;
  type_code: string | null;
  status_code: string | null;
  period_start: string;
  period_end: string;
  value: string;
  currency: string | null;
  value_date: string | null;
}

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  status: Generated<string>;
  title: string;
  result: ColumnType<unknown, string | null, string | null>;
  error: string | null;
  actor_id: string | null;
  actor_label: string;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  /** The process running the job, or holding its upload while it is queued (a random id per process start), and when it last said it was alive. */
  runner: string | null;
  heartbeat_at: Timestamp | null;
  /** What the job's kind needs to run (its zod payload), and who asked, as they were when they asked. */
  payload: ColumnType<unknown, string | undefined, string>;
  actor: ColumnType<unknown, string | null, string | null>;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  progress_unit: Generated<string>;
}
