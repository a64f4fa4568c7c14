import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { holds } from '../access/rights.ts';
import type { Config } from '../config.ts';
import type { DatabaseKind } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors.ts';

/** How far a running job has come, held by the process (a job's own transaction would hide it). */
export interface Progress {
  done: number;
  total: number;
  unit: string;
}

/** This process, as the runner of its jobs: a new id at every start, so a restarted server never mistakes a dead run for its own. */
export const RUNNER = randomUUID();
/** On a PostgreSQL server a running job's row is touched four times per `jobStaleSeconds` (DEVCOOP_JOB_STALE_SECONDS); one not touched for that long belongs to a stopped process. */
const heartbeatMs = (staleSeconds: number) => Math.max(250, (staleSeconds * 1000) / 4);

/** What a job of a stopped process says: true for every job, since work that stores anything stores its outcome in the same transaction. */
export const STOPPED =
  'The server stopped while this job was running (it was ended outright, before the job finished). A job stores its work together with its outcome, so nothing of it was stored: run it again.';

export interface JobContext {
  progress(done: number): void;
  /**
   * Records the job as done inside the work's own transaction: the outcome commits with the data, or neither does.
   * Work that stores data calls it last in its transaction; work that stores nothing need not.
   */
  completeIn(trx: Transaction<DB>, result: unknown): Promise<void>;
}

const running = new Map<string, Progress>();

/**
 * Starts long work and returns its id at once: the job row says who started what and which process runs it; `work`
 * reports its progress as it goes and its result (or failure, as a message a person can act on) is stored at the end.
 * `explain` turns an expected failure into that message; anything else is logged and reported as internal. An upload
 * the job reads (`upload`, named by the job's id: see uploads.ts) is removed when the job ends, however it ends.
 */
export async function startJob<T>(
  deps: { db: Kysely<DB>; dbKind: DatabaseKind; config: Pick<Config, 'jobStaleSeconds'> },
  actor: Actor,
  job: { id?: string; kind: string; title: string; total: number; unit: string; upload?: string },
  work: (ctx: JobContext) => Promise<T>,
  explain: (err: unknown) => string | null,
): Promise<{ id: string; done: Promise<void> }> {
  const { db } = deps;
  let row: { id: string };
  try {
    row = await db
      .insertInto('jobs')
      .values({
        ...(job.id ? { id: job.id } : {}),
        kind: job.kind,
        title: job.title,
        actor_id: actor.userId,
        actor_label: actor.label,
        result: null,
        error: null,
        finished_at: null,
        runner: RUNNER,
        heartbeat_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  } catch (err) {
    if (job.upload) await rm(job.upload, { force: true });
    throw err;
  }
  const progress: Progress = { done: 0, total: job.total, unit: job.unit };
  running.set(row.id, progress);
  // PGlite belongs to this process alone (the folder lock), so its jobs need no sign of life: at start, every running job there is a dead one.
  const heartbeat =
    deps.dbKind === 'postgres'
      ? setInterval(() => {
          db.updateTable('jobs')
            .set({ heartbeat_at: sql<string>`now()` })
            .where('id', '=', row.id)
            .where('status', '=', 'running')
            .execute()
            .catch(() => {}); // the database is away: the next beat tries again, and the job's own work will say what failed
        }, heartbeatMs(deps.config.jobStaleSeconds)).unref()
      : undefined;
  const ctx: JobContext = {
    progress: (n) => {
      progress.done = n;
    },
    completeIn: (trx, result) => finish(trx, row.id, { status: 'done', result: JSON.stringify(result), error: null }),
  };
  const done = work(ctx)
    .then(
      (result) => finish(db, row.id, { status: 'done', result: JSON.stringify(result), error: null }),
      (err) => {
        const message = explain(err);
        if (!message) process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'job failed', job: row.id, error: err instanceof Error ? err.stack : String(err) })}\n`);
        return finish(db, row.id, { status: 'failed', result: null, error: message ?? `The job failed unexpectedly (job ${row.id}); nothing was changed.` });
      },
    )
    .finally(async () => {
      clearInterval(heartbeat);
      running.delete(row.id);
      if (job.upload) await rm(job.upload, { force: true });
    });
  return { id: row.id, done };
}

/** Stores a job's outcome once: a job already completed inside its work's transaction keeps that outcome. */
async function finish(db: Kysely<DB>, id: string, outcome: { status: string; result: string | null; error: string | null }) {
  await db
    .updateTable('jobs')
    .set({ ...outcome, finished_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/**
 * Marks failed the jobs of processes that have stopped, saying what happened to their data. On the embedded
 * database every running job is such a job (this process has just taken the folder); on a server, a job whose
 * runner has not been heard from for `staleSeconds`. Returns the ids marked.
 */
export async function failJobsOfStoppedProcesses(db: Kysely<DB>, dbKind: DatabaseKind, staleSeconds: number): Promise<string[]> {
  let q = db.updateTable('jobs').set({ status: 'failed', error: STOPPED, finished_at: sql<string>`now()` }).where('status', '=', 'running');
  if (dbKind === 'postgres')
    q = q
      .where((eb) => eb.or([eb('runner', 'is', null), eb('runner', '!=', RUNNER)]))
      .where(sql<boolean>`coalesce(heartbeat_at, created_at) < now() - make_interval(secs => ${staleSeconds})`);
  return (await q.returning('id').execute()).map((r) => r.id);
}

/** A job as its starter sees it: status, progress while running, the result when done. Others' jobs are not found (unless the role reads every job). */
export async function getJob(db: Kysely<DB>, id: string, actor: Actor) {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.actor_id !== actor.userId && !holds(actor, 'jobs.read'))) throw notFound('Job', id);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    progress: running.get(id) ?? null,
    result: row.result,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
