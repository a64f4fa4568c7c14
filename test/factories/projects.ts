import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, systemActor } from '../../src/server/access/actor.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { createAgreement } from '../../src/server/modules/agreements/agreements.service.ts';
import { createProject, transitionProject } from '../../src/server/modules/projects/projects.service.ts';
import { AgreementCreate, ProjectCreate } from '../../src/shared/contracts/portfolio.ts';
import type { PROJECT_STATUSES } from '../../src/shared/project-statuses.ts';

const factoryActor = systemActor('system', 'test factory');
const unique = () => randomUUID().slice(0, 8);

type Status = (typeof PROJECT_STATUSES)[number];
/** The lifecycle's main road: a project built with a status walks it from the pipeline. */
const ROAD: Status[] = ['pipeline', 'appraisal', 'approved', 'active', 'closed'];

export type ProjectOptions = Partial<z.input<typeof ProjectCreate>> & {
  officeId: string;
  /** Where the project ends up, moved there step by step from the pipeline (default: left in the pipeline). */
  status?: Status;
  /** The moves to make instead, for a project sent back (e.g. ['appraisal', 'pipeline']). */
  path?: Status[];
  /** The date of the move to active, which becomes its actual start (default: today). */
  activeOn?: string;
  /** Who creates and moves it (default: a system actor). */
  as?: Actor;
};

/**
 * A project created through the service (validated by the API's contract, placed, linked, audited) and moved
 * through its lifecycle with the real transitions, each recorded in its history. Returns the presented project.
 */
export async function buildProject(db: Kysely<DB>, options: ProjectOptions) {
  const { status = 'pipeline', path, activeOn, as = factoryActor, ...fields } = options;
  const input = ProjectCreate.parse({
    code: `P-${unique()}`,
    title: 'Test project',
    place: 'country',
    countryCode: 'KE',
    fundingSource: 'XBDC',
    plannedStart: '2024-01-01',
    plannedEnd: '2026-12-31',
    ...fields,
  });
  let project: Record<string, any> = await createProject(db, input, as);
  const moves = path ?? ROAD.slice(1, ROAD.indexOf(status) + 1);
  for (const to of moves) {
    project = await transitionProject(db, project.id, { to, version: project.version, on: to === 'active' ? activeOn : undefined }, as);
  }
  return project as Record<string, any> & { id: string; version: number; status: Status };
}

export type AgreementOptions = Partial<z.input<typeof AgreementCreate>> & { partnerId: string; as?: Actor };

/** A partnership agreement created through the service (due diligence, levy and amounts checked, audited). */
export async function buildAgreement(db: Kysely<DB>, options: AgreementOptions) {
  const { as = factoryActor, ...fields } = options;
  const input = AgreementCreate.parse({
    code: `AG-${unique()}`,
    title: 'Partnership agreement',
    periodStart: '2024-01-01',
    periodEnd: '2025-12-31',
    earmarking: 'tightly_earmarked',
    fundingSource: 'XBDC',
    currency: 'USD',
    amounts: [],
    ...fields,
  });
  return createAgreement(db, input, as);
}
