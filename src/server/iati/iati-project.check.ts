import type { Kysely } from 'kysely';
import type { ProjectIatiCheck } from '../../shared/contracts/iati.ts';
import { isStatusIn, PUBLISHED_STATUSES } from '../../shared/project-statuses.ts';
import type { Actor } from '../access/actor.ts';
import { scopeFor } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';
import { activityIdentifier } from './iati-activity.build.ts';
import { activityFile } from './iati-export.read.ts';
import { publisherSettings, publishesSynthetic } from './iati-settings.service.ts';
import { validateIatiFile } from './iati-validate.ts';

/**
 * A project's activity as published, generated alone and validated like the whole file (XSD, codelists,
 * rules), so that its findings show on the project page, where they are fixed. Readable by whoever may read
 * the project. In the outcome-and-biennium mode a project is not an activity of its own: nothing to check here.
 */
export async function checkProjectActivity(db: Kysely<DB>, projectId: string, actor: Actor, options: { today?: string } = {}): Promise<ProjectIatiCheck> {
  const project = await scopedProjects(db, scopeFor(actor, 'projects.read'))
    .select(['projects.code', 'projects.status', 'projects.confidential', 'projects.is_synthetic'])
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
  if (!project) throw notFound('Project', projectId);
  const publisher = await publisherSettings(db);
  const identifier = activityIdentifier(publisher, project.code);
  const none = { identifier, valid: true, counts: { critical: 0, error: 0, warning: 0 }, findings: [] };
  if (project.confidential) return { ...none, notPublished: 'confidential' };
  if (!isStatusIn(PUBLISHED_STATUSES, project.status)) return { ...none, notPublished: 'status' };
  if (project.is_synthetic && !publishesSynthetic(publisher)) return { ...none, notPublished: 'synthetic' };
  if (publisher.activityUnit === 'cpo_biennium') return { ...none, notPublished: 'outcome_unit' };
  const parts: string[] = [];
  for await (const chunk of activityFile(db, { projectId, today: options.today })) parts.push(chunk);
  const report = await validateIatiFile(new TextEncoder().encode(parts.join('')));
  return {
    identifier,
    notPublished: null,
    valid: report.valid,
    counts: report.counts,
    findings: [...report.file, ...report.withFindings.flatMap((r) => r.findings)],
  };
}
