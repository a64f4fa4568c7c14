import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { IatiImportReport } from '../../shared/contracts/iati.ts';
import { jobKind } from '../jobs/job-kind.ts';
import { explainIatiFailure } from './iati-failure.ts';
import { importIatiFile } from './iati-import.apply.ts';

/** What the job keeps of the report: the activities with something skipped, not every imported one. */
const kept = (report: IatiImportReport) => ({ ...report, outcomes: report.outcomes.filter((o) => o.skipped.length) });

/** Imports another publisher's uploaded IATI activity file in one transaction; the job is done in that transaction. */
export const iatiImportJob = jobKind({
  kind: 'iati.import',
  payload: z.strictObject({ fileName: z.string().min(1).max(200), bytes: z.number().int().positive() }),
  result: IatiImportReport,
  right: 'iati.import',
  upload: { maxBytes: (config) => config.iatiMaxBytes, setting: 'IATI_MAX_FILE_MB' },
  title: (p) => `Import of ${p.fileName}`,
  measure: async (p) => ({ total: p.bytes, unit: 'bytes' }),
  run: async (p, { deps, actor, upload, progress, completeIn }) =>
    kept(
      await importIatiFile(deps.db, createReadStream(upload as string), { name: p.fileName, bytes: p.bytes }, actor, {
        maxBytes: deps.config.iatiMaxBytes,
        progress,
        // The job is done in the import's own transaction: its outcome commits with the data.
        beforeCommit: (trx, report) => completeIn(trx, kept(report)),
      }),
    ),
  explain: explainIatiFailure,
});
