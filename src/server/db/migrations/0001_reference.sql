-- Reference data from the real standards (IATI 2.03 codelists, SDG framework). Loaded by
-- src/server/reference/load-reference.ts; read-only for everybody else.
create table codelists (
  name        text primary key,
  title       text not null,
  category    text,
  complete    boolean not null,
  embedded    boolean not null,
  source      text not null
);

create table codelist_codes (
  codelist    text not null references codelists (name) on delete cascade,
  code        text not null,
  name_en     text not null,
  name_fr     text,
  name_es     text,
  description text,
  category    text,
  status      text not null default 'active' check (status in ('active', 'withdrawn')),
  primary key (codelist, code)
);

create table countries (
  code    text primary key check (code ~ '^[A-Z]{2}$'),
  name_en text not null,
  name_fr text not null,
  name_es text not null,
  status  text not null default 'active'
);

create table regions (
  code       text primary key,
  vocabulary text not null default '1',
  name_en    text not null,
  name_fr    text not null,
  name_es    text not null,
  status     text not null default 'active'
);

create table currencies (
  code    text primary key check (code ~ '^[A-Z]{3}$'),
  name_en text not null,
  name_fr text not null,
  name_es text not null,
  status  text not null default 'active'
);

create table sdg_goals (
  code     text primary key,
  short_en text,
  title_en text not null,
  title_fr text not null,
  title_es text not null
);

create table sdg_targets (
  code      text primary key,
  goal_code text not null references sdg_goals (code),
  title_en  text not null,
  title_fr  text not null,
  title_es  text not null
);
create index sdg_targets_goal on sdg_targets (goal_code);

create table sdg_indicators (
  code        text primary key,
  target_code text not null references sdg_targets (code),
  title_en    text not null,
  title_fr    text not null,
  title_es    text not null
);
create index sdg_indicators_target on sdg_indicators (target_code);

-- One row per loaded source file set, so a start-up reloads only what changed.
create table reference_loads (
  source    text primary key,
  checksum  text not null,
  loaded_at timestamptz not null default now()
);
