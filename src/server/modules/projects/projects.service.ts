import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ProjectCreate, ProjectTransition, ProjectUpdate } from '../../../shared/contracts/portfolio.ts';
import { today } from '../../../shared/dates.ts';
import { type ProjectStatus, TRANSITIONS } from '../../../shared/project-statuses.ts';
import type { Actor } from '../../access/actor.ts';
import { inScope, officeScope, scopeFor } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, type RowOf, updateVersioned, type VersionedChange } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCountry, assertFundingSource } from '../reference/reference.check.ts';
import { checkLinks, readLinks, writeLinks } from './project-links.ts';
import { presentProject, presentProjectDetail, presentProjectFields } from './projects.presenter.ts';
import { type ProjectListFilter, scopedProjects, selectProjectDetail, selectProjects } from './projects.queries.ts';

async function checkPlacement(
  trx: Transaction<DB>,
  actor: Actor,
  input: Partial<z.infer<typeof ProjectCreate>>,
  current?: { place: string; country_code: string | null; region_code: string | null },
) {
  if (input.officeId) {
    const office = await trx.selectFrom('offices').select('path').where('id', '=', input.officeId).executeTakeFirst();
    const scope = officeScope(actor, 'projects.write');
    if (!office || !inScope(scope, office.path)) throw new AppError('INVALID_INPUT', `Office ${input.officeId} does not exist or is outside your offices`, { field: 'officeId' });
  }
  const place = input.place ?? current?.place;
  const country = input.countryCode === undefined ? current?.country_code : input.countryCode;
  const region = input.regionCode === undefined ? current?.region_code : input.regionCode;
  if (place === 'country' && !country) throw new AppError('INVALID_INPUT', 'A country project names its country', { field: 'countryCode' });
  if (place === 'region' && !region) throw new AppError('INVALID_INPUT', 'A regional project names its region', { field: 'regionCode' });
  if (place !== 'country' && country) throw new AppError('INVALID_INPUT', 'Only a country project names a country', { field: 'countryCode' });
  if (place !== 'region' && region) throw new AppError('INVALID_INPUT', 'Only a regional project names a region', { field: 'regionCode' });
  await assertCountry(trx, country);
  if (region && !(await trx.selectFrom('regions').select('code').where('code', '=', region).executeTakeFirst())) {
    throw new AppError('INVALID_INPUT', `${region} is not a region code of the IATI Region codelist`, { field: 'regionCode' });
  }
  await assertFundingSource(trx, input.fundingSource);
}

/** A page of the projects the actor may see, with filters. */
export async function findProjects(db: Kysely<DB>, f: ProjectListFilter, actor: Actor) {
  const { rows, total } = await selectProjects(db, scopeFor(actor, 'projects.read'), f);
  return { items: rows.map(presentProject), total };
}

/** One project with its partners, agreements, links and lifecycle history. */
export async function getProject(db: Kysely<DB>, id: string, actor: Actor) {
  const found = await selectProjectDetail(db, scopeFor(actor, 'projects.read'), id);
  if (!found) throw notFound('Project', id);
  return presentProjectDetail(found.row, found.links);
}

/** A project as the API answers it after a change: with its office's name. */
async function withOfficeName(db: Kysely<DB> | Transaction<DB>, row: RowOf<'projects'>) {
  const office = await db.selectFrom('offices').select('name').where('id', '=', row.office_id).executeTakeFirstOrThrow();
  return presentProject({ ...row, office_name: office.name });
}

export async function createProject(db: Kysely<DB>, input: z.infer<typeof ProjectCreate>, actor: Actor) {
  officeScope(actor, 'projects.write');
  if (input.plannedEnd < input.plannedStart) throw new AppError('INVALID_INPUT', 'The planned end is before the planned start', { field: 'plannedEnd' });
  return inTransaction(db, async (trx) => {
    await checkPlacement(trx, actor, input);
    await checkLinks(trx, input);
    const m = input.markers ?? {};
    const row = await trx
      .insertInto('projects')
      .values({
        code: input.code,
        title: input.title,
        title_fr: input.titleFr ?? null,
        title_es: input.titleEs ?? null,
        description: input.description ?? null,
        place: input.place,
        country_code: input.countryCode ?? null,
        region_code: input.regionCode ?? null,
        office_id: input.officeId,
        funding_source: input.fundingSource,
        planned_start: input.plannedStart,
        planned_end: input.plannedEnd,
        probability: input.probability === undefined || input.probability === null ? null : String(input.probability),
        marker_gender: m.gender ?? 0,
        marker_standards: m.standards ?? 0,
        marker_social_dialogue: m.socialDialogue ?? 0,
        marker_environment: m.environment ?? 0,
        confidential: input.confidential ?? false,
        is_synthetic: actor.via === 'demo',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeLinks(trx, row.id, input);
    await trx.insertInto('project_status_history').values({ project_id: row.id, from_status: null, to_status: row.status, actor_label: actor.label }).execute();
    await writeAudit(trx, actor, { action: 'create', entityType: 'project', entityId: row.id, after: { ...presentProjectFields(row), links: input } });
    return withOfficeName(trx, row);
  });
}

function projectChange(actor: Actor, id: string, version: number): VersionedChange<'projects'> {
  return {
    table: 'projects' as const,
    id,
    version,
    entityType: 'project',
    label: 'project',
    authorize: async (trx: Transaction<DB>, current: RowOf<'projects'>) => {
      const found = await scopedProjects(trx, scopeFor(actor, 'projects.write')).select('projects.id').where('projects.id', '=', current.id).executeTakeFirst();
      if (!found) throw notFound('Project', id);
    },
    present: presentProjectFields,
    related: readLinks,
  };
}

export async function updateProject(db: Kysely<DB>, id: string, input: z.infer<typeof ProjectUpdate>, actor: Actor) {
  const row = await changeVersioned(db, actor, projectChange(actor, id, input.version), 'update', async (trx, current) => {
    const start = input.plannedStart ?? current.planned_start;
    const end = input.plannedEnd ?? current.planned_end;
    if (end < start) throw new AppError('INVALID_INPUT', 'The planned end is before the planned start', { field: 'plannedEnd' });
    await checkPlacement(trx, actor, input, current);
    await checkLinks(trx, input);
    await writeLinks(trx, id, input);
    const m = input.markers ?? {};
    return updateVersioned(trx, 'projects', current, {
      code: input.code,
      title: input.title,
      title_fr: input.titleFr,
      title_es: input.titleEs,
      description: input.description,
      place: input.place,
      country_code: input.countryCode,
      region_code: input.regionCode,
      office_id: input.officeId,
      funding_source: input.fundingSource,
      ...(input.probability !== undefined ? { probability: input.probability === null ? null : String(input.probability) } : {}),
      marker_gender: m.gender,
      marker_standards: m.standards,
      marker_social_dialogue: m.socialDialogue,
      marker_environment: m.environment,
      confidential: input.confidential,
      planned_start: start,
      planned_end: end,
    });
  });
  return withOfficeName(db, row);
}

/** Moves a project along its lifecycle (pipeline → appraisal → approved → active → closed), recording who moved it and when. */
export async function transitionProject(db: Kysely<DB>, id: string, input: z.infer<typeof ProjectTransition>, actor: Actor) {
  const row = await changeVersioned(db, actor, projectChange(actor, id, input.version), 'update', async (trx, current) => {
    if (!TRANSITIONS[current.status as ProjectStatus]?.includes(input.to)) {
      const allowed = TRANSITIONS[current.status as ProjectStatus]?.join(', ') || 'none: it is closed';
      throw new AppError('INVALID_INPUT', `A project in ${current.status} cannot move to ${input.to} (allowed: ${allowed})`, { field: 'to' });
    }
    const now = today();
    const on = input.on ?? now;
    if (on > now) throw new AppError('INVALID_INPUT', 'A move cannot be dated in the future', { field: 'on' });
    await trx
      .insertInto('project_status_history')
      .values({ project_id: id, from_status: current.status, to_status: input.to, actor_label: actor.label, note: input.note ?? null })
      .execute();
    return updateVersioned(trx, 'projects', current, {
      status: input.to,
      ...(input.to === 'active' && !current.actual_start ? { actual_start: on } : {}),
      ...(input.to === 'closed' ? { actual_end: on } : {}),
    });
  });
  return withOfficeName(db, row);
}
