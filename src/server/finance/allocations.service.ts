import type { Kysely } from 'kysely';
import type { Allocation } from '../../shared/contracts/finance.ts';
import { amountProblem } from '../../shared/money.ts';
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
  input: { amount: string; currency: string; source: string },
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
    const before = await trx.selectFrom('allocations').selectAll().where('project_id', '=', projectId).where('year', '=', year).executeTakeFirst();
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
