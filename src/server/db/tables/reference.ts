/** Tables of the reference data (migration 0001). */
import type { Generated } from 'kysely';
import type { NamedCodeTable, Timestamp } from './common.ts';

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
