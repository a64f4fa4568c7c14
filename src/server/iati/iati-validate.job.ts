import { z } from 'zod';
import { IatiValidation } from '../../shared/contracts/iati.ts';
import { jobKind } from '../jobs/job-kind.ts';
import { explainIatiFailure } from './iati-failure.ts';
import { validateIatiFile } from './iati-validate.ts';

/** Validates an uploaded IATI file (XSD, codelists, rules); the report is the job's result. */
export const iatiValidateJob = jobKind({
  kind: 'iati.validate',
  payload: z.strictObject({ fileName: z.string().min(1).max(200), bytes: z.number().int().positive() }),
  result: IatiValidation,
  right: 'iati.validate',
  upload: { maxBytes: (config) => config.iatiMaxBytes, setting: 'IATI_MAX_FILE_MB' },
  title: (p) => `Validation of ${p.fileName}`,
  measure: async (p) => ({ total: p.bytes, unit: 'bytes' }),
  run: async (p, { deps, upload, progress }) => ({
    fileName: p.fileName,
    ...(await validateIatiFile({ path: upload as string }, { maxBytes: deps.config.iatiMaxBytes, progress })),
  }),
  explain: explainIatiFailure,
});
