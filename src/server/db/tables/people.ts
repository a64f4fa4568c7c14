/** Tables of offices, partners, users, sessions and the audit trail (migration 0002). */
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './common.ts';

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

/** Migration 0012: one sign-in counter per key (account, client, device, password change). */
export interface LoginThrottleTable {
  key: string;
  attempts: number;
  blocked_until: string | null;
  last_at: string;
}

export interface TrustedDevicesTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: string;
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
