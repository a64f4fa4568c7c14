import { iatiCheckJob } from './iati-check.job.ts';
import { iatiImportJob } from './iati-import.job.ts';
import { iatiValidateJob } from './iati-validate.job.ts';

/** The IATI area's kinds of job, registered by the app. */
export const IATI_JOB_KINDS = [iatiValidateJob, iatiImportJob, iatiCheckJob] as const;
