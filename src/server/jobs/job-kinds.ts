import { iatiCheckJob } from './iati-check.job.ts';
import { iatiImportJob } from './iati-import.job.ts';
import { iatiValidateJob } from './iati-validate.job.ts';
import type { JobKind } from './job-kind.ts';

/** Every kind of job, by name: what a runner looks a claimed job up in. A new kind is a `<kind>.job.ts` added here. */
export const JOB_KINDS: ReadonlyMap<string, JobKind<unknown>> = new Map([iatiValidateJob, iatiImportJob, iatiCheckJob].map((k) => [k.kind, k as JobKind<unknown>]));
