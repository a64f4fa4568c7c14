-- Money: exchange rates, allocations, expenditure and commitments imported from ERP exports.

create table settings (
  key        text primary key,
  value      text not null,
  updated_at timestamptz not null default now()
);
insert into settings (key, value) values ('reporting_currency', 'USD');

-- Monthly operational rates, expressed as units of the currency for one US dollar.
create table exchange_rates (
  currency text not null references currencies (code),
  month    date not null check (extract(day from month) = 1),
  per_usd  numeric(24, 8) not null check (per_usd > 0),
  source   text not null check (char_length(source) between 1 and 200),
  primary key (currency, month)
);

create table allocations (
  project_id uuid not null references projects (id) on delete cascade,
  year       integer not null check (year between 1990 and 2100),
  amount     numeric(20, 4) not null check (amount >= 0),
  currency   text not null references currencies (code),
  source     text not null,
  primary key (project_id, year)
);

create table imports (
  id          bigserial primary key,
  kind        text not null check (kind in ('financial', 'rates')),
  file_name   text not null,
  file_sha256 text not null,
  at          timestamptz not null default now(),
  actor_label text not null,
  rows        integer not null,
  inserted    integer not null,
  updated     integer not null,
  unchanged   integer not null
);
create index imports_sha on imports (file_sha256);

-- Expenditure and commitments by month; the ERP line reference makes a re-import update, never duplicate.
create table financial_lines (
  id         bigserial primary key,
  project_id uuid not null references projects (id) on delete cascade,
  kind       text not null check (kind in ('expenditure', 'commitment')),
  period     date not null check (extract(day from period) = 1),
  amount     numeric(20, 4) not null,
  currency   text not null references currencies (code),
  source_ref text not null check (char_length(source_ref) between 1 and 100),
  import_id  bigint references imports (id),
  unique (kind, source_ref)
);
create index financial_lines_project on financial_lines (project_id, period);

-- A saved column mapping for an ERP export layout.
create table import_mappings (
  id         uuid primary key default gen_random_uuid(),
  name       text not null unique check (char_length(name) between 1 and 100),
  mapping    jsonb not null,
  created_at timestamptz not null default now()
);
