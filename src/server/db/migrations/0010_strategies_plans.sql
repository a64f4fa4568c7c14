-- Strategies (C8) and action plans (C9): what the Governing Body papers report on (seeds 000, 002, 004).

-- A strategy: outcomes with indicators, milestones by period and a costing table (002 is the model).
create table strategies (
  id              uuid primary key default gen_random_uuid(),
  code            text not null unique check (code ~ '^[A-Za-z0-9._-]{1,40}$'),
  title           text not null check (char_length(title) between 1 and 300),
  period_start    date not null,
  period_end      date not null,
  document_symbol text check (char_length(document_symbol) <= 60),
  currency        text not null references currencies (code),
  -- an indicator is "at risk" within this many points (percentages) or per cent (numbers) below its milestone
  at_risk_margin  numeric(6, 2) not null default 10 check (at_risk_margin >= 0),
  introduction    text check (char_length(introduction) <= 20000),
  -- the costing table's title ("Estimated biennial cost of the enhanced Technical Cooperation Strategy")
  costing_title   text check (char_length(costing_title) <= 300),
  is_synthetic    boolean not null default false,
  version         integer not null default 1,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check (period_end > period_start)
);

-- The periods milestones are set for (002: the biennia 2010–11, 2012–13, 2014–15), inside the strategy.
create table strategy_periods (
  id          uuid primary key default gen_random_uuid(),
  strategy_id uuid not null references strategies (id) on delete cascade,
  label       text not null check (char_length(label) between 1 and 40),
  start_date  date not null,
  end_date    date not null,
  unique (strategy_id, label),
  check (end_date > start_date)
);

create table strategy_outcomes (
  id                  uuid primary key default gen_random_uuid(),
  strategy_id         uuid not null references strategies (id) on delete cascade,
  number              integer not null check (number between 1 and 99),
  title               text not null check (char_length(title) between 1 and 1000),
  strategy_text       text check (char_length(strategy_text) <= 40000),
  linkages            text check (char_length(linkages) <= 20000),
  assumptions_risks   text check (char_length(assumptions_risks) <= 20000),
  -- the costing table (002 Table 1): resources available, whether the figure is an estimate ("Ca."),
  -- key outputs, and the resource gap
  available_resources numeric(20, 2) check (available_resources >= 0),
  resources_estimated boolean not null default true,
  key_outputs         jsonb not null default '[]',
  resource_gap        numeric(20, 2) check (resource_gap >= 0),
  version             integer not null default 1,
  unique (strategy_id, number)
);

-- An indicator: its value is entered by hand (strategy_indicator_values) or computed by a named formula.
create table strategy_indicators (
  id             uuid primary key default gen_random_uuid(),
  outcome_id     uuid not null references strategy_outcomes (id) on delete cascade,
  number         text not null check (number ~ '^[0-9]{1,2}\.[0-9]{1,2}$'),
  text           text not null check (char_length(text) between 1 and 2000),
  -- as written ("TC results for 2008–09", "To be set in 2010") and, when known, as a number
  baseline_text  text not null check (char_length(baseline_text) between 1 and 300),
  baseline_value numeric(20, 4),
  baseline_note  text check (char_length(baseline_note) <= 1000),
  target_text    text not null check (char_length(target_text) between 1 and 300),
  target_value   numeric(20, 4),
  -- percent: the value is a percentage; number: a count; increase: a count whose milestones are % over baseline
  unit           text not null check (unit in ('percent', 'number', 'increase')),
  formula        text check (char_length(formula) <= 60),
  version        integer not null default 1,
  updated_at     timestamptz not null default now(),
  unique (outcome_id, number)
);

create table strategy_milestones (
  indicator_id uuid not null references strategy_indicators (id) on delete cascade,
  period_id    uuid not null references strategy_periods (id) on delete cascade,
  -- as written in the paper ("Appraisal: 75 per cent") and as a number for the status rule
  label        text not null check (char_length(label) between 1 and 500),
  value        numeric(20, 4),
  primary key (indicator_id, period_id)
);

-- Values entered by hand, with their source; kept, never overwritten (the latest as at a date counts).
create table strategy_indicator_values (
  id           bigserial primary key,
  indicator_id uuid not null references strategy_indicators (id) on delete cascade,
  as_of        date not null,
  value        numeric(20, 4) not null,
  source       text not null check (char_length(source) between 1 and 500),
  actor_label  text not null,
  at           timestamptz not null default now()
);
create index strategy_indicator_values_indicator on strategy_indicator_values (indicator_id, as_of);

-- An action plan: components and numbered action items with dated status updates (000 and 004 appendices).
create table action_plans (
  id           uuid primary key default gen_random_uuid(),
  code         text not null unique check (code ~ '^[A-Za-z0-9._-]{1,40}$'),
  title        text not null check (char_length(title) between 1 and 500),
  -- the day the plan was endorsed: nothing can be reported about it as at an earlier date
  adopted_on   date not null,
  -- "Component" (000) or "Part" (004): what the plan calls its divisions
  division_label text not null default 'Component' check (char_length(division_label) between 1 and 40),
  introduction text check (char_length(introduction) <= 20000),
  is_synthetic boolean not null default false,
  version      integer not null default 1,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);

create table action_plan_components (
  id      uuid primary key default gen_random_uuid(),
  plan_id uuid not null references action_plans (id) on delete cascade,
  number  text not null check (char_length(number) between 1 and 10),
  title   text not null check (char_length(title) between 1 and 1000),
  ord     integer not null,
  unique (plan_id, number)
);

create table action_items (
  id               uuid primary key default gen_random_uuid(),
  component_id     uuid not null references action_plan_components (id) on delete cascade,
  number           text not null check (char_length(number) between 1 and 10),
  title            text not null check (char_length(title) between 1 and 2000),
  context          text check (char_length(context) <= 20000),
  responsible_unit text check (char_length(responsible_unit) <= 200),
  -- as written ("By end 2019", "2019–20", "Continuously") and, when it names one, as a date
  due_text         text not null check (char_length(due_text) between 1 and 300),
  due_date         date,
  ord              integer not null,
  version          integer not null default 1,
  updated_at       timestamptz not null default now(),
  unique (component_id, number)
);

-- Status updates: append-only, each later than the one before (the "status as at" history).
create table action_item_statuses (
  id          bigserial primary key,
  item_id     uuid not null references action_items (id) on delete cascade,
  as_of       date not null,
  -- what the paper says ("Completed/ongoing") and how far it is, for the overdue flag
  status      text not null check (char_length(status) between 1 and 4000),
  progress    text not null check (progress in ('not_started', 'in_progress', 'completed')),
  narrative   text check (char_length(narrative) <= 20000),
  actor_label text not null,
  at          timestamptz not null default now(),
  unique (item_id, as_of)
);
