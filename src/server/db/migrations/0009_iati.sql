-- Activities of other publishers read from IATI files (issue 5): partners, donors, the organisation's own
-- historical files. One row per iati-identifier: re-importing a file updates, never duplicates. An
-- activity can be linked to one of our projects (co-financing, traceability by provider-activity-id).

create table iati_imports (
  id                      uuid primary key default gen_random_uuid(),
  file_name               text not null,
  bytes                   bigint not null,
  version                 text,
  activities_imported     integer not null,
  activities_skipped      integer not null,
  transactions_imported   integer not null,
  transactions_skipped    integer not null,
  actor_label             text not null,
  at                      timestamptz not null default now()
);

create table iati_activities (
  id                   uuid primary key default gen_random_uuid(),
  iati_identifier      text not null unique check (char_length(iati_identifier) between 1 and 400),
  reporting_org_ref    text,
  reporting_org_name   text,
  iati_version         text,
  title                text,
  description          text,
  status_code          text,
  default_currency     text,
  planned_start        date,
  actual_start         date,
  planned_end          date,
  actual_end           date,
  last_updated         text,
  -- [{ code, percentage }], [{ code, vocabulary, percentage }], [{ ref, name, role, type }]
  countries            jsonb not null default '[]',
  regions              jsonb not null default '[]',
  sectors              jsonb not null default '[]',
  participating_orgs   jsonb not null default '[]',
  import_id            uuid not null references iati_imports (id),
  project_id           uuid references projects (id) on delete set null,
  version              integer not null default 1
);
create index iati_activities_reporting_org on iati_activities (reporting_org_ref);
create index iati_activities_project on iati_activities (project_id) where project_id is not null;

create table iati_transactions (
  activity_id            uuid not null references iati_activities (id) on delete cascade,
  seq                    integer not null,
  type_code              text not null,
  transaction_date       date not null,
  value                  numeric(24, 4) not null,
  currency               text,
  value_date             date,
  provider_ref           text,
  provider_name          text,
  provider_activity_id   text,
  receiver_ref           text,
  receiver_name          text,
  receiver_activity_id   text,
  description            text,
  primary key (activity_id, seq)
);
create index iati_transactions_provider_activity on iati_transactions (provider_activity_id) where provider_activity_id is not null;

create table iati_budgets (
  activity_id   uuid not null references iati_activities (id) on delete cascade,
  seq           integer not null,
  type_code     text,
  status_code   text,
  period_start  date not null,
  period_end    date not null,
  value         numeric(24, 4) not null,
  currency      text,
  value_date    date,
  primary key (activity_id, seq)
);

-- The publisher's own IATI settings: its organisation identifier and name, its type, and the DAC sector its
-- activities default to.
insert into settings (key, value) values
  ('iati_org_ref', 'XM-DAC-41302'),
  ('iati_org_name', 'International Labour Organization'),
  ('iati_org_type', '40'),
  ('iati_default_sector', '16020')
on conflict (key) do nothing;

-- Long work (an IATI import or validation of a large file) runs as a job: the request returns at once,
-- the page shows progress, the result is kept. Progress while running is held by the process.
create table jobs (
  id           uuid primary key default gen_random_uuid(),
  kind         text not null,
  status       text not null default 'running' check (status in ('running', 'done', 'failed')),
  title        text not null,
  result       jsonb,
  error        text,
  actor_id     uuid references users (id) on delete set null,
  actor_label  text not null,
  created_at   timestamptz not null default now(),
  finished_at  timestamptz
);
create index jobs_actor on jobs (actor_id, created_at desc);
