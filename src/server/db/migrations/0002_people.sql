-- Offices, partners (the scope of donor viewers), users, sessions, sign-in failures, audit trail.
create table offices (
  id           uuid primary key default gen_random_uuid(),
  code         text not null unique check (char_length(code) between 1 and 32),
  name         text not null check (char_length(name) between 1 and 200),
  office_type  text not null check (office_type in
                 ('headquarters', 'hq_department', 'regional_office', 'country_office', 'technical_support_team', 'liaison_office')),
  parent_id    uuid references offices (id) on delete restrict,
  -- Materialised path of ids, '/root/…/self/': a subtree is one indexed prefix match.
  path         text not null unique,
  country_code text references countries (code),
  city         text check (char_length(city) <= 100),
  email        text check (char_length(email) <= 254),
  is_synthetic boolean not null default false,
  version      integer not null default 1,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  -- The tree's roots are headquarters, and only they.
  check ((parent_id is null) = (office_type = 'headquarters'))
);
create index offices_path on offices (path text_pattern_ops);
create index offices_parent on offices (parent_id);

create table partners (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique check (char_length(code) between 1 and 32),
  name             text not null check (char_length(name) between 1 and 200),
  organisation_ref text,
  is_synthetic     boolean not null default false,
  version          integer not null default 1,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);

create table users (
  id            uuid primary key default gen_random_uuid(),
  email         text not null check (char_length(email) between 3 and 254),
  name          text not null check (char_length(name) between 1 and 200),
  password_hash text,
  role          text not null check (role in ('admin', 'hq_officer', 'office_manager', 'programme_officer',
                  'evaluation_officer', 'viewer', 'donor_viewer', 'constituent_viewer')),
  office_id     uuid references offices (id) on delete restrict,
  partner_id    uuid references partners (id) on delete restrict,
  country_code  text references countries (code),
  locale        text not null default 'en' check (locale in ('en', 'fr', 'es')),
  active        boolean not null default true,
  version       integer not null default 1,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  -- Every right is scoped: office roles need an office, donor viewers a partner, constituent viewers a country.
  check (
    (role in ('admin', 'hq_officer'))
    or (role in ('office_manager', 'programme_officer', 'evaluation_officer', 'viewer') and office_id is not null)
    or (role = 'donor_viewer' and partner_id is not null)
    or (role = 'constituent_viewer' and country_code is not null)
  )
);
create unique index users_email on users (lower(email));

create table sessions (
  id           text primary key, -- sha-256 of the token held in the cookie; the token itself is never stored
  user_id      uuid not null references users (id) on delete cascade,
  csrf_token   text not null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index sessions_user on sessions (user_id);

create table login_failures (
  id     bigserial primary key,
  email  text not null,
  client text not null,
  at     timestamptz not null default now()
);
create index login_failures_email on login_failures (email, at);
create index login_failures_client on login_failures (client, at);

-- Append-only: who, when, through which path, what entity, before and after.
create table audit_log (
  id          bigserial primary key,
  at          timestamptz not null default clock_timestamp(),
  actor_id    uuid,
  actor_label text not null,
  via         text not null check (via in ('api', 'cli', 'import', 'demo', 'system')),
  action      text not null,
  entity_type text not null,
  entity_id   text,
  before      jsonb,
  after       jsonb,
  request_id  text
);
create index audit_log_entity on audit_log (entity_type, entity_id, id);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_id, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only' using errcode = '42501';
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
