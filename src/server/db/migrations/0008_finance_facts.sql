-- Delivery facts, watch-list actions and resource needs (issue 4, second part).

-- Each project's money for a year in the reporting currency, converted once when its inputs change
-- (lines imported, an allocation set, rates loaded, the reporting currency changed) so that dashboards
-- sum thousands of projects in SQL. `basis` names every rate used; a project with `problems` (a missing
-- rate) has null amounts and is counted apart, never guessed.
create table project_finance (
  project_id            uuid not null references projects (id) on delete cascade,
  year                  integer not null check (year between 1990 and 2100),
  currency              text not null references currencies (code),
  allocation            numeric(20, 4),
  expenditure           numeric(20, 4),
  commitment            numeric(20, 4),
  -- cumulative by month: [i] = January through month i, so "through month m" is one subscript
  expenditure_to_month  numeric(20, 4)[] check (expenditure_to_month is null or cardinality(expenditure_to_month) = 12),
  commitment_to_month   numeric(20, 4)[] check (commitment_to_month is null or cardinality(commitment_to_month) = 12),
  last_expenditure      date,
  basis                 jsonb not null default '[]',
  problems              jsonb not null default '[]',
  primary key (project_id, year)
);
create index project_finance_year on project_finance (year);

-- An office manager acts on the watch list: acknowledges a flag, says what is being done, or closes it.
create table warning_actions (
  id          bigserial primary key,
  project_id  uuid not null references projects (id) on delete cascade,
  rule_code   text not null references warning_rules (code) on delete cascade,
  status      text not null check (status in ('acknowledged', 'action_taken', 'dismissed')),
  comment     text not null check (char_length(comment) between 1 and 2000),
  at          timestamptz not null default now(),
  actor_label text not null
);
create index warning_actions_project on warning_actions (project_id, rule_code, id);

alter table warning_rules add column version integer not null default 1;

-- Resources needed per country programme outcome for a period (002 §26: the outcome-based workplan
-- identifies the resources needed, those available, and so the gap; indicator 1.1 is the share filled).
create table resource_needs (
  id                    uuid primary key default gen_random_uuid(),
  cpo_id                uuid not null references cpos (id) on delete cascade,
  year_from             integer not null check (year_from between 1990 and 2100),
  year_to               integer not null check (year_to between 1990 and 2100),
  currency              text not null references currencies (code),
  needed                numeric(20, 4) not null check (needed >= 0),
  -- what was available when the need was identified: the gap then is needed - available_at_identification
  available_at_identification numeric(20, 4) not null default 0 check (available_at_identification >= 0),
  identified_on         date not null,
  note                  text check (char_length(note) <= 2000),
  is_synthetic          boolean not null default false,
  version               integer not null default 1,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  check (year_to >= year_from and year_to - year_from < 10),
  unique (cpo_id, year_from, year_to)
);

-- The region an office belongs to: the nearest regional office above it (or itself); headquarters and
-- its units have none. One definition for every "by region" figure.
create view office_regions as
select o.id as office_id, r.id as region_id, coalesce(r.name, 'Headquarters and global') as region
from offices o
left join lateral (
  select x.id, x.name from offices x
  where x.office_type = 'regional_office' and o.path like x.path || '%'
  order by length(x.path) desc limit 1
) r on true;
