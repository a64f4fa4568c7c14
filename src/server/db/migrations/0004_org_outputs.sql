-- Outputs of organisation-wide outcomes (a programme and budget's outcomes have outputs).
create table org_outputs (
  id         uuid primary key default gen_random_uuid(),
  outcome_id uuid not null references org_outcomes (id) on delete cascade,
  code       text not null check (char_length(code) between 1 and 20),
  title      text not null check (char_length(title) between 1 and 1000),
  unique (outcome_id, code)
);
