import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ActualCreate, IndicatorCreate, TargetSet } from '../../../shared/contracts/programming.ts';
import type { IndicatorDetail } from '../../../shared/contracts/programming-answers.ts';
import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { presentIndicator, presentIndicatorActual, presentIndicatorTarget } from './indicators.presenter.ts';
import { authorizeNode, indicatorNode, type NodeInfo, type NodeType, nodeInfo, selectIndicator, selectIndicators } from './indicators.queries.ts';

function checkPeriod(node: NodeInfo, start: string, end: string) {
  if (end < start) throw new AppError('INVALID_INPUT', 'The period must not end before it starts', { field: 'periodEnd' });
  if (start < node.periodStart || end > node.periodEnd) {
    throw new AppError('INVALID_INPUT', `The period ${start} to ${end} lies outside the framework's period ${node.periodStart} to ${node.periodEnd}`, { field: 'periodStart' });
  }
}

export async function createIndicator(db: Kysely<DB>, input: z.infer<typeof IndicatorCreate>, actor: Actor) {
  return inTransaction(db, async (trx) => {
    const node = await nodeInfo(trx, input.nodeType, input.nodeId);
    await authorizeNode(trx, actor, node, true);
    const row = await trx
      .insertInto('indicators')
      .values({
        node_type: input.nodeType,
        node_id: input.nodeId,
        code: input.code ?? null,
        title: input.title,
        unit: input.unit,
        baseline_value: input.baselineValue ?? null,
        baseline_date: input.baselineDate ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'indicator', entityId: row.id, after: presentIndicator(row) });
    return presentIndicator(row);
  });
}

/** An indicator with its current targets and milestones, their superseded history, and its actuals. */
export async function getIndicator(db: Kysely<DB>, id: string, actor: Actor): Promise<IndicatorDetail> {
  const { ind, targets, actuals } = await selectIndicator(db, actor, id);
  return {
    ...presentIndicator(ind),
    targets: targets.filter((t) => !t.superseded_at).map(presentIndicatorTarget),
    history: targets.filter((t) => t.superseded_at).map(presentIndicatorTarget),
    actuals: actuals.map(presentIndicatorActual),
  };
}

/** Indicators of one results node. */
export async function findIndicators(db: Kysely<DB>, type: NodeType, nodeId: string, actor: Actor) {
  return (await selectIndicators(db, actor, type, nodeId)).map(presentIndicator);
}

async function writableIndicator(trx: Transaction<DB>, id: string, actor: Actor) {
  const { node } = await indicatorNode(trx, id);
  await authorizeNode(trx, actor, node, true);
  return node;
}

/**
 * Sets a target or milestone for a period. Revising a current value never overwrites it: the old row is
 * marked superseded and kept, and the revision must give a reason.
 */
export async function setTarget(db: Kysely<DB>, id: string, input: z.infer<typeof TargetSet>, actor: Actor) {
  return inTransaction(db, async (trx) => {
    const node = await writableIndicator(trx, id, actor);
    checkPeriod(node, input.periodStart, input.periodEnd);
    const current = await trx
      .selectFrom('indicator_targets')
      .selectAll()
      .where('indicator_id', '=', id)
      .where('kind', '=', input.kind)
      .where('period_start', '=', input.periodStart)
      .where('period_end', '=', input.periodEnd)
      .where('superseded_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (current && Number(current.value) === Number(input.value)) return presentIndicatorTarget(current);
    if (current && !input.reason?.trim()) {
      throw new AppError('INVALID_INPUT', `Revising the ${input.kind} of ${current.value} for this period needs a reason; the old value is kept in the history`, {
        field: 'reason',
      });
    }
    if (current) await trx.updateTable('indicator_targets').set({ superseded_at: new Date().toISOString() }).where('id', '=', current.id).execute();
    const row = await trx
      .insertInto('indicator_targets')
      .values({
        indicator_id: id,
        kind: input.kind,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        value: input.value,
        reason: input.reason ?? null,
        set_by: actor.label,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: current ? 'revise_target' : 'set_target',
      entityType: 'indicator',
      entityId: id,
      before: current ? presentIndicatorTarget(current) : undefined,
      after: presentIndicatorTarget(row),
    });
    return presentIndicatorTarget(row);
  });
}

export async function addActual(db: Kysely<DB>, id: string, input: z.infer<typeof ActualCreate>, actor: Actor) {
  return inTransaction(db, async (trx) => {
    const node = await writableIndicator(trx, id, actor);
    checkPeriod(node, input.periodStart, input.periodEnd);
    const row = await trx
      .insertInto('indicator_actuals')
      .values({ indicator_id: id, period_start: input.periodStart, period_end: input.periodEnd, value: input.value, source: input.source, comment: input.comment ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'add_actual', entityType: 'indicator', entityId: id, after: presentIndicatorActual(row) });
    return presentIndicatorActual(row);
  });
}
