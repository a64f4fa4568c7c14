-- IATI publishing, the rest of issue 5: documents of a project, activities related to it, and
-- disbursements (money passed on to an implementing partner) among the ERP lines.

-- A project's documents, published as IATI document-links unless confidential: where to read it (a web
-- address; devcoop keeps no files), its IATI DocumentCategory and FileFormat codes, language and date.
create table project_documents (
  id            uuid primary key default gen_random_uuid(),
  project_id    uuid not null references projects (id) on delete cascade,
  title         text not null check (char_length(title) between 1 and 300),
  url           text not null check (url ~ '^https?://[^\s]+$' and char_length(url) <= 2000),
  format        text not null,
  category      text not null,
  language      text not null default 'en' check (language ~ '^[a-z]{2}$'),
  document_date date,
  confidential  boolean not null default false,
  is_synthetic  boolean not null default false,
  version       integer not null default 1,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (project_id, url)
);

-- Activities related to a project by IATI identifier and RelatedActivityType (1 parent, 2 child,
-- 3 sibling, 4 co-funded, 5 third party); edited with the project (its version guards them).
create table project_related_activities (
  project_id   uuid not null references projects (id) on delete cascade,
  activity_ref text not null check (char_length(activity_ref) between 1 and 200 and activity_ref !~ '\s'),
  relation     text not null check (relation in ('1', '2', '3', '4', '5')),
  primary key (project_id, activity_ref, relation)
);

-- Disbursements are delivered money (they count in expenditure for the delivery rate) published as
-- their own IATI transaction type; the facts keep their cumulative months apart to tell them.
alter table financial_lines drop constraint financial_lines_kind_check;
alter table financial_lines add constraint financial_lines_kind_check check (kind in ('expenditure', 'commitment', 'disbursement'));
alter table project_finance add column disbursement_to_month numeric(20, 4)[]
  check (disbursement_to_month is null or cardinality(disbursement_to_month) = 12);

-- What an activity of the published file is: each project, or each country programme outcome in each
-- biennium (`cpo_biennium`), as some UN agencies publish.
insert into settings (key, value) values ('iati_activity_unit', 'project') on conflict (key) do nothing;
