import type { Kysely } from 'kysely';
import type { ProgrammeImportReport } from '../../shared/contracts/programming-answers.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../errors.ts';
import { createMilestone } from '../modules/calendar/calendar.service.ts';
import { createCycle, createOutcome, createOutput, createPriority } from '../modules/cf/cf.service.ts';
import { createConstituent, createCountryProfile } from '../modules/countries/countries.service.ts';
import { createCpo, createDwcp, createDwcpPriority } from '../modules/dwcps/dwcps.service.ts';
import { createIndicator, setTarget } from '../modules/indicators/indicators.service.ts';
import type { ProgrammeFile } from './programme-file.ts';

type IndicatorDoc = ProgrammeFile['cycles'][number]['priorities'][number]['outcomes'][number]['indicators'][number];

async function addIndicators(trx: Kysely<DB>, path: string, nodeType: 'cf_outcome' | 'cpo', nodeId: string, list: IndicatorDoc[], actor: Actor, counts: Counts) {
  for (const [ii, ind] of list.entries()) {
    const ipath = `${path}.indicators[${ii}]`;
    const created = await at(ipath, () =>
      createIndicator(trx, { nodeType, nodeId, code: ind.code, title: ind.title, unit: ind.unit, baselineValue: ind.baselineValue, baselineDate: ind.baselineDate }, actor),
    );
    for (const [ti, target] of ind.targets.entries()) await at(`${ipath}.targets[${ti}]`, () => setTarget(trx, created.id, target, actor));
    counts.indicators++;
  }
}

type Counts = ProgrammeImportReport['counts'];

/** Runs one step; a refusal is reported at the place in the file it comes from (path + the field named by the service). */
async function at<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof AppError && err.code !== 'INTERNAL') {
      const field = (err.details as { field?: string } | undefined)?.field;
      throw new AppError(err.code, `${path}${field ? `.${field}` : ''}: ${err.message}`, { path: field ? `${path}.${field}` : path });
    }
    throw err;
  }
}

/**
 * Applies a country programme document through the same services as the API, in one transaction:
 * either everything is stored (and audited, via 'import') or nothing is.
 */
export function applyProgramme(db: Kysely<DB>, file: ProgrammeFile, actor: Actor): Promise<ProgrammeImportReport> {
  return inTransaction(db, async (trx) => {
    const counts: Counts = { constituents: 0, cycles: 0, outcomes: 0, outputs: 0, dwcps: 0, cpos: 0, indicators: 0, milestones: 0 };
    const office = await trx.selectFrom('offices').select('id').where('code', '=', file.coveringOffice).executeTakeFirst();
    if (!office) throw new AppError('INVALID_INPUT', `coveringOffice: there is no office with the code ${file.coveringOffice}`, { path: 'coveringOffice' });
    const code = file.countryCode;
    await at('(root)', () =>
      createCountryProfile(trx, { countryCode: code, presence: file.presence, coveringOfficeId: office.id, deliveringAsOne: file.deliveringAsOne, rcOffice: file.rcOffice }, actor),
    );
    for (const [i, c] of file.constituents.entries()) {
      await at(`constituents[${i}]`, () => createConstituent(trx, code, c, actor));
      counts.constituents++;
    }
    const cycleIds = new Map<string, string>();
    const outcomeIds = new Map<string, Map<string, string>>();
    const outputIds = new Map<string, string>();
    for (const [ci, cy] of file.cycles.entries()) {
      const path = `cycles[${ci}]`;
      const cycle = await at(path, () => createCycle(trx, code, cy, actor));
      const cycleId = cycle.id;
      cycleIds.set(cy.title, cycleId);
      outcomeIds.set(cycleId, new Map());
      counts.cycles++;
      for (const [pi, p] of cy.priorities.entries()) {
        const priority = await at(`${path}.priorities[${pi}]`, () => createPriority(trx, cycleId, { code: p.code, title: p.title }, actor));
        for (const [oi, o] of p.outcomes.entries()) {
          const opath = `${path}.priorities[${pi}].outcomes[${oi}]`;
          const outcome = await at(opath, () =>
            createOutcome(trx, cycleId, { priorityId: priority.id, code: o.code, text: o.text, orgRole: o.orgRole, outcomeGroup: o.outcomeGroup, sdgTargets: o.sdgTargets }, actor),
          );
          outcomeIds.get(cycleId)?.set(o.code, outcome.id);
          counts.outcomes++;
          await addIndicators(trx, opath, 'cf_outcome', outcome.id, o.indicators, actor, counts);
          for (const [xi, x] of o.outputs.entries()) {
            const output = await at(`${opath}.outputs[${xi}]`, () => createOutput(trx, outcome.id, x, actor));
            outputIds.set(`${cycleId}/${x.code}`, output.id);
            counts.outputs++;
          }
        }
      }
    }
    for (const [di, d] of file.dwcps.entries()) {
      const path = `dwcps[${di}]`;
      let cycleId: string | null = null;
      if (d.cycle) {
        cycleId =
          cycleIds.get(d.cycle) ?? (await trx.selectFrom('cf_cycles').select('id').where('country_code', '=', code).where('title', '=', d.cycle).executeTakeFirst())?.id ?? null;
        if (!cycleId) throw new AppError('INVALID_INPUT', `${path}.cycle: no cycle titled "${d.cycle}" in this file or for ${code}`, { path: `${path}.cycle` });
      }
      const dwcp = await at(path, () => createDwcp(trx, code, { title: d.title, periodStart: d.periodStart, periodEnd: d.periodEnd, status: d.status, cfCycleId: cycleId }, actor));
      counts.dwcps++;
      for (const [pi, p] of d.priorities.entries()) {
        const priority = await at(`${path}.priorities[${pi}]`, () => createDwcpPriority(trx, dwcp.id, p, actor));
        for (const [ci, c] of p.cpos.entries()) {
          const cpath = `${path}.priorities[${pi}].cpos[${ci}]`;
          const cfOutcomeId = c.cfOutcome ? (cycleId ? outcomeIds.get(cycleId)?.get(c.cfOutcome) : undefined) : null;
          if (cfOutcomeId === undefined) throw new AppError('INVALID_INPUT', `${cpath}.cfOutcome: no outcome ${c.cfOutcome} in the DWCP's cycle`, { path: `${cpath}.cfOutcome` });
          const cfOutputIds = c.cfOutputs.map((x) => outputIds.get(`${cycleId}/${x}`));
          if (cfOutputIds.some((x) => !x)) throw new AppError('INVALID_INPUT', `${cpath}.cfOutputs: an output code is not in the DWCP's cycle`, { path: `${cpath}.cfOutputs` });
          const cpo = await at(cpath, () =>
            createCpo(
              trx,
              dwcp.id,
              {
                priorityId: priority.id,
                code: c.code,
                derivation: c.derivation,
                cfOutcomeId,
                text: c.text,
                justification: c.justification,
                cfOutputIds: cfOutputIds as string[],
                orgOutcomeIds: [],
                sdgTargets: c.sdgTargets,
              },
              actor,
            ),
          );
          counts.cpos++;
          await addIndicators(trx, cpath, 'cpo', cpo.id, c.indicators, actor, counts);
        }
      }
    }
    for (const [mi, m] of file.milestones.entries()) {
      await at(`milestones[${mi}]`, () => createMilestone(trx, code, m, actor));
      counts.milestones++;
    }
    return { country: code, counts };
  });
}
