import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { CpoCreate, CpoUpdate, DwcpCreate, DwcpPriorityCreate, DwcpPriorityUpdate, DwcpUpdate } from '../../../shared/contracts/programming.ts';
import type { DwcpTree } from '../../../shared/contracts/programming-answers.ts';
import type { Actor } from '../../access/actor.ts';
import { countryScope } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCountryInScope } from '../countries/countries.queries.ts';
import { assertPeriod } from '../reference/reference.check.ts';
import { computeAlignment } from './alignment.rules.ts';
import { type CpoLinks, presentCpo, presentCpoRow, presentDwcp, presentDwcpPriority } from './dwcps.presenter.ts';
import { selectDwcps, selectDwcpTree } from './dwcps.queries.ts';

async function dwcpCountry(db: Kysely<DB>, dwcpId: string): Promise<string> {
  const row = await db.selectFrom('dwcps').select('country_code').where('id', '=', dwcpId).executeTakeFirst();
  if (!row) throw notFound('DWCP', dwcpId);
  return row.country_code;
}

const writable = async (db: Kysely<DB>, dwcpId: string, actor: Actor) => {
  const code = await dwcpCountry(db, dwcpId);
  await assertCountryInScope(db, countryScope(actor, 'programming.write'), code);
  return code;
};

async function checkCycleOfCountry(db: Kysely<DB>, cycleId: string | null | undefined, code: string) {
  if (!cycleId) return;
  const c = await db.selectFrom('cf_cycles').select('country_code').where('id', '=', cycleId).executeTakeFirst();
  if (!c || c.country_code !== code) throw new AppError('INVALID_INPUT', 'The Cooperation Framework cycle must be one of the same country', { field: 'cfCycleId' });
}

/** DWCPs of a country, newest first. */
export async function findDwcps(db: Kysely<DB>, code: string, actor: Actor) {
  return (await selectDwcps(db, countryScope(actor, 'programming.read'), code)).map(presentDwcp);
}

/** A DWCP with priorities → CPOs, each CPO's links, drift from its CF outcome, and each priority's alignment (recorded and computed). */
export async function getDwcp(db: Kysely<DB>, id: string, actor: Actor): Promise<DwcpTree> {
  const { dwcp, priorities, cpos, outputs, orgOutcomes, targets } = await selectDwcpTree(db, countryScope(actor, 'programming.read'), id);
  return {
    ...presentDwcp(dwcp),
    priorities: priorities.map((p) => {
      const own = cpos.filter((c) => c.priority_id === p.id);
      const cfOutputIds = (cpoId: string) => outputs.filter((o) => o.cpo_id === cpoId).map((o) => o.cf_output_id);
      return {
        ...presentDwcpPriority(p),
        alignmentComputed: computeAlignment(own.map((c) => ({ derivation: c.derivation as 'derived' | 'additional', cfOutputCount: cfOutputIds(c.id).length }))),
        cpos: own.map((c) => ({
          ...presentCpo(c, {
            cfOutputIds: cfOutputIds(c.id),
            orgOutcomeIds: orgOutcomes.filter((o) => o.cpo_id === c.id).map((o) => o.org_outcome_id),
            sdgTargets: targets.filter((t) => t.cpo_id === c.id).map((t) => t.target_code),
          }),
          cfOutcomeCode: c.cf_outcome_code,
          cfOutcomeText: c.cf_outcome_text,
          drifted: c.derivation === 'derived' && c.text !== c.cf_outcome_text,
        })),
      };
    }),
  };
}

export async function createDwcp(db: Kysely<DB>, code: string, input: z.infer<typeof DwcpCreate>, actor: Actor) {
  const scope = countryScope(actor, 'programming.write');
  assertPeriod(input.periodStart, input.periodEnd);
  return inTransaction(db, async (trx) => {
    await assertCountryInScope(trx, scope, code);
    await checkCycleOfCountry(trx, input.cfCycleId, code);
    const row = await trx
      .insertInto('dwcps')
      .values({
        country_code: code,
        title: input.title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        status: input.status,
        cf_cycle_id: input.cfCycleId ?? null,
        is_synthetic: actor.via === 'demo',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'dwcp', entityId: row.id, after: presentDwcp(row) });
    return presentDwcp(row);
  });
}

export async function updateDwcp(db: Kysely<DB>, id: string, input: z.infer<typeof DwcpUpdate>, actor: Actor) {
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'dwcps',
      id,
      version: input.version,
      entityType: 'dwcp',
      label: 'DWCP',
      authorize: async (trx) => void (await writable(trx, id, actor)),
      present: presentDwcp,
    },
    'update',
    async (trx, current) => {
      const start = input.periodStart ?? current.period_start;
      const end = input.periodEnd ?? current.period_end;
      assertPeriod(start, end);
      await checkCycleOfCountry(trx, input.cfCycleId, current.country_code);
      return updateVersioned(trx, 'dwcps', current, {
        title: input.title,
        status: input.status,
        cf_cycle_id: input.cfCycleId,
        period_start: start,
        period_end: end,
      });
    },
  );
  return presentDwcp(row);
}

export async function createDwcpPriority(db: Kysely<DB>, dwcpId: string, input: z.infer<typeof DwcpPriorityCreate>, actor: Actor) {
  return inTransaction(db, async (trx) => {
    await writable(trx, dwcpId, actor);
    const row = await trx
      .insertInto('dwcp_priorities')
      .values({ dwcp_id: dwcpId, code: input.code, title: input.title, alignment_recorded: input.alignmentRecorded ?? null, alignment_evidence: input.alignmentEvidence ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'dwcp_priority', entityId: row.id, after: presentDwcpPriority(row) });
    return presentDwcpPriority(row);
  });
}

/** Records how far a priority is reflected in the CF (with evidence), or changes its title. */
export async function updateDwcpPriority(db: Kysely<DB>, id: string, input: z.infer<typeof DwcpPriorityUpdate>, actor: Actor) {
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'dwcp_priorities',
      id,
      version: input.version,
      entityType: 'dwcp_priority',
      label: 'DWCP priority',
      authorize: async (trx, current) => void (await writable(trx, current.dwcp_id, actor)),
      present: presentDwcpPriority,
    },
    'update',
    async (trx, current) =>
      updateVersioned(trx, 'dwcp_priorities', current, {
        code: input.code,
        title: input.title,
        alignment_recorded: input.alignmentRecorded,
        alignment_evidence: input.alignmentEvidence,
      }),
  );
  return presentDwcpPriority(row);
}

async function checkCpoLinks(trx: Transaction<DB>, code: string, input: Pick<z.infer<typeof CpoCreate>, 'cfOutputIds' | 'orgOutcomeIds' | 'sdgTargets'>) {
  if (input.cfOutputIds.length) {
    const found = await trx
      .selectFrom('cf_outputs')
      .innerJoin('cf_outcomes', 'cf_outcomes.id', 'cf_outputs.outcome_id')
      .innerJoin('cf_cycles', 'cf_cycles.id', 'cf_outcomes.cycle_id')
      .select('cf_outputs.id')
      .where('cf_outputs.id', 'in', input.cfOutputIds)
      .where('cf_cycles.country_code', '=', code)
      .execute();
    if (found.length !== new Set(input.cfOutputIds).size)
      throw new AppError('INVALID_INPUT', 'Every CF output must exist and belong to a cycle of the same country', { field: 'cfOutputIds' });
  }
  if (input.orgOutcomeIds.length) {
    const found = await trx.selectFrom('org_outcomes').select('id').where('id', 'in', input.orgOutcomeIds).execute();
    if (found.length !== new Set(input.orgOutcomeIds).size) throw new AppError('INVALID_INPUT', 'Unknown organisation-wide outcome', { field: 'orgOutcomeIds' });
  }
  if (input.sdgTargets.length) {
    const found = await trx.selectFrom('sdg_targets').select('code').where('code', 'in', input.sdgTargets).execute();
    const missing = input.sdgTargets.filter((t) => !found.some((f) => f.code === t));
    if (missing.length) throw new AppError('INVALID_INPUT', `Unknown SDG target(s): ${missing.join(', ')}`, { field: 'sdgTargets', missing });
  }
}

/** The text a CPO gets: a derived CPO's text is the CF outcome's, verbatim; an additional one needs a justification. */
async function cpoText(trx: Transaction<DB>, code: string, dwcpCycle: string | null, input: z.infer<typeof CpoCreate>): Promise<string> {
  if (input.derivation === 'additional') {
    if (input.cfOutcomeId) throw new AppError('INVALID_INPUT', 'An additional outcome is not derived from a CF outcome: leave cfOutcomeId out', { field: 'cfOutcomeId' });
    if (!input.justification?.trim()) throw new AppError('INVALID_INPUT', 'An additional (normative) outcome needs a justification', { field: 'justification' });
    if (!input.text) throw new AppError('INVALID_INPUT', 'An additional outcome needs its text', { field: 'text' });
    return input.text;
  }
  if (!input.cfOutcomeId) throw new AppError('INVALID_INPUT', 'A derived outcome names the CF outcome it is derived from', { field: 'cfOutcomeId' });
  const outcome = await trx
    .selectFrom('cf_outcomes')
    .innerJoin('cf_cycles', 'cf_cycles.id', 'cf_outcomes.cycle_id')
    .select(['cf_outcomes.text', 'cf_cycles.country_code', 'cf_cycles.id as cycle_id'])
    .where('cf_outcomes.id', '=', input.cfOutcomeId)
    .executeTakeFirst();
  if (!outcome) throw new AppError('INVALID_INPUT', `CF outcome ${input.cfOutcomeId} does not exist`, { field: 'cfOutcomeId' });
  if (outcome.country_code !== code) throw new AppError('INVALID_INPUT', 'A CPO can only be derived from a CF outcome of its own country', { field: 'cfOutcomeId' });
  if (dwcpCycle && outcome.cycle_id !== dwcpCycle)
    throw new AppError('INVALID_INPUT', "The CF outcome belongs to another cycle than the DWCP's Cooperation Framework", { field: 'cfOutcomeId' });
  if (input.text && input.text !== outcome.text)
    throw new AppError('INVALID_INPUT', 'A derived outcome copies the CF outcome verbatim: its text must equal the CF outcome text', { field: 'text' });
  return outcome.text;
}

export async function createCpo(db: Kysely<DB>, dwcpId: string, input: z.infer<typeof CpoCreate>, actor: Actor) {
  return inTransaction(db, async (trx) => {
    const code = await writable(trx, dwcpId, actor);
    const dwcp = await trx.selectFrom('dwcps').select('cf_cycle_id').where('id', '=', dwcpId).executeTakeFirstOrThrow();
    const priority = await trx.selectFrom('dwcp_priorities').select('id').where('id', '=', input.priorityId).where('dwcp_id', '=', dwcpId).executeTakeFirst();
    if (!priority) throw new AppError('INVALID_INPUT', 'The priority does not belong to this DWCP', { field: 'priorityId' });
    const text = await cpoText(trx, code, dwcp.cf_cycle_id, input);
    await checkCpoLinks(trx, code, input);
    const row = await trx
      .insertInto('cpos')
      .values({
        dwcp_id: dwcpId,
        priority_id: input.priorityId,
        code: input.code,
        text,
        derivation: input.derivation,
        cf_outcome_id: input.cfOutcomeId ?? null,
        justification: input.justification ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const links: CpoLinks = { cfOutputIds: input.cfOutputIds, orgOutcomeIds: input.orgOutcomeIds, sdgTargets: input.sdgTargets };
    if (links.cfOutputIds.length)
      await trx
        .insertInto('cpo_cf_outputs')
        .values(links.cfOutputIds.map((x) => ({ cpo_id: row.id, cf_output_id: x })))
        .execute();
    if (links.orgOutcomeIds.length)
      await trx
        .insertInto('cpo_org_outcomes')
        .values(links.orgOutcomeIds.map((x) => ({ cpo_id: row.id, org_outcome_id: x })))
        .execute();
    if (links.sdgTargets.length)
      await trx
        .insertInto('cpo_sdg_targets')
        .values(links.sdgTargets.map((x) => ({ cpo_id: row.id, target_code: x })))
        .execute();
    const cpo = presentCpo(row, links);
    await writeAudit(trx, actor, { action: 'create', entityType: 'cpo', entityId: row.id, after: cpo });
    return cpo;
  });
}

/** A CPO's links: CF outputs, organisation-wide outcomes, SDG targets. */
async function cpoLinks(db: Kysely<DB>, cpoId: string): Promise<CpoLinks> {
  const [outputs, outcomes, targets] = await Promise.all([
    db.selectFrom('cpo_cf_outputs').select('cf_output_id').where('cpo_id', '=', cpoId).execute(),
    db.selectFrom('cpo_org_outcomes').select('org_outcome_id').where('cpo_id', '=', cpoId).execute(),
    db.selectFrom('cpo_sdg_targets').select('target_code').where('cpo_id', '=', cpoId).execute(),
  ]);
  return { cfOutputIds: outputs.map((o) => o.cf_output_id), orgOutcomeIds: outcomes.map((o) => o.org_outcome_id), sdgTargets: targets.map((t) => t.target_code) };
}

/** Changes a CPO's text (an additional one) or re-derives a derived one's text from its CF outcome when the text is left out. */
export async function updateCpo(db: Kysely<DB>, id: string, input: z.infer<typeof CpoUpdate>, actor: Actor) {
  const row = await changeVersioned(
    db,
    actor,
    {
      table: 'cpos',
      id,
      version: input.version,
      entityType: 'cpo',
      label: 'CPO',
      authorize: async (trx, current) => void (await writable(trx, current.dwcp_id, actor)),
      present: presentCpoRow,
      related: async (trx, cpoId) => ({ cfOutputIds: (await cpoLinks(trx, cpoId)).cfOutputIds }),
    },
    'update',
    async (trx, current) => {
      if (input.code !== undefined) {
        const clash = await trx.selectFrom('cpos').select('id').where('dwcp_id', '=', current.dwcp_id).where('code', '=', input.code).where('id', '<>', id).executeTakeFirst();
        if (clash) throw new AppError('INVALID_INPUT', `Another outcome of this DWCP has the code ${input.code}`, { field: 'code', reason: 'taken' });
      }
      if (input.cfOutputIds !== undefined) {
        await checkCpoLinks(trx, await dwcpCountry(trx, current.dwcp_id), { cfOutputIds: input.cfOutputIds, orgOutcomeIds: [], sdgTargets: [] });
        await trx.deleteFrom('cpo_cf_outputs').where('cpo_id', '=', id).execute();
        if (input.cfOutputIds.length)
          await trx
            .insertInto('cpo_cf_outputs')
            .values([...new Set(input.cfOutputIds)].map((x) => ({ cpo_id: id, cf_output_id: x })))
            .execute();
      }
      let text = input.text ?? undefined;
      if (current.derivation === 'derived') {
        const outcome = await trx
          .selectFrom('cf_outcomes')
          .select('text')
          .where('id', '=', current.cf_outcome_id as string)
          .executeTakeFirstOrThrow();
        if (text && text !== outcome.text)
          throw new AppError('INVALID_INPUT', 'A derived outcome copies the CF outcome verbatim: its text must equal the CF outcome text', { field: 'text' });
        text = outcome.text;
      }
      if (current.derivation === 'additional' && input.justification !== undefined && !input.justification?.trim()) {
        throw new AppError('INVALID_INPUT', 'An additional (normative) outcome needs a justification', { field: 'justification', reason: 'required' });
      }
      if (current.derivation === 'additional' && input.text !== undefined && !input.text?.trim()) {
        throw new AppError('INVALID_INPUT', 'An additional (normative) outcome needs its text', { field: 'text', reason: 'required' });
      }
      // An empty text or justification is not a change (the derived text is the CF outcome's; a cleared justification was refused above).
      return updateVersioned(trx, 'cpos', current, { code: input.code, text: text || undefined, justification: input.justification || undefined });
    },
  );
  return presentCpo(row, await cpoLinks(db, id));
}
