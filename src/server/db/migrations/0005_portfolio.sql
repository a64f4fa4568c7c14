-- Partners and resource mobilisation, and the project portfolio (issue 4, first part).

alter table partners add column partner_type text not null default 'government' check (partner_type in
  ('government', 'government_agency', 'eu', 'ifi', 'un_entity', 'pooled_fund', 'private_sector', 'foundation',
   'south_south', 'programme_country', 'ngo', 'other'));
alter table partners add column country_code text references countries (code);
alter table partners add column confidential boolean not null default false;

-- Due diligence of private-sector partners (UN Common Approach): an agreement needs a current, positive review.
create table due_diligence_reviews (
  id          uuid primary key default gen_random_uuid(),
  partner_id  uuid not null references partners (id) on delete cascade,
  reviewed_on date not null,
  valid_until date not null,
  criteria    jsonb not null default '{}',
  risk_rating text not null check (risk_rating in ('low', 'medium', 'high')),
  decision    text not null check (decision in ('approved', 'approved_with_conditions', 'rejected')),
  reviewer    text not null check (char_length(reviewer) between 1 and 200),
  notes       text check (char_length(notes) <= 4000),
  created_at  timestamptz not null default now(),
  check (valid_until > reviewed_on)
);
create index due_diligence_partner on due_diligence_reviews (partner_id, valid_until);

-- Funding sources are the organisation's own vocabulary: data, not code.
create table funding_sources (
  code    text primary key check (code ~ '^[A-Z0-9-]{2,12}$'),
  name_en text not null,
  name_fr text not null,
  name_es text not null,
  kind    text not null check (kind in ('assessed', 'voluntary_core', 'voluntary_earmarked', 'other'))
);
insert into funding_sources (code, name_en, name_fr, name_es, kind) values
  ('RB', 'Regular budget', 'Budget ordinaire', 'Presupuesto ordinario', 'assessed'),
  ('RBTC', 'Regular budget technical cooperation', 'Coopération technique du budget ordinaire', 'Cooperación técnica con cargo al presupuesto ordinario', 'assessed'),
  ('RBSA', 'Regular Budget Supplementary Account', 'Compte supplémentaire du budget ordinaire', 'Cuenta Suplementaria del Presupuesto Ordinario', 'voluntary_core'),
  ('XBDC', 'Extra-budgetary development cooperation', 'Coopération pour le développement extrabudgétaire', 'Cooperación para el desarrollo con cargo a recursos extrapresupuestarios', 'voluntary_earmarked');

create table agreements (
  id                    uuid primary key default gen_random_uuid(),
  code                  text not null unique check (char_length(code) between 1 and 40),
  title                 text not null check (char_length(title) between 1 and 300),
  partner_id            uuid not null references partners (id) on delete restrict,
  period_start          date not null,
  period_end            date not null,
  earmarking            text not null check (earmarking in ('unearmarked', 'softly_earmarked', 'tightly_earmarked')),
  funding_source        text not null references funding_sources (code),
  currency              text not null references currencies (code),
  status                text not null default 'signed' check (status in ('draft', 'signed', 'closed')),
  is_synthetic          boolean not null default false,
  version               integer not null default 1,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  check (period_end > period_start)
);
create index agreements_partner on agreements (partner_id);

-- Contributions by year, in the agreement's currency (never a float).
create table agreement_amounts (
  agreement_id uuid not null references agreements (id) on delete cascade,
  year         integer not null check (year between 1990 and 2100),
  amount       numeric(20, 4) not null check (amount >= 0),
  primary key (agreement_id, year)
);

-- The coordination levy (GB.338/INS/9 §19): a rate on tightly earmarked third-party contributions, with
-- exemptions as data (by partner type or by partner).
create table levy_rules (
  id             uuid primary key default gen_random_uuid(),
  rate           numeric(6, 4) not null check (rate >= 0 and rate < 1),
  earmarking     text not null check (earmarking in ('unearmarked', 'softly_earmarked', 'tightly_earmarked')),
  effective_from date not null,
  source         text not null
);
insert into levy_rules (rate, earmarking, effective_from, source)
  values (0.01, 'tightly_earmarked', '2019-01-01', 'UN General Assembly resolution 72/279 (1% coordination levy); GB.338/INS/9 §19');

create table levy_exemptions (
  id           uuid primary key default gen_random_uuid(),
  partner_type text,
  partner_id   uuid references partners (id) on delete cascade,
  reason       text not null check (char_length(reason) between 1 and 500),
  check ((partner_type is null) <> (partner_id is null))
);
insert into levy_exemptions (partner_type, reason) values
  ('programme_country', 'Domestic resources of the programme country are not third-party contributions'),
  ('pooled_fund', 'Inter-agency pooled funds are exempt'),
  ('un_entity', 'Contributions from UN entities are exempt');

create table projects (
  id             uuid primary key default gen_random_uuid(),
  code           text not null unique check (char_length(code) between 1 and 40),
  title          text not null check (char_length(title) between 1 and 500),
  title_fr       text check (char_length(title_fr) <= 500),
  title_es       text check (char_length(title_es) <= 500),
  description    text check (char_length(description) <= 10000),
  place          text not null check (place in ('country', 'region', 'global')),
  country_code   text references countries (code),
  region_code    text references regions (code),
  office_id      uuid not null references offices (id) on delete restrict,
  funding_source text not null references funding_sources (code),
  planned_start  date not null,
  planned_end    date not null,
  actual_start   date,
  actual_end     date,
  status         text not null default 'pipeline' check (status in ('pipeline', 'appraisal', 'approved', 'active', 'closed')),
  probability    numeric(5, 2) check (probability between 0 and 100),
  -- IATI policy markers, significance 0 (not targeted) … 2 (principal objective)
  marker_gender          smallint not null default 0 check (marker_gender between 0 and 2),
  marker_standards       smallint not null default 0 check (marker_standards between 0 and 2),
  marker_social_dialogue smallint not null default 0 check (marker_social_dialogue between 0 and 2),
  marker_environment     smallint not null default 0 check (marker_environment between 0 and 2),
  confidential   boolean not null default false,
  is_synthetic   boolean not null default false,
  version        integer not null default 1,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  check (planned_end >= planned_start),
  check ((place = 'country') = (country_code is not null)),
  check ((place = 'region') = (region_code is not null))
);
create index projects_office on projects (office_id);
create index projects_country on projects (country_code);
create index projects_status on projects (status);

create table project_partners (
  project_id uuid not null references projects (id) on delete cascade,
  partner_id uuid not null references partners (id) on delete restrict,
  role       text not null check (role in ('funding', 'implementing', 'accountable', 'joint_programme')),
  primary key (project_id, partner_id, role)
);
create index project_partners_partner on project_partners (partner_id, role);

create table project_agreements (
  project_id   uuid not null references projects (id) on delete cascade,
  agreement_id uuid not null references agreements (id) on delete restrict,
  primary key (project_id, agreement_id)
);

create table project_status_history (
  id          bigserial primary key,
  project_id  uuid not null references projects (id) on delete cascade,
  from_status text,
  to_status   text not null,
  at          timestamptz not null default now(),
  actor_label text not null,
  note        text check (char_length(note) <= 2000)
);
create index project_status_history_project on project_status_history (project_id, id);

-- Links with shares: a project contributes to country programme outcomes and organisation-wide outcomes.
create table project_cpo_links (
  project_id uuid not null references projects (id) on delete cascade,
  cpo_id     uuid not null references cpos (id) on delete restrict,
  share      numeric(5, 2) not null check (share > 0 and share <= 100),
  primary key (project_id, cpo_id)
);
create table project_org_outcome_links (
  project_id     uuid not null references projects (id) on delete cascade,
  org_outcome_id uuid not null references org_outcomes (id) on delete restrict,
  share          numeric(5, 2) not null check (share > 0 and share <= 100),
  primary key (project_id, org_outcome_id)
);
create table project_cf_outcome_links (
  project_id    uuid not null references projects (id) on delete cascade,
  cf_outcome_id uuid not null references cf_outcomes (id) on delete restrict,
  primary key (project_id, cf_outcome_id)
);
create table project_sdg_targets (
  project_id  uuid not null references projects (id) on delete cascade,
  target_code text not null references sdg_targets (code),
  primary key (project_id, target_code)
);

-- The project's own results framework uses the same indicators as every results node.
alter table indicators drop constraint indicators_node_type_check;
alter table indicators add constraint indicators_node_type_check check (node_type in ('cf_outcome', 'cpo', 'org_outcome', 'project'));
