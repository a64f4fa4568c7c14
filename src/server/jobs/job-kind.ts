import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { JobKindName } from '../../shared/contracts/jobs.ts';
import type { Right } from '../../shared/rights.ts';
import type { Actor } from '../access/actor.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../deps.ts';

/** What a running job is given besides its payload. */
export interface JobContext {
  deps: Deps;
  /** Who asked, as they were when they asked: the job acts with their rights and is audited as theirs. */
  actor: Actor;
  /** The job's upload, when it reads one (see uploads.ts). */
  upload: string | null;
  progress(done: number): void;
  /**
   * Records the job as done inside the work's own transaction: the outcome commits with the data, or neither does.
   * Work that stores data calls it last in its transaction; work that stores nothing need not.
   */
  completeIn(trx: Transaction<DB>, result: unknown): Promise<void>;
}

/**
 * A kind of long work, one file each (`<kind>.job.ts`): its payload as a zod schema (checked when the job is
 * started), its result as a zod schema (the contract of a done job's `result`: the same schema the kind has in
 * shared/contracts/jobs.ts), how it is named and measured, and its `run`. `explain` turns an expected failure into a
 * message a person can act on; anything else is logged and reported as internal.
 */
export interface JobKind<P, R = unknown> {
  /** its name, one of the kinds the Job contract knows */
  kind: JobKindName;
  payload: z.ZodType<P>;
  result: z.ZodType<R>;
  /** The right that starting such a job needs (checked before an upload is received). */
  right: Right;
  /**
   * Whether the job reads an upload (received before it starts, kept beside the process that received it), and how
   * large one may be, with the setting a refusal names.
   */
  upload: false | { maxBytes(config: Config): number; setting: string };
  title(payload: P): string;
  /** How much there is to do and in what unit (bytes of a file, projects of a portfolio). */
  measure(payload: P, ctx: Pick<JobContext, 'deps' | 'upload'>): Promise<{ total: number; unit: string }>;
  run(payload: P, ctx: JobContext): Promise<R>;
  explain(err: unknown): string | null;
}

/** A kind, typed by its payload and result, for the registry. */
export const jobKind = <P, R>(k: JobKind<P, R>): JobKind<P, R> => k;

/**
 * A kind of any payload, as a registry holds it: safe because the runner parses a stored payload with the kind's own
 * schema before it calls `run`.
 */
export type SomeJobKind = JobKind<any, any>;
