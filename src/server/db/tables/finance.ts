/** Tables of delivery facts, watch-list actions and resource needs (migration 0008). */
import type { ColumnType, Generated } from 'kysely';
import type { Stamped, Timestamp } from './common.ts';

type Json<T> = ColumnType<T, string, string>;

export interface ProjectFinanceTable {
  project_id: string;
  year: number;
  currency: string;
  allocation: string | null;
  expenditure: string | null;
  commitment: string | null;
  expenditure_to_month: ColumnType<string[] | null, string | null, string | null>;
  commitment_to_month: ColumnType<string[] | null, string | null, string | null>;
  /** the part of expenditure_to_month passed on as disbursements (migration 0011) */
  disbursement_to_month: ColumnType<string[] | null, string | null | undefined, string | null>;
  last_expenditure: string | null;
  basis: Json<string[]>;
  problems: Json<string[]>;
}

export interface WarningActionsTable {
  id: Generated<number>;
  project_id: string;
  rule_code: string;
  status: string;
  comment: string;
  at: Timestamp;
  actor_label: string;
}

export interface ResourceNeedsTable extends Stamped {
  id: Generated<string>;
  cpo_id: string;
  year_from: number;
  year_to: number;
  currency: string;
  needed: string;
  available_at_identification: Generated<string>;
  identified_on: string;
  note: string | null;
}

export interface OfficeRegionsView {
  office_id: string;
  region_id: string | null;
  region: string;
}
