import { type Kysely, sql } from 'kysely';
import type { IatiActivity, IatiActivityList, ProjectIati } from '../../shared/contracts/iati.ts';
import type { Actor } from '../access/actor.ts';
import { requireRight, scopeFor } from '../access/rights.ts';
import type { DB } from '../db/schema.ts';
import { changeVersioned, updateVersioned } from '../db/versioned.ts';
import { notFound } from '../errors.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';
import { activityIdentifier } from './iati-activity.build.ts';
import { presentIatiActivity } from './iati-activity.presenter.ts';
import { publisherSettings } from './iati-settings.service.ts';

/** Other publishers' activities read from IATI files, searched by identifier, title or publisher. */
export async function findIatiActivities(db: Kysely<DB>, q: { q?: string; limit: number; offset: number }, actor: Actor): Promise<IatiActivityList> {
  requireRight(actor, 'iati.validate');
  let query = db.selectFrom('iati_activities');
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('iati_identifier', 'ilike', like), eb('title', 'ilike', like), eb('reporting_org_name', 'ilike', like), eb('reporting_org_ref', 'ilike', like)]),
    );
  }
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('iati_identifier').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentIatiActivity), total: Number(total.n) };
}

/**
 * Links another publisher's activity to one of our projects (co-financing), or unlinks it (null), with
 * optimistic concurrency; the actor must be able to change the project.
 */
export async function linkIatiActivity(db: Kysely<DB>, id: string, input: { projectId: string | null; version: number }, actor: Actor): Promise<IatiActivity> {
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'iati_activities',
      id,
      version: input.version,
      entityType: 'iati_activity',
      label: 'IATI activity',
      present: presentIatiActivity,
      // Linking changes what a project claims: the right to change the project, both the one unlinked and the one linked.
      authorize: async (trx, current) => {
        const scope = scopeFor(actor, 'projects.write');
        for (const pid of [current.project_id, input.projectId]) {
          if (!pid) continue;
          const p = await scopedProjects(trx, scope).select('projects.id').where('projects.id', '=', pid).executeTakeFirst();
          if (!p) throw notFound('Project', pid);
        }
      },
    },
    'update',
    async (trx, current) => updateVersioned(trx, 'iati_activities', current, { project_id: input.projectId }),
  );
  return presentIatiActivity(row);
}

/**
 * A project's IATI picture: the other publishers' activities linked to it, and the transactions in their
 * files that name this project's activity as provider or receiver (traceability by activity id).
 */
export async function projectIatiLinks(db: Kysely<DB>, projectId: string, actor: Actor): Promise<ProjectIati> {
  const project = await scopedProjects(db, scopeFor(actor, 'projects.read')).select(['projects.id', 'projects.code']).where('projects.id', '=', projectId).executeTakeFirst();
  if (!project) throw notFound('Project', projectId);
  const identifier = activityIdentifier(await publisherSettings(db), project.code);
  const [linked, traced] = await Promise.all([
    db.selectFrom('iati_activities').selectAll().where('project_id', '=', projectId).orderBy('iati_identifier').execute(),
    db
      .selectFrom('iati_transactions as t')
      .innerJoin('iati_activities as a', 'a.id', 't.activity_id')
      .select([
        'a.iati_identifier as activity',
        'a.reporting_org_name as publisher',
        't.type_code as type',
        sql<string>`to_char(t.transaction_date, 'YYYY-MM-DD')`.as('date'),
        sql<string>`t.value::text`.as('value'),
        't.currency',
        sql<'provider' | 'receiver'>`case when t.provider_activity_id = ${identifier} then 'provider' else 'receiver' end`.as('ourRole'),
      ])
      .where((eb) => eb.or([eb('t.provider_activity_id', '=', identifier), eb('t.receiver_activity_id', '=', identifier)]))
      .orderBy('t.transaction_date')
      .limit(500)
      .execute(),
  ]);
  return { identifier, linked: linked.map(presentIatiActivity), traced };
}
