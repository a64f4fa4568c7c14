import { financeImportJob } from './erp-import.job.ts';

/** The finance area's kinds of job, registered by the app. */
export const FINANCE_JOB_KINDS = [financeImportJob] as const;
