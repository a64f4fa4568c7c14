import { type Kysely, sql } from 'kysely';
import type { AlignmentMatrix, AlignmentShare } from '../../../shared/contracts/programming-answers.ts';
import type { Actor } from '../../access/actor.ts';
import { type CountryScope, countryScope } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { assertCountryInScope } from '../countries/countries.queries.ts';
import { getDwcp } from '../dwcps/dwcps.service.ts';

const scopeFilter = (scope: CountryScope) =>
  scope.kind === 'all' ? sql`true` : scope.kind === 'country' ? sql`cp.country_code = ${scope.code}` : sql`o.path like ${`${scope.path}%`}`;

/**
 * The DWCP–CF alignment matrix of a country: the DWCP's priorities (rows) against the outcomes of its
 * Cooperation Framework (columns); a cell says whether a CPO of the priority is derived from the outcome
 * ('outcome') or linked to one of its outputs only ('output').
 */
export async function alignmentMatrix(db: Kysely<DB>, code: string, dwcpId: string | undefined, actor: Actor): Promise<AlignmentMatrix> {
  await assertCountryInScope(db, countryScope(actor, 'programming.read'), code);
  const chosen = dwcpId
    ? await db.selectFrom('dwcps').select(['id', 'cf_cycle_id']).where('id', '=', dwcpId).where('country_code', '=', code).executeTakeFirst()
    : await db.selectFrom('dwcps').select(['id', 'cf_cycle_id']).where('country_code', '=', code).orderBy('period_start', 'desc').limit(1).executeTakeFirst();
  if (!chosen) throw notFound('DWCP of', code);
  const dwcp = await getDwcp(db, chosen.id, actor);
  const outcomes = chosen.cf_cycle_id
    ? await db.selectFrom('cf_outcomes').select(['id', 'code', 'text', 'org_role']).where('cycle_id', '=', chosen.cf_cycle_id).orderBy('code').execute()
    : [];
  const outputsOf = chosen.cf_cycle_id
    ? await db
        .selectFrom('cf_outputs')
        .innerJoin('cf_outcomes', 'cf_outcomes.id', 'cf_outputs.outcome_id')
        .select(['cf_outputs.id', 'cf_outputs.outcome_id'])
        .where('cf_outcomes.cycle_id', '=', chosen.cf_cycle_id)
        .execute()
    : [];
  const outcomeOfOutput = new Map(outputsOf.map((o) => [o.id, o.outcome_id]));
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
  const scope = countryScope(actor, 'programming.read');
  // Regions once per country (not per priority), and the link facts as two small sets joined in.
  const { rows } = await sql<Omit<AlignmentShare, 'reflectedShare'>>`
    with regions as (
      select cp.country_code,
             coalesce((select r.name from offices r where r.office_type = 'regional_office' and o.path like r.path || '%'
                       order by length(r.path) desc limit 1), 'Other') as region
      from country_profiles cp join offices o on o.id = cp.covering_office_id
      where ${scopeFilter(scope)}
    ),
    derived as (select distinct priority_id from cpos where derivation = 'derived'),
    linked as (select distinct c.priority_id from cpos c join cpo_cf_outputs l on l.cpo_id = c.id),
    levels as (
      select rg.region, extract(year from d.period_start)::int as year,
             coalesce(p.alignment_recorded,
               case when dv.priority_id is not null then 'fully' when lk.priority_id is not null then 'partially' else 'not' end) as level
      from dwcp_priorities p
      join dwcps d on d.id = p.dwcp_id
      join regions rg on rg.country_code = d.country_code
      left join derived dv on dv.priority_id = p.id
      left join linked lk on lk.priority_id = p.id
    )
    select region, year, count(*)::int as priorities,
           count(*) filter (where level = 'fully')::int as fully,
           count(*) filter (where level = 'partially')::int as partially,
           count(*) filter (where level = 'not')::int as not
    from levels group by region, year order by region, year`.execute(db);
  return rows.map((r) => ({ ...r, reflectedShare: r.priorities ? ((r.fully + r.partially) / r.priorities).toFixed(4) : '0' }));
}
