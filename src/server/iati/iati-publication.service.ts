import type { JobResult } from '../../shared/contracts/jobs.ts';
import type { Actor } from '../access/actor.ts';
import { requireRight } from '../access/rights.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { getJob, startJob } from '../jobs/jobs.service.ts';
import { iatiCheckJob } from './iati-check.job.ts';
import { nothingPublished, publishedScope } from './iati-export.read.ts';

/**
 * Starts the check of what devcoop publishes (the activity file generated and validated, as a job). Nothing to
 * publish is no finding: it is refused (409) with the reason in plain words, as /iati/activities.xml answers, rather
 * than an empty file validated.
 */
export async function startPublicationCheck(deps: Deps, actor: Actor) {
  requireRight(actor, iatiCheckJob.right); // first: a caller refused learns nothing about what is published
  if ((await publishedScope(deps.db)).total === 0) throw new AppError('CONFLICT', await nothingPublished(deps.db));
  return startJob(deps, actor, iatiCheckJob, {});
}

/** The report of a finished validation (or publication check) the actor may read; 404 while it has none. */
export async function validationReport(db: Deps['db'], jobId: string, actor: Actor): Promise<JobResult<'iati.validate' | 'iati.check'>> {
  const job = await getJob(db, jobId, actor);
  if ((job.kind !== 'iati.validate' && job.kind !== 'iati.check') || job.status !== 'done' || !job.result) throw new AppError('NOT_FOUND', 'This validation has no report (yet)');
  return job.result;
}
