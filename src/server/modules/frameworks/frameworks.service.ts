import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { OrgFrameworkCreate, OrgOutcomeCreate, OrgOutputCreate } from '../../../shared/contracts/programming.ts';
import type { OrgFrameworkTree } from '../../../shared/contracts/programming-answers.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { notFound } from '../../errors.ts';
import { presentIndicator, presentIndicatorTarget } from '../indicators/indicators.presenter.ts';
import { assertPeriod } from '../reference/reference.check.ts';
import { presentOrgFramework, presentOrgOutcome, presentOrgOutput } from './frameworks.presenter.ts';
import { selectFrameworkTrees } from './frameworks.queries.ts';

/** Organisation-wide frameworks (strategic plans, programme-and-budget biennia) with their outcomes, outputs and indicators. */
export async function findFrameworks(db: Kysely<DB>, actor: Actor): Promise<OrgFrameworkTree[]> {
  requireRight(actor, 'frameworks.read');
  const { frameworks, outcomes, outputs, indicators, targets } = await selectFrameworkTrees(db);
  return frameworks.map((f) => ({
    ...presentOrgFramework(f),
    outcomes: outcomes
      .filter((o) => o.framework_id === f.id)
      .map((o) => ({
        ...presentOrgOutcome(o),
        outputs: outputs.filter((x) => x.outcome_id === o.id).map(presentOrgOutput),
        indicators: indicators
          .filter((i) => i.node_id === o.id)
          .map((i) => ({ ...presentIndicator(i), targets: targets.filter((t) => t.indicator_id === i.id).map(presentIndicatorTarget), actuals: [] })),
      })),
  }));
}

export async function createOrgOutput(db: Kysely<DB>, outcomeId: string, input: z.infer<typeof OrgOutputCreate>, actor: Actor) {
  requireRight(actor, 'frameworks.write');
  return inTransaction(db, async (trx) => {
    const o = await trx.selectFrom('org_outcomes').select('id').where('id', '=', outcomeId).executeTakeFirst();
    if (!o) throw notFound('Organisation-wide outcome', outcomeId);
    const row = await trx.insertInto('org_outputs').values({ outcome_id: outcomeId, code: input.code, title: input.title }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'org_output', entityId: row.id, after: presentOrgOutput(row) });
    return presentOrgOutput(row);
  });
}

export async function createFramework(db: Kysely<DB>, input: z.infer<typeof OrgFrameworkCreate>, actor: Actor) {
  requireRight(actor, 'frameworks.write');
  assertPeriod(input.periodStart, input.periodEnd);
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('org_frameworks')
      .values({ kind: input.kind, code: input.code, title: input.title, period_start: input.periodStart, period_end: input.periodEnd, is_synthetic: actor.via === 'demo' })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'org_framework', entityId: row.id, after: presentOrgFramework(row) });
    return presentOrgFramework(row);
  });
}

export async function createOrgOutcome(db: Kysely<DB>, frameworkId: string, input: z.infer<typeof OrgOutcomeCreate>, actor: Actor) {
  requireRight(actor, 'frameworks.write');
  return inTransaction(db, async (trx) => {
    const f = await trx.selectFrom('org_frameworks').select('id').where('id', '=', frameworkId).executeTakeFirst();
    if (!f) throw notFound('Framework', frameworkId);
    const row = await trx.insertInto('org_outcomes').values({ framework_id: frameworkId, code: input.code, title: input.title }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'org_outcome', entityId: row.id, after: presentOrgOutcome(row) });
    return presentOrgOutcome(row);
  });
}
