import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors.ts';

/** How far a running job has come, held by the process (a job's own transaction would hide it). */
export interface Progress {
  done: number;
  total: number;
  unit: string;
}

const running = new Map<string, Progress>();

/**
 * Starts long work and returns its id at once: the job row says who started what; `work` reports its
 * progress as it goes and its result (or failure, as a message a person can act on) is stored at the end.
 * `explain` turns an expected failure into that message; anything else is logged and reported as internal.
 */
export async function startJob<T>(
  db: Kysely<DB>,
  actor: Actor,
  job: { kind: string; title: string; total: number; unit: string },
  work: (progress: (done: number) => void) => Promise<T>,
  explain: (err: unknown) => string | null,
): Promise<{ id: string; done: Promise<void> }> {
  const row = await db
    .insertInto('jobs')
    .values({ kind: job.kind, title: job.title, actor_id: actor.userId, actor_label: actor.label, result: null, error: null, finished_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const progress: Progress = { done: 0, total: job.total, unit: job.unit };
  running.set(row.id, progress);
  const done = work((n) => {
    progress.done = n;
  }).then(
    (result) => finish(db, row.id, { status: 'done', result: JSON.stringify(result), error: null }),
    (err) => {
      const message = explain(err);
      if (!message) process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'job failed', job: row.id, error: err instanceof Error ? err.stack : String(err) })}\n`);
      return finish(db, row.id, { status: 'failed', result: null, error: message ?? `The job failed unexpectedly (job ${row.id}); nothing was changed.` });
    },
  );
  return { id: row.id, done };
}

async function finish(db: Kysely<DB>, id: string, outcome: { status: string; result: string | null; error: string | null }) {
  await db
    .updateTable('jobs')
    .set({ ...outcome, finished_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  running.delete(id);
}

/** A job as its starter sees it: status, progress while running, the result when done. Others' jobs are not found. */
export async function getJob(db: Kysely<DB>, id: string, actor: Actor) {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (actor.role !== 'admin' && row.actor_id !== actor.userId)) throw notFound('Job', id);
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
