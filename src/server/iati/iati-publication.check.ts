import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { IatiPublicationCheck, IatiValidationReport } from '../../shared/contracts/iati.ts';
import type { DB } from '../db/schema.ts';
import { activityIdentifier } from './iati-activity.build.ts';
import { outcomeOfActivity } from './iati-cpo-activities.read.ts';
import { activityFile } from './iati-export.read.ts';
import { publisherSettings } from './iati-settings.service.ts';
import { validateIatiFile } from './iati-validate.ts';

/**
 * Generates the activity file as published and validates it; each activity with findings is tied to the
 * project it comes from, or in the outcome-and-biennium mode to the country programme outcome, so a finding
 * is fixed where it arises (the page names the field from its path).
 */
export async function checkPublication(db: Kysely<DB>, progress: (done: number) => void): Promise<IatiPublicationCheck> {
  // Written to a temporary file as it is generated, then validated as a stream: the file of a large portfolio is
  // hundreds of MB, never whole in memory.
  const dir = await mkdtemp(join(tmpdir(), 'devcoop-iati-check-'));
  let report: IatiValidationReport;
  try {
    const path = join(dir, 'activities.xml');
    await pipeline(Readable.from(activityFile(db, { progress })), createWriteStream(path));
    report = await validateIatiFile({ path });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const publisher = await publisherSettings(db);
  if (publisher.activityUnit === 'cpo_biennium') {
    const outcomeOf = await outcomeOfActivity(db, publisher);
    return { fileName: 'activities.xml', ...report, withFindings: report.withFindings.map((r) => ({ ...r, project: null, outcome: outcomeOf(r.identifier) })) };
  }
  const projects = await db.selectFrom('projects').select(['id', 'code', 'title']).where('confidential', '=', false).execute();
  const byIdentifier = new Map(projects.map((p) => [activityIdentifier(publisher, p.code), p]));
  return {
    fileName: 'activities.xml',
    ...report,
    withFindings: report.withFindings.map((r) => ({ ...r, project: byIdentifier.get(r.identifier) ?? null, outcome: null })),
  };
}
