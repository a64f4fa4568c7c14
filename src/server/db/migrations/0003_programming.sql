-- Country programming: the organisation's presence and constituents per country, UN Cooperation
-- Frameworks (UNDAFs before 2019), organisation-wide frameworks, DWCPs with their CPOs, the
-- indicators of every results node, and the milestones of the UN process calendar.

create table country_profiles (
  country_code       text primary key references countries (code),
  presence           text not null check (presence in ('resident', 'non_resident')),
  covering_office_id uuid not null references offices (id) on delete restrict,
  rc_office          text check (char_length(rc_office) <= 200),
  multi_country_rc   boolean not null default false,
  delivering_as_one  boolean not null default false,
  notes              text check (char_length(notes) <= 4000),
  is_synthetic       boolean not null default false,
  version            integer not null default 1,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index country_profiles_office on country_profiles (covering_office_id);

create table constituents (
  id            uuid primary key default gen_random_uuid(),
  country_code  text not null references country_profiles (country_code) on delete cascade,
  kind          text not null check (kind in ('ministry_of_labour', 'other_ministry', 'employers', 'workers')),
  name          text not null check (char_length(name) between 1 and 300),
  acronym       text check (char_length(acronym) <= 40),
  contact_name  text check (char_length(contact_name) <= 200),
  contact_email text check (char_length(contact_email) <= 254),
  is_synthetic  boolean not null default false,
  version       integer not null default 1,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index constituents_country on constituents (country_code);

create table cf_cycles (
  id           uuid primary key default gen_random_uuid(),
  country_code text not null references country_profiles (country_code) on delete restrict,
  kind         text not null check (kind in ('undaf', 'cooperation_framework')),
  title        text not null check (char_length(title) between 1 and 300),
  period_start date not null,
  period_end   date not null,
  stage        text not null check (stage in ('roadmap', 'cca', 'drafting', 'signed', 'implementation', 'evaluation', 'closed')),
  is_synthetic boolean not null default false,
  version      integer not null default 1,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  check (period_end > period_start)
);
create index cf_cycles_country on cf_cycles (country_code, period_start);

create table cf_priorities (
  id       uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references cf_cycles (id) on delete cascade,
  code     text not null check (char_length(code) between 1 and 20),
  title    text not null check (char_length(title) between 1 and 1000),
  version  integer not null default 1,
  unique (cycle_id, code)
);

create table cf_outcomes (
  id            uuid primary key default gen_random_uuid(),
  cycle_id      uuid not null references cf_cycles (id) on delete cascade,
  priority_id   uuid not null references cf_priorities (id) on delete cascade,
  code          text not null check (char_length(code) between 1 and 20),
  text          text not null check (char_length(text) between 1 and 2000),
  outcome_group text check (char_length(outcome_group) <= 200),
  org_role      text not null default 'none' check (org_role in ('lead', 'co_lead', 'participant', 'none')),
  version       integer not null default 1,
  unique (cycle_id, code)
);
create index cf_outcomes_priority on cf_outcomes (priority_id);

create table cf_outputs (
  id         uuid primary key default gen_random_uuid(),
  outcome_id uuid not null references cf_outcomes (id) on delete cascade,
  code       text not null check (char_length(code) between 1 and 20),
  text       text not null check (char_length(text) between 1 and 2000),
  org_role   text not null default 'none' check (org_role in ('lead', 'co_lead', 'participant', 'none')),
  version    integer not null default 1,
  unique (outcome_id, code)
);

create table cf_outcome_sdg_targets (
  outcome_id  uuid not null references cf_outcomes (id) on delete cascade,
  target_code text not null references sdg_targets (code),
  primary key (outcome_id, target_code)
);
create index cf_outcome_sdg_targets_target on cf_outcome_sdg_targets (target_code);

-- Organisation-wide frameworks: strategic plans and programme-and-budget biennia (data, not hard-wired).
create table org_frameworks (
  id           uuid primary key default gen_random_uuid(),
  kind         text not null check (kind in ('strategic_plan', 'programme_budget')),
  code         text not null unique check (char_length(code) between 1 and 40),
  title        text not null check (char_length(title) between 1 and 300),
  period_start date not null,
  period_end   date not null,
  is_synthetic boolean not null default false,
  version      integer not null default 1,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  check (period_end > period_start)
);

create table org_outcomes (
  id           uuid primary key default gen_random_uuid(),
  framework_id uuid not null references org_frameworks (id) on delete cascade,
  code         text not null check (char_length(code) between 1 and 20),
  title        text not null check (char_length(title) between 1 and 1000),
  unique (framework_id, code)
);

create table dwcps (
  id           uuid primary key default gen_random_uuid(),
  country_code text not null references country_profiles (country_code) on delete restrict,
  title        text not null check (char_length(title) between 1 and 300),
  period_start date not null,
  period_end   date not null,
  status       text not null check (status in ('pipeline', 'draft', 'signed', 'active', 'extended', 'closed')),
  cf_cycle_id  uuid references cf_cycles (id) on delete set null,
  is_synthetic boolean not null default false,
  version      integer not null default 1,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  check (period_end > period_start)
);
create index dwcps_country on dwcps (country_code, period_start);

create table dwcp_priorities (
  id                 uuid primary key default gen_random_uuid(),
  dwcp_id            uuid not null references dwcps (id) on delete cascade,
  code               text not null check (char_length(code) between 1 and 20),
  title              text not null check (char_length(title) between 1 and 1000),
  -- How far the priority is reflected in the CF, as assessed by a person (the computed level is shown beside it).
  alignment_recorded text check (alignment_recorded in ('fully', 'partially', 'not')),
  alignment_evidence text check (char_length(alignment_evidence) <= 4000),
  version            integer not null default 1,
  unique (dwcp_id, code)
);

create table cpos (
  id            uuid primary key default gen_random_uuid(),
  dwcp_id       uuid not null references dwcps (id) on delete cascade,
  priority_id   uuid not null references dwcp_priorities (id) on delete cascade,
  code          text not null check (char_length(code) between 1 and 20),
  text          text not null check (char_length(text) between 1 and 2000),
  derivation    text not null check (derivation in ('derived', 'additional')),
  cf_outcome_id uuid references cf_outcomes (id) on delete restrict,
  justification text check (char_length(justification) <= 4000),
  version       integer not null default 1,
  unique (dwcp_id, code),
  check ((derivation = 'derived' and cf_outcome_id is not null)
      or (derivation = 'additional' and cf_outcome_id is null and char_length(trim(justification)) > 0))
);
create index cpos_priority on cpos (priority_id);
create index cpos_cf_outcome on cpos (cf_outcome_id);

create table cpo_cf_outputs (
  cpo_id       uuid not null references cpos (id) on delete cascade,
  cf_output_id uuid not null references cf_outputs (id) on delete cascade,
  primary key (cpo_id, cf_output_id)
);

create table cpo_org_outcomes (
  cpo_id         uuid not null references cpos (id) on delete cascade,
  org_outcome_id uuid not null references org_outcomes (id) on delete restrict,
  primary key (cpo_id, org_outcome_id)
);

create table cpo_sdg_targets (
  cpo_id      uuid not null references cpos (id) on delete cascade,
  target_code text not null references sdg_targets (code),
  primary key (cpo_id, target_code)
);

-- Indicators on any results node; targets and milestones are never overwritten, only superseded.
create table indicators (
  id             uuid primary key default gen_random_uuid(),
  node_type      text not null check (node_type in ('cf_outcome', 'cpo', 'org_outcome')),
  node_id        uuid not null,
  code           text check (char_length(code) <= 20),
  title          text not null check (char_length(title) between 1 and 1000),
  unit           text not null check (char_length(unit) between 1 and 60),
  baseline_value numeric,
  baseline_date  date,
  version        integer not null default 1,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index indicators_node on indicators (node_type, node_id);

create table indicator_targets (
  id            bigserial primary key,
  indicator_id  uuid not null references indicators (id) on delete cascade,
  kind          text not null check (kind in ('target', 'milestone')),
  period_start  date not null,
  period_end    date not null,
  value         numeric not null,
  reason        text check (char_length(reason) <= 2000),
  set_at        timestamptz not null default now(),
  set_by        text not null,
  superseded_at timestamptz,
  check (period_end >= period_start)
);
create unique index indicator_targets_current on indicator_targets (indicator_id, kind, period_start, period_end) where superseded_at is null;

create table indicator_actuals (
  id           bigserial primary key,
  indicator_id uuid not null references indicators (id) on delete cascade,
  period_start date not null,
  period_end   date not null,
  value        numeric not null,
  source       text not null check (char_length(source) between 1 and 500),
  comment      text check (char_length(comment) <= 2000),
  recorded_at  timestamptz not null default now(),
  check (period_end >= period_start)
);
create index indicator_actuals_indicator on indicator_actuals (indicator_id, period_start);

-- Dated steps of the UN and DWCP processes, per country: the calendar constituents are told about in advance.
create table programming_milestones (
  id           uuid primary key default gen_random_uuid(),
  country_code text not null references country_profiles (country_code) on delete cascade,
  cf_cycle_id  uuid references cf_cycles (id) on delete cascade,
  dwcp_id      uuid references dwcps (id) on delete cascade,
  kind         text not null check (kind in ('cca', 'cf_roadmap', 'cf_consultation', 'cf_drafting', 'cf_signature', 'cf_annual_review',
                 'cf_evaluation', 'dwcp_formulation', 'dwcp_consultation', 'dwcp_signature', 'dwcp_review', 'vnr', 'other')),
  title        text not null check (char_length(title) between 1 and 300),
  due_date     date not null,
  done_on      date,
  notify_days  integer not null default 30 check (notify_days between 0 and 365),
  is_synthetic boolean not null default false,
  version      integer not null default 1,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index programming_milestones_due on programming_milestones (due_date);
create index programming_milestones_country on programming_milestones (country_code, due_date);
