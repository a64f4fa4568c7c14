import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import type { JobContext } from './job-kind.ts';
import { jobKindNamed } from './job-kinds.ts';
import { uploadPath } from './uploads.ts';

/** This process, as the runner of its jobs: a new id at every start, so a restarted server never mistakes a dead run for its own. */
export const RUNNER = randomUUID();

/** How far a running job has come, as its process knows it at once (also stored, every second, on a PostgreSQL server). */
export interface Progress {
  done: number;
  total: number;
  unit: string;
}

/** Jobs one process runs at a time: a long import does not hold up a validation behind it. */
const CONCURRENCY = 2;
/** How often a process on a shared PostgreSQL server looks for jobs queued by others, and stores progress. */
const POLL_MS = 2000;
const PROGRESS_MS = 1000;

export const localProgress = new Map<string, Progress>();

export type JobRow = { id: string; kind: string; payload: unknown; actor: unknown; progress_total: number; progress_unit: string };

/**
 * The job runner of one database in this process: claims queued jobs (`FOR UPDATE SKIP LOCKED`, so processes
 * sharing a PostgreSQL server never run one twice; a job with an upload only by the process that holds the file),
 * runs them with their kind's `run`, stores their outcome, and on a PostgreSQL server keeps a heartbeat on its jobs
 * and stores their progress. `stop()` takes no new job and waits for the running ones.
 */
export class JobRunner {
  private readonly active = new Map<string, Promise<void>>();
  private stopped = false;
  private draining = false;
  private again = false;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: Deps) {
    if (deps.dbKind === 'postgres') {
      this.timers.push(setInterval(() => this.wake(), POLL_MS).unref());
      const beat = () =>
        deps.db
          .updateTable('jobs')
          .set({ heartbeat_at: sql<string>`now()` })
          .where('runner', '=', RUNNER)
          .where('status', 'in', ['queued', 'running'])
          .execute()
          .catch(() => {}); // the database is away: the next beat tries again, and the job's own work will say what failed
      this.timers.push(setInterval(beat, Math.max(250, (deps.config.jobStaleSeconds * 1000) / 4)).unref());
    }
  }

  /** Looks for work now (a job was just queued, or a poll came round). */
  wake(): void {
    if (this.stopped) return;
    // A job queued while the runner is claiming may have been missed by that claim: look again when it is done.
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    this.again = false;
    this.drain()
      .catch((err: Error) => this.deps.logger.warn('the job runner could not claim a job; it will try again', { error: err.message }))
      .finally(() => {
        this.draining = false;
        if (this.again) this.wake();
      });
  }

  private async drain() {
    while (!this.stopped && this.active.size < CONCURRENCY) {
      const row = await claimNextJob(this.deps.db);
      if (!row) return;
      const run = this.run(row).finally(() => {
        this.active.delete(row.id);
        this.wake();
      });
      this.active.set(row.id, run);
    }
  }

  private async run(row: JobRow) {
    const { deps } = this;
    const kind = jobKindNamed(row.kind);
    const progress: Progress = { done: 0, total: Number(row.progress_total), unit: row.progress_unit };
    localProgress.set(row.id, progress);
    const upload = kind?.upload ? uploadPath(deps.config.uploadsDir, row.id) : null;
    let stored = 0;
    const store =
      deps.dbKind === 'postgres'
        ? setInterval(() => {
            if (progress.done === stored) return;
            stored = progress.done;
            deps.db
              .updateTable('jobs')
              .set({ progress_done: stored })
              .where('id', '=', row.id)
              .execute()
              .catch(() => {});
          }, PROGRESS_MS).unref()
        : undefined;
    try {
      if (!kind) throw new Error(`No job kind ${row.kind} in this version of devcoop`);
      const ctx: JobContext = {
        deps,
        actor: row.actor as Actor,
        upload,
        progress: (n) => {
          progress.done = n;
        },
        completeIn: (trx, result) => finish(trx, row.id, { status: 'done', result: JSON.stringify(result), error: null }),
      };
      const result = await kind.run(kind.payload.parse(row.payload), ctx);
      await finish(deps.db, row.id, { status: 'done', result: JSON.stringify(result), error: null });
    } catch (err) {
      const message = kind?.explain(err) ?? null;
      if (!message) deps.logger.error('job failed', { job: row.id, kind: row.kind, error: err instanceof Error ? err.stack : String(err) });
      await finish(deps.db, row.id, { status: 'failed', result: null, error: message ?? `The job failed unexpectedly (job ${row.id}); nothing was changed.` }).catch((e: Error) =>
        deps.logger.error('a job outcome could not be stored; the job will be marked failed at the next start', { job: row.id, error: e.message }),
      );
    } finally {
      clearInterval(store);
      localProgress.delete(row.id);
      if (upload) await rm(upload, { force: true });
    }
  }

  /** Takes no new job and waits for the running ones, at most `timeoutMs`; says how many were still running. */
  async stop(timeoutMs: number): Promise<number> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(this.active.values()), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    return this.active.size;
  }
}

/**
 * Claims the oldest queued job this process may run (one with no upload, or whose upload it holds) and marks it
 * running as this process's. `FOR UPDATE SKIP LOCKED`: two processes claiming at once never get the same job, and
 * neither waits for the other.
 */
export async function claimNextJob(db: Kysely<DB>): Promise<JobRow | undefined> {
  const { rows } = await sql<JobRow>`
    update jobs set status = 'running', runner = ${RUNNER}, heartbeat_at = now()
    where id = (
      select id from jobs
      where status = 'queued' and (runner is null or runner = ${RUNNER})
      order by created_at
      limit 1
      for update skip locked
    )
    returning id, kind, payload, actor, progress_total, progress_unit`.execute(db);
  return rows[0];
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

const runners = new WeakMap<Kysely<DB>, JobRunner>();

/** The runner of this database in this process, made on first use (the server's, or a test app's). */
export function runnerFor(deps: Deps): JobRunner {
  let runner = runners.get(deps.db);
  if (!runner) {
    runner = new JobRunner(deps);
    runners.set(deps.db, runner);
  }
  return runner;
}
