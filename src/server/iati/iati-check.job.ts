import { z } from 'zod';
import { IatiPublicationCheck } from '../../shared/contracts/iati.ts';
import { jobKind } from '../jobs/job-kind.ts';
import { publishedScope } from './iati-export.read.ts';
import { explainIatiFailure } from './iati-failure.ts';
import { checkPublication } from './iati-publication.check.ts';

/** Generates the activity file as published and validates it, each finding tied to its project or outcome. */
export const iatiCheckJob = jobKind({
  kind: 'iati.check',
  payload: z.strictObject({}),
  result: IatiPublicationCheck,
  right: 'iati.validate',
  upload: false,
  title: () => 'Check of the published activity file',
  measure: async (_p, { deps }) => publishedScope(deps.db),
  run: async (_p, { deps, progress }) => checkPublication(deps.db, progress),
  explain: explainIatiFailure,
});
