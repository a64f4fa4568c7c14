import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { OrgFrameworkCreate, OrgOutcomeCreate } from '../../../shared/contracts/programming.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { present } from '../../http/present.ts';
import { writeAudit } from '../audit/audit.service.ts';

/** Organisation-wide frameworks (strategic plans, programme-and-budget biennia) with their outcomes. */
export async function findFrameworks(db: Kysely<DB>, actor: Actor) {
  requireRight(actor, 'frameworks.read');
  const [frameworks, outcomes] = await Promise.all([
    db.selectFrom('org_frameworks').selectAll().orderBy('period_start', 'desc').execute(),
    db.selectFrom('org_outcomes').selectAll().orderBy('code').execute(),
  ]);
  return frameworks.map((f) => ({ ...present(f), outcomes: outcomes.filter((o) => o.framework_id === f.id).map((o) => present(o)) }));
}

export async function createFramework(db: Kysely<DB>, input: z.infer<typeof OrgFrameworkCreate>, actor: Actor) {
  requireRight(actor, 'frameworks.write');
  if (input.periodEnd <= input.periodStart) throw new AppError('INVALID_INPUT', 'The period must end after it starts', { field: 'periodEnd' });
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('org_frameworks')
      .values({ kind: input.kind, code: input.code, title: input.title, period_start: input.periodStart, period_end: input.periodEnd, is_synthetic: actor.via === 'demo' })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'org_framework', entityId: row.id, after: present(row) });
    return present(row);
  });
}

export async function createOrgOutcome(db: Kysely<DB>, frameworkId: string, input: z.infer<typeof OrgOutcomeCreate>, actor: Actor) {
  requireRight(actor, 'frameworks.write');
  return inTransaction(db, async (trx) => {
    const f = await trx.selectFrom('org_frameworks').select('id').where('id', '=', frameworkId).executeTakeFirst();
    if (!f) throw notFound('Framework', frameworkId);
    const row = await trx.insertInto('org_outcomes').values({ framework_id: frameworkId, code: input.code, title: input.title }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'org_outcome', entityId: row.id, after: present(row) });
    return present(row);
  });
}
