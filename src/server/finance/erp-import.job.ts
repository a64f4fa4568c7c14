import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { FinanceMapping, ImportReport } from '../../shared/contracts/finance.ts';
import { AppError } from '../errors.ts';
import { jobKind } from '../jobs/job-kind.ts';
import { presentImportReport } from './finance-imports.presenter.ts';
import { importFinancialLines } from './financial-lines.apply.ts';

/**
 * Imports (or, as a dry run, only checks) an ERP export too large to answer within its request: the same
 * importFinancialLines as the synchronous answer, so the job's result is the same report (taken or refused whole).
 * The mapping is resolved when the job is started (a saved one by its name), so the job reads the columns chosen then.
 */
export const financeImportJob = jobKind({
  kind: 'finance.import',
  payload: z.strictObject({
    fileName: z.string().min(1).max(200),
    bytes: z.number().int().positive(),
    mapping: FinanceMapping,
    /** the saved mapping it was chosen by, if any (for the title) */
    mappingName: z.string().min(1).max(100).nullable(),
    dryRun: z.boolean(),
  }),
  result: ImportReport,
  right: 'finance.import',
  upload: { maxBytes: (config) => config.importLimit, setting: 'DEVCOOP_IMPORT_LIMIT' },
  title: (p) => `${p.dryRun ? 'Check' : 'Import'} of ${p.fileName}${p.mappingName ? ` (mapping ${p.mappingName})` : ''}`,
  // Bytes of the file, advanced as its rows are parsed, checked and stored (the importer reports a share of its work).
  measure: async (p) => ({ total: p.bytes, unit: 'bytes' }),
  run: async (p, { deps, actor, upload, progress, completeIn }) => {
    const bytes = new Uint8Array(await readFile(upload as string));
    const report = await importFinancialLines(
      deps.db,
      { name: p.fileName, bytes },
      p.mapping,
      {
        dryRun: p.dryRun,
        limits: deps.config.spreadsheetLimits,
        progress: (share) => progress(Math.min(p.bytes, Math.round(share * p.bytes))),
        // The job is done in the import's own transaction: its outcome commits with the lines, or neither does.
        beforeCommit: (trx, r) => completeIn(trx, presentImportReport(r)),
      },
      actor,
    );
    return presentImportReport(report);
  },
  // A file the importer cannot read is no failure but a refusal (the report, ok: false); what is left to explain is
  // a refusal of the request itself, e.g. the right withdrawn (the job acts as its starter was when they asked).
  explain: (e) => (e instanceof AppError ? `${e.message.replace(/\.$/, '')}. Nothing was stored.` : null),
});
