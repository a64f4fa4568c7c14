import type { Selectable } from 'kysely';
import type { Job, JobProgress, JobStatus } from '../../shared/contracts/jobs.ts';
import type { DB } from '../db/schema.ts';

type JobRow = Selectable<DB['jobs']>;

/**
 * The API's shape of a job: its status, its progress while it is queued or running (given by the caller: known at
 * once by the process running it), its result when done, or why it failed.
 */
export function presentJob(row: Pick<JobRow, 'id' | 'kind' | 'title' | 'status' | 'result' | 'error' | 'created_at' | 'finished_at'>, progress: JobProgress | null): Job {
  const job: Omit<Job, 'kind' | 'result'> = {
    id: row.id,
    title: row.title,
    status: row.status as JobStatus,
    progress,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
  // The kind is one the registry knows (a job is queued only by its kind), and the result is what its `run` returned,
  // typed by the kind's result schema: the Job contract pairs each kind with that schema.
  return { ...job, kind: row.kind, result: row.result } as Job;
}
