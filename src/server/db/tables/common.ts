import type { ColumnType, Generated } from 'kysely';

/** Column types shared by the table files: timestamps and dates come back as strings (see connect.ts). */
export type Timestamp = ColumnType<string, string | undefined, string>;
export type Json = ColumnType<unknown, string | null, string | null>;
export type Versioned = { version: Generated<number> };
export type Stamped = Versioned & { created_at: Timestamp; updated_at: Timestamp; is_synthetic: Generated<boolean> };
export type Link<A extends string, B extends string> = Record<A | B, string>;

export interface NamedCodeTable {
  code: string;
  name_en: string;
  name_fr: string;
  name_es: string;
  status: Generated<string>;
}
