import type { Kysely } from 'kysely';
import type { CountryPageData, IndicatorWithValues } from '../../../shared/contracts/programming-answers.ts';
import type { Actor } from '../../access/actor.ts';
import type { DB } from '../../db/schema.ts';
import { findCalendar } from '../calendar/calendar.service.ts';
import { findCycles, getCycle } from '../cf/cf.service.ts';
import { findConstituents, getCountryProfile } from '../countries/countries.service.ts';
import { findDwcps, getDwcp } from '../dwcps/dwcps.service.ts';
import { presentIndicator, presentIndicatorActual, presentIndicatorTarget } from '../indicators/indicators.presenter.ts';
import { indicatorsOfNodes } from '../indicators/indicators.queries.ts';
import { sdgTargetTitles } from '../reference/reference.queries.ts';

/**
 * Everything the country page shows, in one answer: the programme (presence, covering office), the
 * constituents, the CF cycles with the structure of the one the latest DWCP follows (or the latest),
 * the latest DWCP with its CPOs and alignment, and the coming milestones.
 */
export async function getCountryPage(db: Kysely<DB>, code: string, actor: Actor): Promise<CountryPageData> {
  const profile = await getCountryProfile(db, code, actor);
  // One after another, not side by side: each read checks the scope before it lists, so side by side their
  // statements would interleave in whatever order a server's pool answers (and PGlite runs one at a time anyway).
  const constituents = await findConstituents(db, code, actor);
  const cycles = await findCycles(db, code, actor);
  const dwcps = await findDwcps(db, code, actor);
  const calendar = await findCalendar(db, { country: code }, actor);
  const latestDwcp = dwcps[0];
  const dwcp = latestDwcp ? await getDwcp(db, latestDwcp.id, actor) : null;
  const cycleId = dwcp?.cfCycleId ?? cycles[0]?.id;
  const cycle = cycleId ? await getCycle(db, cycleId, actor) : null;
  const targetCodes = [...new Set(cycle?.priorities.flatMap((p) => p.outcomes.flatMap((o) => o.sdgTargets)) ?? [])];
  const sdgTargets = (await sdgTargetTitles(db, targetCodes)).map((s) => ({ code: s.code, titleEn: s.title_en, titleFr: s.title_fr, titleEs: s.title_es }));
  const nodeIds = [...(cycle?.priorities.flatMap((p) => p.outcomes.map((o) => o.id)) ?? []), ...(dwcp?.priorities.flatMap((p) => p.cpos.map((c) => c.id)) ?? [])];
  return { profile, constituents, cycles, cycle, dwcps, dwcp, milestones: calendar.items, sdgTargets, indicators: await indicatorsOf(db, nodeIds) };
}

/** The indicators of the page's results nodes, with their current targets and their actuals. */
async function indicatorsOf(db: Kysely<DB>, nodeIds: string[]): Promise<IndicatorWithValues[]> {
  const { indicators, targets, actuals } = await indicatorsOfNodes(db, nodeIds);
  return indicators.map((i) => ({
    ...presentIndicator(i),
    targets: targets.filter((t) => t.indicator_id === i.id).map(presentIndicatorTarget),
    actuals: actuals.filter((a) => a.indicator_id === i.id).map(presentIndicatorActual),
  }));
}
