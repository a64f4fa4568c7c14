import type { Selectable } from 'kysely';
import type { Cpo, Dwcp, DwcpPriority } from '../../../shared/contracts/programming-answers.ts';
import type { DB } from '../../db/schema.ts';

/** The API's shapes of a DWCP, its priorities and CPOs: explicit fields, camelCase. */
export function presentDwcp(r: Selectable<DB['dwcps']>): Dwcp {
  return {
    id: r.id,
    countryCode: r.country_code,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status as Dwcp['status'],
    cfCycleId: r.cf_cycle_id,
    isSynthetic: r.is_synthetic,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentDwcpPriority(r: Selectable<DB['dwcp_priorities']>): DwcpPriority {
  return {
    id: r.id,
    dwcpId: r.dwcp_id,
    code: r.code,
    title: r.title,
    alignmentRecorded: r.alignment_recorded as DwcpPriority['alignmentRecorded'],
    alignmentEvidence: r.alignment_evidence,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** The links of a CPO, read from cpo_cf_outputs, cpo_org_outcomes and cpo_sdg_targets. */
export type CpoLinks = Pick<Cpo, 'cfOutputIds' | 'orgOutcomeIds' | 'sdgTargets'>;

/** A CPO's own fields, without its links (what a stale write's answer shows as the current record). */
export function presentCpoRow(r: Selectable<DB['cpos']>): Omit<Cpo, keyof CpoLinks> {
  return {
    id: r.id,
    dwcpId: r.dwcp_id,
    priorityId: r.priority_id,
    code: r.code,
    text: r.text,
    derivation: r.derivation as Cpo['derivation'],
    cfOutcomeId: r.cf_outcome_id,
    justification: r.justification,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function presentCpo(r: Selectable<DB['cpos']>, links: CpoLinks): Cpo {
  return { ...presentCpoRow(r), cfOutputIds: links.cfOutputIds, orgOutcomeIds: links.orgOutcomeIds, sdgTargets: links.sdgTargets };
}
