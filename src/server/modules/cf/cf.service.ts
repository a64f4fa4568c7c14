import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CfCycleCreate, CfCycleUpdate, CfOutcomeCreate, CfOutcomeUpdate, CfOutputCreate, CfPriorityCreate } from '../../../shared/contracts/programming.ts';
import type { CfCycleTree } from '../../../shared/contracts/programming-answers.ts';
import type { Actor } from '../../access/actor.ts';
import { countryScope } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCountryInScope } from '../countries/countries.queries.ts';
import { assertPeriod } from '../reference/reference.check.ts';
import { presentCfCycle, presentCfOutcome, presentCfOutcomeRow, presentCfOutput, presentCfPriority } from './cf.presenter.ts';
import { selectCycles, selectCycleTree } from './cf.queries.ts';

async function assertNoOverlap(db: Kysely<DB>, code: string, start: string, end: string, exceptId?: string) {
  assertPeriod(start, end);
  // Serialise cycle writes of one country, so two overlapping cycles cannot be created at once.
  await db.selectFrom('country_profiles').select('country_code').where('country_code', '=', code).forUpdate().execute();
  let q = db
    .selectFrom('cf_cycles')
    .select(['title', 'period_start', 'period_end'])
    .where('country_code', '=', code)
    .where('period_start', '<', end)
    .where('period_end', '>', start);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const clash = await q.executeTakeFirst();
  if (clash) {
    throw new AppError('INVALID_INPUT', `The period overlaps the cycle "${clash.title}" (${clash.period_start} to ${clash.period_end}) of the same country`, {
      field: 'periodStart',
    });
  }
}

async function cycleCountry(db: Kysely<DB>, cycleId: string): Promise<string> {
  const row = await db.selectFrom('cf_cycles').select('country_code').where('id', '=', cycleId).executeTakeFirst();
  if (!row) throw notFound('Cooperation Framework cycle', cycleId);
  return row.country_code;
}

async function checkSdgTargets(db: Kysely<DB>, codes: string[]) {
  if (!codes.length) return;
  const found = await db.selectFrom('sdg_targets').select('code').where('code', 'in', codes).execute();
  const missing = codes.filter((c) => !found.some((f) => f.code === c));
  if (missing.length) throw new AppError('INVALID_INPUT', `Unknown SDG target(s): ${missing.join(', ')}`, { field: 'sdgTargets', missing });
}

/** Cooperation Framework (and UNDAF) cycles of a country, newest first. */
export async function findCycles(db: Kysely<DB>, code: string, actor: Actor) {
  return (await selectCycles(db, countryScope(actor, 'programming.read'), code)).map(presentCfCycle);
}

/** One cycle with its strategic priorities → outcomes (with SDG targets) → outputs. */
export async function getCycle(db: Kysely<DB>, id: string, actor: Actor): Promise<CfCycleTree> {
  const { cycle, priorities, outcomes, outputs, targets } = await selectCycleTree(db, countryScope(actor, 'programming.read'), id);
  return {
    ...presentCfCycle(cycle),
    priorities: priorities.map((p) => ({
      ...presentCfPriority(p),
      outcomes: outcomes
        .filter((o) => o.priority_id === p.id)
        .map((o) => ({
          ...presentCfOutcome(
            o,
            targets.filter((t) => t.outcome_id === o.id).map((t) => t.target_code),
          ),
          outputs: outputs.filter((x) => x.outcome_id === o.id).map(presentCfOutput),
        })),
    })),
  };
}

export async function createCycle(db: Kysely<DB>, code: string, input: z.infer<typeof CfCycleCreate>, actor: Actor) {
  const scope = countryScope(actor, 'programming.write');
  return inTransaction(db, async (trx) => {
    await assertCountryInScope(trx, scope, code);
    await assertNoOverlap(trx, code, input.periodStart, input.periodEnd);
    const row = await trx
      .insertInto('cf_cycles')
      .values({
        country_code: code,
        kind: input.kind,
        title: input.title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        stage: input.stage,
        is_synthetic: actor.via === 'demo',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'cf_cycle', entityId: row.id, after: presentCfCycle(row) });
    return presentCfCycle(row);
  });
}

export async function updateCycle(db: Kysely<DB>, id: string, input: z.infer<typeof CfCycleUpdate>, actor: Actor) {
  const scope = countryScope(actor, 'programming.write');
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'cf_cycles',
      id,
      version: input.version,
      entityType: 'cf_cycle',
      label: 'Cooperation Framework cycle',
      authorize: (trx, current) => assertCountryInScope(trx, scope, current.country_code),
      present: presentCfCycle,
    },
    'update',
    async (trx, current) => {
      const start = input.periodStart ?? current.period_start;
      const end = input.periodEnd ?? current.period_end;
      if (start !== current.period_start || end !== current.period_end) await assertNoOverlap(trx, current.country_code, start, end, id);
      return updateVersioned(trx, 'cf_cycles', current, {
        kind: input.kind,
        title: input.title,
        stage: input.stage,
        period_start: start,
        period_end: end,
      });
    },
  );
  return presentCfCycle(row);
}

async function writableCycle(db: Kysely<DB>, cycleId: string, actor: Actor) {
  await assertCountryInScope(db, countryScope(actor, 'programming.write'), await cycleCountry(db, cycleId));
}

export async function createPriority(db: Kysely<DB>, cycleId: string, input: z.infer<typeof CfPriorityCreate>, actor: Actor) {
  return inTransaction(db, async (trx) => {
    await writableCycle(trx, cycleId, actor);
    const row = await trx.insertInto('cf_priorities').values({ cycle_id: cycleId, code: input.code, title: input.title }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'cf_priority', entityId: row.id, after: presentCfPriority(row) });
    return presentCfPriority(row);
  });
}

export async function createOutcome(db: Kysely<DB>, cycleId: string, input: z.infer<typeof CfOutcomeCreate>, actor: Actor) {
  return inTransaction(db, async (trx) => {
    await writableCycle(trx, cycleId, actor);
    const priority = await trx.selectFrom('cf_priorities').select('id').where('id', '=', input.priorityId).where('cycle_id', '=', cycleId).executeTakeFirst();
    if (!priority) throw new AppError('INVALID_INPUT', 'The strategic priority does not belong to this cycle', { field: 'priorityId' });
    await checkSdgTargets(trx, input.sdgTargets);
    const row = await trx
      .insertInto('cf_outcomes')
      .values({
        cycle_id: cycleId,
        priority_id: input.priorityId,
        code: input.code,
        text: input.text,
        outcome_group: input.outcomeGroup ?? null,
        org_role: input.orgRole ?? 'none',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.sdgTargets.length)
      await trx
        .insertInto('cf_outcome_sdg_targets')
        .values(input.sdgTargets.map((t) => ({ outcome_id: row.id, target_code: t })))
        .execute();
    const outcome = presentCfOutcome(row, input.sdgTargets);
    await writeAudit(trx, actor, { action: 'create', entityType: 'cf_outcome', entityId: row.id, after: outcome });
    return outcome;
  });
}

/** The SDG targets an outcome is linked to, in code order. */
async function outcomeTargets(db: Kysely<DB>, outcomeId: string): Promise<string[]> {
  const rows = await db.selectFrom('cf_outcome_sdg_targets').select('target_code').where('outcome_id', '=', outcomeId).orderBy('target_code').execute();
  return rows.map((t) => t.target_code);
}

/** Changes a CF outcome; CPOs derived from it keep their text and are flagged as drifted until re-derived. */

export async function updateOutcome(db: Kysely<DB>, id: string, input: z.infer<typeof CfOutcomeUpdate>, actor: Actor) {
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'cf_outcomes',
      id,
      version: input.version,
      entityType: 'cf_outcome',
      label: 'CF outcome',
      authorize: (trx, current) => writableCycle(trx, current.cycle_id, actor),
      present: presentCfOutcomeRow,
      related: async (trx, outcomeId) => ({ sdgTargets: await outcomeTargets(trx, outcomeId) }),
    },
    'update',
    async (trx, current) => {
      if (input.sdgTargets) {
        await checkSdgTargets(trx, input.sdgTargets);
        await trx.deleteFrom('cf_outcome_sdg_targets').where('outcome_id', '=', id).execute();
        if (input.sdgTargets.length)
          await trx
            .insertInto('cf_outcome_sdg_targets')
            .values(input.sdgTargets.map((t) => ({ outcome_id: id, target_code: t })))
            .execute();
      }
      return updateVersioned(trx, 'cf_outcomes', current, { code: input.code, text: input.text, outcome_group: input.outcomeGroup, org_role: input.orgRole });
    },
  );
  return presentCfOutcome(row, await outcomeTargets(db, id));
}

export async function createOutput(db: Kysely<DB>, outcomeId: string, input: z.infer<typeof CfOutputCreate>, actor: Actor) {
  return inTransaction(db, async (trx) => {
    const outcome = await trx.selectFrom('cf_outcomes').select('cycle_id').where('id', '=', outcomeId).executeTakeFirst();
    if (!outcome) throw notFound('CF outcome', outcomeId);
    await writableCycle(trx, outcome.cycle_id, actor);
    const row = await trx
      .insertInto('cf_outputs')
      .values({ outcome_id: outcomeId, code: input.code, text: input.text, org_role: input.orgRole ?? 'none' })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'cf_output', entityId: row.id, after: presentCfOutput(row) });
    return presentCfOutput(row);
  });
}
