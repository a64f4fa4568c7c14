import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, systemActor } from '../../src/server/access/actor.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { createFramework, createOrgOutcome, createOrgOutput } from '../../src/server/modules/frameworks/frameworks.service.ts';
import { createIndicator, setTarget } from '../../src/server/modules/indicators/indicators.service.ts';
import { applyProgramme } from '../../src/server/programming-import/apply-programme.ts';
import { ProgrammeFile } from '../../src/server/programming-import/programme-file.ts';

const factoryActor = systemActor('system', 'test factory');

/**
 * A country's programming written through the services, as `devcoop programme import` writes a programme
 * document: profile, constituents, CF cycles → priorities → outcomes (SDG targets, indicators) → outputs,
 * DWCPs → priorities → CPOs, milestones (validated, audited, one transaction). The covering office is named by code.
 */
export function buildProgramme(db: Kysely<DB>, document: z.input<typeof ProgrammeFile>, as: Actor = factoryActor) {
  return applyProgramme(db, ProgrammeFile.parse(document), as);
}

/**
 * An organisation-wide framework (a strategic plan by default) with outcomes, each with two outputs and an
 * indicator targeting 50 at the end of the framework, written through the services.
 */
export async function buildFramework(db: Kysely<DB>, options: { code: string; outcomes: string[]; periodStart?: string; periodEnd?: string; as?: Actor }) {
  const { code, outcomes, periodStart = '2022-01-01', periodEnd = '2025-12-31', as = factoryActor } = options;
  const framework = await createFramework(db, { kind: 'strategic_plan', code, title: `Strategic plan ${code}`, periodStart, periodEnd }, as);
  for (const outcomeCode of outcomes) {
    const outcome = await createOrgOutcome(db, framework.id, { code: outcomeCode, title: `Outcome ${outcomeCode}` }, as);
    for (const n of [1, 2]) await createOrgOutput(db, outcome.id, { code: `${outcomeCode}.${n}`, title: `Output ${outcomeCode}.${n}` }, as);
    const indicator = await createIndicator(db, { nodeType: 'org_outcome', nodeId: outcome.id, code: `I${outcomeCode}`, title: `Indicator of ${outcomeCode}`, unit: 'number' }, as);
    await setTarget(db, indicator.id, { kind: 'target', periodStart, periodEnd, value: '50' }, as);
  }
  return framework;
}
