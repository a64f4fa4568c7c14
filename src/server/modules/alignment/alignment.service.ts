import type { Kysely } from 'kysely';
import type { AlignmentMatrix, AlignmentShare } from '../../../shared/contracts/programming-answers.ts';
import type { Actor } from '../../access/actor.ts';
import { countryScope } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { getDwcp } from '../dwcps/dwcps.service.ts';
import { selectAlignmentLevels, selectMatrixColumns, selectMatrixDwcp } from './alignment.queries.ts';

/**
 * The DWCP–CF alignment matrix of a country: the DWCP's priorities (rows) against the outcomes of its
 * Cooperation Framework (columns); a cell says whether a CPO of the priority is derived from the outcome
 * ('outcome') or linked to one of its outputs only ('output').
 */
export async function alignmentMatrix(db: Kysely<DB>, code: string, dwcpId: string | undefined, actor: Actor): Promise<AlignmentMatrix> {
  const chosen = await selectMatrixDwcp(db, countryScope(actor, 'programming.read'), code, dwcpId);
  const dwcp = await getDwcp(db, chosen.id, actor);
  const { outcomes, outputs } = await selectMatrixColumns(db, chosen.cf_cycle_id);
  const outcomeOfOutput = new Map(outputs.map((o) => [o.id, o.outcome_id]));
  const rows = dwcp.priorities.map((p) => {
    const cells: Record<string, 'outcome' | 'output'> = {};
    for (const c of p.cpos) {
      for (const out of c.cfOutputIds) {
        const o = outcomeOfOutput.get(out);
        if (o && !cells[o]) cells[o] = 'output';
      }
      if (c.derivation === 'derived' && c.cfOutcomeId) cells[c.cfOutcomeId] = 'outcome';
    }
    return { id: p.id, code: p.code, title: p.title, recorded: p.alignmentRecorded, computed: p.alignmentComputed, cells };
  });
  return {
    dwcp: { id: dwcp.id, title: dwcp.title, periodStart: dwcp.periodStart, periodEnd: dwcp.periodEnd, cfCycleId: chosen.cf_cycle_id },
    outcomes: outcomes.map((o) => ({ id: o.id, code: o.code, text: o.text, orgRole: o.org_role as AlignmentMatrix['outcomes'][number]['orgRole'] })),
    rows,
  };
}

/**
 * The share of DWCP priorities reflected in Cooperation Frameworks, by region (the regional office above
 * the covering office) and by the year the DWCP starts. The recorded assessment counts where there is
 * one; otherwise the level computed from the links.
 */
export async function alignmentPortfolio(db: Kysely<DB>, actor: Actor): Promise<AlignmentShare[]> {
  const rows = await selectAlignmentLevels(db, countryScope(actor, 'programming.read'));
  return rows.map((r) => ({ ...r, reflectedShare: r.priorities ? ((r.fully + r.partially) / r.priorities).toFixed(4) : '0' }));
}
