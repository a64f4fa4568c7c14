import type { Selectable } from 'kysely';
import type { OrgFramework, OrgOutcome, OrgOutput } from '../../../shared/contracts/programming-answers.ts';
import type { DB } from '../../db/schema.ts';

/** The API's shapes of an organisation-wide framework, its outcomes and outputs: explicit fields, camelCase. */
export function presentOrgFramework(r: Selectable<DB['org_frameworks']>): OrgFramework {
  return {
    id: r.id,
    kind: r.kind as OrgFramework['kind'],
    code: r.code,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    isSynthetic: r.is_synthetic,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentOrgOutcome(r: Selectable<DB['org_outcomes']>): OrgOutcome {
  return { id: r.id, frameworkId: r.framework_id, code: r.code, title: r.title };
}

export function presentOrgOutput(r: Selectable<DB['org_outputs']>): OrgOutput {
  return { id: r.id, outcomeId: r.outcome_id, code: r.code, title: r.title };
}
