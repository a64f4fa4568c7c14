-- Jobs as units: a job is stored with its kind's payload and the actor who asked, queued, and claimed by a server
-- process (FOR UPDATE SKIP LOCKED, so several processes sharing one PostgreSQL never run a job twice). A job that
-- reads an upload is pinned to the process holding the file (`runner` set when queued). Progress is stored, so
-- any process can say how far a job is.
alter table jobs drop constraint jobs_status_check;
alter table jobs add constraint jobs_status_check check (status in ('queued', 'running', 'done', 'failed'));
alter table jobs alter column status set default 'queued';
alter table jobs add column payload jsonb not null default '{}';
alter table jobs add column actor jsonb;
alter table jobs add column progress_done bigint not null default 0;
alter table jobs add column progress_total bigint not null default 0;
alter table jobs add column progress_unit text not null default '';
drop index jobs_running;
create index jobs_open on jobs (status, created_at) where status in ('queued', 'running');
