import { rm } from 'node:fs/promises';
import { type Kysely, sql } from 'kysely';
import type { Job } from '../../shared/contracts/jobs.ts';
import type { Actor } from '../access/actor.ts';
import { holds, requireRight } from '../access/rights.ts';
import type { DatabaseKind } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../errors.ts';
import { presentJob } from './job.presenter.ts';
import type { JobKind } from './job-kind.ts';
import { localProgress, RUNNER, runnerFor } from './job-runner.ts';
import { receiveUpload, uploadPath } from './uploads.ts';

/** What a job of a stopped process says: true for every job, since work that stores anything stores its outcome in the same transaction. */
export const STOPPED =
  'The server stopped while this job was running (it was ended outright, before the job finished). A job stores its work together with its outcome, so nothing of it was stored: run it again.';

/**
 * Queues a job of a kind that reads no upload, with its payload (checked against the kind's schema), if the actor holds
 * the kind's right; returns its id at once, and this process's runner is woken to claim it.
 */
export async function startJob<P>(deps: Deps, actor: Actor, kind: JobKind<P>, payload: P): Promise<{ id: string }> {
  if (kind.upload) throw new Error(`Job kind ${kind.kind} reads an upload: start it with startUploadJob`);
  requireRight(actor, kind.right);
  return queue(deps, actor, kind, payload);
}

/**
 * Receives the upload of a job whose kind reads one (the right checked first, the size within the kind's limit),
 * then queues the job with the payload made from the upload's size. The job is pinned to this process, which holds the file.
 */
export async function startUploadJob<P>(
  deps: Deps,
  actor: Actor,
  kind: JobKind<P>,
  body: ReadableStream<Uint8Array> | null,
  payload: (bytes: number) => P,
): Promise<{ id: string }> {
  if (!kind.upload) throw new Error(`Job kind ${kind.kind} reads no upload: start it with startJob`);
  requireRight(actor, kind.right);
  const file = await receiveUpload(body, deps.config.uploadsDir, kind.upload.maxBytes(deps.config), kind.upload.setting);
  return queue(deps, actor, kind, payload(file.bytes), file);
}

async function queue<P>(deps: Deps, actor: Actor, kind: JobKind<P>, payload: P, upload?: { jobId: string }): Promise<{ id: string }> {
  try {
    const parsed = kind.payload.safeParse(payload);
    if (!parsed.success) throw new AppError('INVALID_INPUT', `The job's input is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const { total, unit } = await kind.measure(parsed.data, { deps, upload: upload ? uploadPath(deps.config.uploadsDir, upload.jobId) : null });
    const row = await deps.db
      .insertInto('jobs')
      .values({
        ...(upload ? { id: upload.jobId, runner: RUNNER } : { runner: null }),
        kind: kind.kind,
        status: 'queued',
        title: kind.title(parsed.data),
        payload: JSON.stringify(parsed.data),
        actor: JSON.stringify(actor),
        actor_id: actor.userId,
        actor_label: actor.label,
        progress_total: total,
        progress_unit: unit,
        result: null,
        error: null,
        finished_at: null,
        heartbeat_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    runnerFor(deps).wake();
    return { id: row.id };
  } catch (err) {
    if (upload) await rm(uploadPath(deps.config.uploadsDir, upload.jobId), { force: true });
    throw err;
  }
}

/**
 * Marks failed the jobs of processes that have stopped, saying what happened to their data: running jobs, and queued
 * ones pinned to the process holding their upload. On the embedded database every such job is dead (this process has
 * just taken the folder); on a server, one whose process has not been heard from for `staleSeconds`. A queued job
 * with no upload waits for any process to claim it. Returns the ids marked.
 */
export async function failJobsOfStoppedProcesses(db: Kysely<DB>, dbKind: DatabaseKind, staleSeconds: number): Promise<string[]> {
  let q = db
    .updateTable('jobs')
    .set({ status: 'failed', error: STOPPED, finished_at: sql<string>`now()` })
    .where((eb) => eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'queued'), eb('runner', 'is not', null)])]));
  if (dbKind === 'postgres')
    q = q
      .where((eb) => eb.or([eb('runner', 'is', null), eb('runner', '!=', RUNNER)]))
      .where(sql<boolean>`coalesce(heartbeat_at, created_at) < now() - make_interval(secs => ${staleSeconds})`);
  return (await q.returning('id').execute()).map((r) => r.id);
}

/** A job as its starter sees it: status, progress while running, the result when done. Others' jobs are not found (unless the role reads every job). */
export async function getJob(db: Kysely<DB>, id: string, actor: Actor): Promise<Job> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.actor_id !== actor.userId && !holds(actor, 'jobs.read'))) throw notFound('Job', id);
  const stored = { done: Number(row.progress_done), total: Number(row.progress_total), unit: row.progress_unit };
  // Known at once by the process running it; otherwise as stored (every second, by a process on a shared server).
  return presentJob(row, row.status === 'running' || row.status === 'queued' ? (localProgress.get(id) ?? stored) : null);
}
