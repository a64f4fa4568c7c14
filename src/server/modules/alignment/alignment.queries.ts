import { type Kysely, sql } from 'kysely';
import type { AlignmentShare } from '../../../shared/contracts/programming-answers.ts';
import type { CountryScope } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { assertCountryInScope } from '../countries/countries.queries.ts';

/** The SQL of the DWCP–CF alignment. Every read takes the actor's country scope. */

const scopeFilter = (scope: CountryScope) =>
  scope.kind === 'all' ? sql`true` : scope.kind === 'country' ? sql`cp.country_code = ${scope.code}` : sql`o.path like ${`${scope.path}%`}`;

/** The DWCP a country's matrix is drawn for: the one asked for, or the latest (404 when the country has none, or is outside the scope). */
export async function selectMatrixDwcp(db: Kysely<DB>, scope: CountryScope, code: string, dwcpId: string | undefined) {
  await assertCountryInScope(db, scope, code);
  const chosen = dwcpId
    ? await db.selectFrom('dwcps').select(['id', 'cf_cycle_id']).where('id', '=', dwcpId).where('country_code', '=', code).executeTakeFirst()
    : await db.selectFrom('dwcps').select(['id', 'cf_cycle_id']).where('country_code', '=', code).orderBy('period_start', 'desc').limit(1).executeTakeFirst();
  if (!chosen) throw notFound('DWCP of', code);
  return chosen;
}

/** The matrix's columns: the outcomes of a cycle (that of a DWCP read within the scope), and which outcome each of its outputs is under. */
export async function selectMatrixColumns(db: Kysely<DB>, cycleId: string | null) {
  const outcomes = cycleId ? await db.selectFrom('cf_outcomes').select(['id', 'code', 'text', 'org_role']).where('cycle_id', '=', cycleId).orderBy('code').execute() : [];
  const outputs = cycleId
    ? await db
        .selectFrom('cf_outputs')
        .innerJoin('cf_outcomes', 'cf_outcomes.id', 'cf_outputs.outcome_id')
        .select(['cf_outputs.id', 'cf_outputs.outcome_id'])
        .where('cf_outcomes.cycle_id', '=', cycleId)
        .execute()
    : [];
  return { outcomes, outputs };
}

/**
 * The DWCP priorities of the countries within the scope counted by region and by the year their DWCP starts,
 * by alignment level (the recorded assessment where there is one, otherwise the level computed from the links).
 */
export async function selectAlignmentLevels(db: Kysely<DB>, scope: CountryScope) {
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
  return rows;
}
