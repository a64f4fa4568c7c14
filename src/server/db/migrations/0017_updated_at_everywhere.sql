-- Every record with a version also says when it last changed, so that one helper (db/versioned.ts
-- updateVersioned) changes every versioned row the same way: version + 1 and updated_at now. Existing rows
-- take the migration's time (PostgreSQL stores the default once, no table rewrite).
alter table cf_priorities add column updated_at timestamptz not null default now();
alter table cf_outcomes add column updated_at timestamptz not null default now();
alter table cf_outputs add column updated_at timestamptz not null default now();
alter table dwcp_priorities add column updated_at timestamptz not null default now();
alter table cpos add column updated_at timestamptz not null default now();
alter table strategy_outcomes add column updated_at timestamptz not null default now();
alter table warning_rules add column updated_at timestamptz not null default now();
alter table iati_activities add column updated_at timestamptz not null default now();
