import { type Kysely, sql } from 'kysely';
import type { Allocation } from '../../shared/contracts/finance.ts';
import { amountProblem, sameDecimal } from '../../shared/money.ts';
import type { Actor } from '../access/actor.ts';
import { scopeFor } from '../access/rights.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError, notFound } from '../errors.ts';
import { scopedProjects } from '../modules/projects/projects.queries.ts';
import { assertCurrency } from '../modules/reference/reference.check.ts';
import { presentAllocation } from './finance-imports.presenter.ts';
import { refreshProjectFinance } from './project-finance.refresh.ts';

/** Sets a project's allocation for a year (replacing the earlier one, audited with before and after). */
export async function setAllocation(
  db: Kysely<DB>,
  projectId: string,
  year: number,
  input: { amount: string; currency: string; source: string; expected?: string | null },
  actor: Actor,
): Promise<Allocation> {
  const problem = amountProblem(input.amount, input.currency);
  if (problem) throw new AppError('INVALID_INPUT', `amount: ${problem}`, { field: 'amount' });
  return inTransaction(db, async (trx) => {
    const project = await scopedProjects(trx, scopeFor(actor, 'projects.write'))
      .select(['projects.id', 'projects.planned_start', 'projects.planned_end'])
      .where('projects.id', '=', projectId)
      .executeTakeFirst();
    if (!project) throw notFound('Project', projectId);
    if (year < Number(project.planned_start.slice(0, 4)) || year > Number(project.planned_end.slice(0, 4))) {
      throw new AppError('INVALID_INPUT', `${year} is outside the project's planned period`, { field: 'year' });
    }
    await assertCurrency(trx, input.currency);
    const before = await trx.selectFrom('allocations').selectAll().where('project_id', '=', projectId).where('year', '=', year).forUpdate().executeTakeFirst();
    if (input.expected !== undefined && (before ? input.expected === null || !sameDecimal(before.amount, input.expected) : input.expected !== null)) {
      const last = await trx
        .selectFrom('audit_log')
        .select(['actor_label', 'at'])
        .where('entity_type', '=', 'project')
        .where('entity_id', '=', projectId)
        .where('action', '=', 'set_allocation')
        .where(sql<boolean>`(after->>'year')::int = ${year}`)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      throw new AppError(
        'CONFLICT',
        `The allocation for ${year} was changed${last ? ` by ${last.actor_label} at ${last.at}` : ''} since you read it; reload it and apply your change again`,
        {
          current: before ? presentAllocation(before) : null,
          ...(last ? { changedBy: last.actor_label, changedAt: last.at } : {}),
        },
      );
    }
    const row = await trx
      .insertInto('allocations')
      .values({ project_id: projectId, year, amount: input.amount, currency: input.currency, source: input.source })
      .onConflict((oc) => oc.columns(['project_id', 'year']).doUpdateSet({ amount: input.amount, currency: input.currency, source: input.source }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshProjectFinance(trx, { projectIds: [projectId] });
    const allocation = presentAllocation(row);
    await writeAudit(trx, actor, {
      action: 'set_allocation',
      entityType: 'project',
      entityId: projectId,
      before: before ? presentAllocation(before) : undefined,
      after: allocation,
    });
    return allocation;
  });
}
