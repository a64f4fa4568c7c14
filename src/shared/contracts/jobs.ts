import { z } from 'zod';
import { ImportReport } from './finance.ts';
import { IatiImportReport, IatiPublicationCheck, IatiValidation } from './iati.ts';

/** Long work on the server (jobs): how one is started, and how it is followed until its result or the reason it failed. */

/** The answer of a route that starts a job (202): follow it at /api/jobs/{jobId}. */
export const JobStarted = z.object({ jobId: z.uuid() });
export type JobStarted = z.infer<typeof JobStarted>;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

/** How far a job is, in its unit (bytes of a file, projects of a portfolio). */
export const JobProgress = z.object({ done: z.number().int(), total: z.number().int(), unit: z.string() });
export type JobProgress = z.infer<typeof JobProgress>;

/** A job of one kind: its result is the kind's (null until it is done). */
const jobOf = <K extends string, R extends z.ZodType>(kind: K, result: R) =>
  z.object({
    id: z.uuid(),
    kind: z.literal(kind),
    title: z.string(),
    status: JobStatus,
    /** while it is queued or running; null once it has ended */
    progress: JobProgress.nullable(),
    result: result.nullable(),
    /** why it failed, in words a person can act on */
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  });

/**
 * A job as its starter sees it, by kind: each kind's result is its own contract (the kinds declare the same schema as
 * their `result`, server/jobs/job-kind.ts). A new kind of job is added here.
 */
export const Job = z.discriminatedUnion('kind', [
  jobOf('iati.validate', IatiValidation),
  jobOf('iati.import', IatiImportReport),
  jobOf('iati.check', IatiPublicationCheck),
  /** an ERP export imported (or checked) as a job: the same report as the import's synchronous answer */
  jobOf('finance.import', ImportReport),
]);
export type Job = z.infer<typeof Job>;
export type JobKindName = Job['kind'];
/** The result of a job of a kind, when it is done. */
export type JobResult<K extends JobKindName = JobKindName> = NonNullable<Extract<Job, { kind: K }>['result']>;
