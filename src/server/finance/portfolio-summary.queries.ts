import isoCountries from 'i18n-iso-countries';
import { type Kysely, sql } from 'kysely';
import { currencyDecimals } from '../../shared/money.ts';
import { PROJECT_STATUSES, type ProjectStatus } from '../../shared/project-statuses.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { complete, money, type PortfolioFilter, rate, scopedFacts } from './portfolio-facts.queries.ts';
import { reportingCurrency } from './reporting-currency.ts';

/**
 * The portfolio at a glance for a year: projects and money by status (the pipeline weighed by its
 * probability) and by country (what the map shows), by funding source.
 */
export async function portfolioSummary(db: Kysely<DB>, year: number, filter: PortfolioFilter, actor: Actor) {
  const to = await reportingCurrency(db);
  const d = currencyDecimals(to);
  const all = () => scopedFacts(db, actor, year, filter, PROJECT_STATUSES).where(complete);
  const delivering = () => scopedFacts(db, actor, year, filter).where(complete);
  const [byStatus, byCountry, bySource] = await Promise.all([
    all()
      .select([
        'projects.status',
        sql<number>`count(*)::int`.as('projects'),
        money(sql`sum(f.allocation)`, d).as('allocation'),
        money(sql`sum(f.allocation * coalesce(projects.probability, 100) / 100)`, d).as('weighted'),
      ])
      .groupBy('projects.status')
      .execute(),
    delivering()
      .innerJoin('countries as c', 'c.code', 'projects.country_code')
      .select([
        'c.code',
        'c.name_en as name',
        sql<number>`count(*)::int`.as('projects'),
        money(sql`sum(f.allocation)`, d).as('allocation'),
        money(sql`sum(f.expenditure)`, d).as('expenditure'),
        rate(sql`sum(f.expenditure)`, sql`sum(f.allocation)`).as('deliveryRate'),
      ])
      .groupBy(['c.code', 'c.name_en'])
      .orderBy('c.name_en')
      .execute(),
    delivering()
      .innerJoin('funding_sources as s', 's.code', 'projects.funding_source')
      .select(['s.code', 's.name_en as name', sql<number>`count(*)::int`.as('projects'), money(sql`sum(f.allocation)`, d).as('allocation')])
      .groupBy(['s.code', 's.name_en'])
      .orderBy('s.code')
      .execute(),
  ]);
  const order = (s: string) => PROJECT_STATUSES.indexOf(s as ProjectStatus);
  // The ISO 3166 numeric code places a country on the world map (Natural Earth shapes are keyed by it).
  const mapped = byCountry.map((c) => ({ ...c, numeric: isoCountries.alpha2ToNumeric(c.code) ?? null }));
  return { currency: to, year, byStatus: byStatus.sort((a, b) => order(a.status) - order(b.status)), byCountry: mapped, bySource };
}
