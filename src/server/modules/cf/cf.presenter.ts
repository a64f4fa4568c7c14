import type { Selectable } from 'kysely';
import type { CfCycle, CfOutcome, CfOutput, CfPriority } from '../../../shared/contracts/programming-answers.ts';
import type { DB } from '../../db/schema.ts';

/** The API's shapes of a Cooperation Framework cycle and its structure: explicit fields, camelCase. */
export function presentCfCycle(r: Selectable<DB['cf_cycles']>): CfCycle {
  return {
    id: r.id,
    countryCode: r.country_code,
    kind: r.kind as CfCycle['kind'],
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    stage: r.stage as CfCycle['stage'],
    isSynthetic: r.is_synthetic,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentCfPriority(r: Selectable<DB['cf_priorities']>): CfPriority {
  return { id: r.id, cycleId: r.cycle_id, code: r.code, title: r.title, version: r.version, updatedAt: r.updated_at };
}

/** An outcome's own fields, without its links (what a stale write's answer shows as the current record). */
export function presentCfOutcomeRow(r: Selectable<DB['cf_outcomes']>): Omit<CfOutcome, 'sdgTargets'> {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    priorityId: r.priority_id,
    code: r.code,
    text: r.text,
    outcomeGroup: r.outcome_group,
    orgRole: r.org_role as CfOutcome['orgRole'],
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** An outcome with the SDG targets it is linked to (read from cf_outcome_sdg_targets). */
export function presentCfOutcome(r: Selectable<DB['cf_outcomes']>, sdgTargets: string[]): CfOutcome {
  return { ...presentCfOutcomeRow(r), sdgTargets };
}

export function presentCfOutput(r: Selectable<DB['cf_outputs']>): CfOutput {
  return { id: r.id, outcomeId: r.outcome_id, code: r.code, text: r.text, orgRole: r.org_role as CfOutput['orgRole'], version: r.version, updatedAt: r.updated_at };
}
