-- Which process runs a job and when it last said it was alive: at start, and every minute on a PostgreSQL
-- server, the jobs of a process that has stopped (kill -9, power cut) are marked failed rather than read
-- `running` forever.
alter table jobs add column runner text;
alter table jobs add column heartbeat_at timestamptz;
create index jobs_running on jobs (status) where status = 'running';
