import { type Kysely, sql } from 'kysely';
import type { AlignmentGroup } from '../../shared/finance-labels.ts';
import { currencyDecimals } from '../../shared/money.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { complete, money, type PortfolioFilter, rate, scopedFacts, withRegionIf } from './portfolio-facts.queries.ts';
import { reportingCurrency } from './reporting-currency.ts';

/** Funding sources whose kind is voluntary (RBSA, extra-budgetary): the money 002's 58% measure is about. */
export const VOLUNTARY_KINDS = ['voluntary_core', 'voluntary_earmarked'] as const;

/**
 * The share of voluntary funding that contributes directly to country programme outcomes (002 §26: "only
 * 58 per cent of extra-budgetary funding contributes directly to country-level decent work outcomes").
 * For each project funded from a voluntary source, its allocation for the year counts as voluntary
 * funding, and the part of it linked to CPOs (the sum of its CPO link shares, at most 100%) as aligned.
 * Summed by region, funding partner or earmarking level.
 */
export async function alignedShare(db: Kysely<DB>, year: number, by: AlignmentGroup, filter: PortfolioFilter, actor: Actor) {
  const to = await reportingCurrency(db);
  const d = currencyDecimals(to);
  const base = withRegionIf(by === 'region', scopedFacts(db, actor, year, filter))
    .where(complete)
    .innerJoin('funding_sources as s', 's.code', 'projects.funding_source')
    .where('s.kind', 'in', [...VOLUNTARY_KINDS])
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('project_cpo_links')
          .select(['project_id', sql<string>`least(sum(share), 100)`.as('share')])
          .groupBy('project_id')
          .as('cs'),
      (j) => j.onRef('cs.project_id', '=', 'projects.id'),
    );
  const voluntary = sql`sum(f.allocation)`;
  const aligned = sql`sum(f.allocation * coalesce(cs.share, 0) / 100)`;
  const measures = [
    sql<number>`count(distinct projects.id)::int`.as('projects'),
    money(voluntary, d).as('voluntary'),
    money(aligned, d).as('aligned'),
    rate(aligned, voluntary).as('alignedShare'),
  ] as const;
  const grouped = (() => {
    switch (by) {
      case 'total':
        return base.select([sql<string>`'total'`.as('key'), sql<string>`'All voluntary funding'`.as('label'), ...measures]);
      case 'region':
        return base.select([sql<string>`coalesce(r.region_id::text, 'none')`.as('key'), 'r.region as label', ...measures]).groupBy(['r.region_id', 'r.region']);
      case 'partner':
        return base
          .leftJoin('project_partners as pp', (j) => j.onRef('pp.project_id', '=', 'projects.id').on('pp.role', '=', 'funding'))
          .leftJoin('partners as pa', 'pa.id', 'pp.partner_id')
          .select([sql<string>`coalesce(pa.id::text, 'none')`.as('key'), sql<string>`coalesce(pa.name, 'No funding partner')`.as('label'), ...measures])
          .groupBy(['pa.id', 'pa.name']);
      case 'earmarking':
        return base
          .leftJoin('project_agreements as pg', 'pg.project_id', 'projects.id')
          .leftJoin('agreements as ag', 'ag.id', 'pg.agreement_id')
          .select([sql<string>`coalesce(ag.earmarking, 'none')`.as('key'), sql<string>`coalesce(ag.earmarking, 'none')`.as('label'), ...measures])
          .groupBy(['ag.earmarking']);
    }
  })();
  const rows = await grouped.orderBy('label').execute();
  return { currency: to, year, by, basis: 'allocation of the year × the share of the project linked to country programme outcomes', rows };
}
