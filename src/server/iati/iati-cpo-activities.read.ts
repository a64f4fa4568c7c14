import { type Kysely, sql } from 'kysely';
import { currencyDecimals, fromUnits, toUnits } from '../../shared/money.ts';
import { PUBLISHED_STATUSES } from '../../shared/project-statuses.ts';
import type { DB } from '../db/schema.ts';
import { reportingCurrency } from '../finance/reporting-currency.ts';
import { activityIdentifier, buildActivity, ORGANISATION_TYPE, type ProjectBundle, type Publisher } from './iati-activity.build.ts';
import { indicatorResults } from './iati-indicators.read.ts';
import { monthlyTransactions } from './iati-money.ts';
import { publishesSynthetic } from './iati-settings.service.ts';

/** Shares are percentages with 2 decimals; amounts have 4: a share-weighted sum is kept exact in units of 10^-8 of the percentage. */
const SHARE_SCALE = 10n ** 6n;

/** The biennium (odd year, next even year) a year belongs to, by its first year. */
export const bienniumOf = (year: number) => (year % 2 === 1 ? year : year - 1);

interface Link {
  cpo_id: string;
  project_id: string;
  share: string;
  start_year: number;
  end_year: number;
  updated_at: string;
  marker_gender: number;
  marker_standards: number;
  marker_social_dialogue: number;
  marker_environment: number;
}

/** Share-weighted sum of decimal amounts, rounded back to 4-decimal units (half away from zero). */
function weighted(parts: { amount: string; share: string }[]): bigint {
  const total = parts.reduce((acc, p) => acc + toUnits(p.amount) * toUnits(p.share), 0n);
  const half = SHARE_SCALE / 2n;
  return total >= 0n ? (total + half) / SHARE_SCALE : -((-total + half) / SHARE_SCALE);
}

/**
 * The activities of one page of country programme outcomes: one per outcome and biennium in which a
 * published project linked to it runs, its money the linked projects' at the link's share (allocations
 * as budgets, monthly expenditure, disbursements and commitments in the reporting currency), its partners
 * theirs, its results the outcome's own indicators for the biennium.
 */
async function cpoBundles(db: Kysely<DB>, cpoIds: string[], today: string, synthetic: boolean): Promise<ProjectBundle[]> {
  const currency = await reportingCurrency(db);
  const [cpos, links] = await Promise.all([
    db
      .selectFrom('cpos')
      .innerJoin('dwcps', 'dwcps.id', 'cpos.dwcp_id')
      .select(['cpos.id', 'cpos.code', 'cpos.text', 'dwcps.country_code'])
      .where('cpos.id', 'in', cpoIds)
      .execute(),
    db
      .selectFrom('project_cpo_links as l')
      .innerJoin('projects as p', 'p.id', 'l.project_id')
      .select([
        'l.cpo_id',
        'l.project_id',
        sql<string>`l.share::text`.as('share'),
        sql<number>`extract(year from p.planned_start)::int`.as('start_year'),
        sql<number>`extract(year from p.planned_end)::int`.as('end_year'),
        sql<string>`to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('updated_at'),
        'p.marker_gender',
        'p.marker_standards',
        'p.marker_social_dialogue',
        'p.marker_environment',
      ])
      .where('l.cpo_id', 'in', cpoIds)
      .where('p.confidential', '=', false)
      .where('p.status', 'in', [...PUBLISHED_STATUSES])
      .where((eb) => (synthetic ? eb.lit(true) : eb('p.is_synthetic', '=', false)))
      .execute() as Promise<Link[]>,
  ]);
  const projectIds = [...new Set(links.map((l) => l.project_id))];
  if (!projectIds.length) return [];
  const [facts, partners, targets, indicators] = await Promise.all([
    db
      .selectFrom('project_finance')
      .select([
        'project_id',
        'year',
        sql<string | null>`allocation::text`.as('allocation'),
        sql<string[] | null>`expenditure_to_month::text[]`.as('e'),
        sql<string[] | null>`commitment_to_month::text[]`.as('c'),
        sql<string[] | null>`disbursement_to_month::text[]`.as('d'),
      ])
      .where('project_id', 'in', projectIds)
      .where(sql<boolean>`problems = '[]'::jsonb`)
      .execute(),
    db
      .selectFrom('project_partners as pp')
      .innerJoin('partners as p', 'p.id', 'pp.partner_id')
      .select(['pp.project_id', 'pp.role', 'p.id', 'p.organisation_ref', 'p.name', 'p.partner_type'])
      .where('pp.project_id', 'in', projectIds)
      .where('pp.role', 'in', ['funding', 'implementing'])
      .where('p.confidential', '=', false)
      .orderBy('p.name')
      .execute(),
    db.selectFrom('cpo_sdg_targets').select(['cpo_id', 'target_code']).where('cpo_id', 'in', cpoIds).orderBy('target_code').execute(),
    indicatorResults(db, 'cpo', cpoIds),
  ]);
  const factsOf = new Map<string, typeof facts>();
  for (const f of facts) factsOf.set(f.project_id, [...(factsOf.get(f.project_id) ?? []), f]);
  const bundles: ProjectBundle[] = [];
  for (const cpo of [...cpos].sort((a, b) => (a.country_code + a.code).localeCompare(b.country_code + b.code))) {
    const own = links.filter((l) => l.cpo_id === cpo.id);
    const bienniums = [...new Set(own.flatMap((l) => Array.from({ length: l.end_year - l.start_year + 1 }, (_, k) => bienniumOf(l.start_year + k))))].sort();
    for (const b of bienniums) {
      const start = `${b}-01-01`;
      const end = `${b + 1}-12-31`;
      const running = own.filter((l) => l.start_year <= b + 1 && l.end_year >= b);
      const years = [b, b + 1];
      const budgets = years.flatMap((year) => {
        const parts = running.flatMap((l) =>
          (factsOf.get(l.project_id) ?? []).filter((f) => f.year === year && f.allocation).map((f) => ({ amount: f.allocation as string, share: l.share })),
        );
        const units = weighted(parts);
        return parts.length && units !== 0n ? [{ year, amount: fromUnits(units, currencyDecimals(currency)), currency }] : [];
      });
      const transactions = years.flatMap((year) => {
        const month = (key: 'e' | 'c' | 'd', m: number) => {
          const parts = running.flatMap((l) =>
            (factsOf.get(l.project_id) ?? []).filter((f) => f.year === year && f[key]?.[m]).map((f) => ({ amount: f[key]?.[m] as string, share: l.share })),
          );
          return parts.length ? fromUnits(weighted(parts), 4) : null;
        };
        const series = (key: 'e' | 'c' | 'd') => {
          const xs = Array.from({ length: 12 }, (_, m) => month(key, m));
          return xs.every((x) => x === null) ? null : xs.map((x) => x ?? '0');
        };
        return monthlyTransactions({ project_id: cpo.id, year, currency, e: series('e'), c: series('c'), d: series('d') }, today).map(({ project_id: _, ...t }) => t);
      });
      const projectIdsHere = new Set(running.map((l) => l.project_id));
      const orgs = [...new Map(partners.filter((p) => projectIdsHere.has(p.project_id)).map((p) => [`${p.id}/${p.role}`, p])).values()];
      const max = (k: 'marker_gender' | 'marker_standards' | 'marker_social_dialogue' | 'marker_environment') => Math.max(0, ...running.map((l) => l[k]));
      bundles.push({
        code: `${cpo.code}-${b}-${b + 1}`,
        title: `${cpo.code}: ${cpo.text}`.slice(0, 500),
        titleFr: null,
        titleEs: null,
        description: `Country programme outcome ${cpo.code}, biennium ${b}–${b + 1}: ${cpo.text}`,
        place: 'country',
        countryCode: cpo.country_code,
        regionCode: null,
        status: end < today ? 'closed' : start <= today ? 'active' : 'approved',
        plannedStart: start,
        plannedEnd: end,
        actualStart: start <= today ? start : null,
        actualEnd: end < today ? end : null,
        updatedAt: running
          .map((l) => l.updated_at)
          .sort()
          .at(-1) as string,
        markers: { gender: max('marker_gender'), standards: max('marker_standards'), socialDialogue: max('marker_social_dialogue'), environment: max('marker_environment') },
        partners: orgs.map((p) => ({ role: p.role, ref: p.organisation_ref, name: p.name, type: ORGANISATION_TYPE[p.partner_type] ?? '90' })),
        sdgTargets: targets.filter((t) => t.cpo_id === cpo.id).map((t) => t.target_code),
        budgets,
        plannedDisbursements: [],
        transactions,
        documents: [],
        related: [],
        indicators: indicators
          .filter((i) => i.node_id === cpo.id)
          .map((i) => ({
            title: i.title,
            unit: i.unit,
            baselineValue: i.baseline,
            baselineDate: i.baselineDate,
            periods: i.periods.filter((p) => p.start >= start && p.end <= end),
          })),
      });
    }
  }
  return bundles;
}

/**
 * Country programme outcomes some project is linked to (whether it is published is checked per page); with
 * `synthetic` false, those of a real programme (not the demonstration's) linked to a real project.
 */
const linkedCpos = (db: Kysely<DB>, synthetic: boolean) => {
  const q = db
    .selectFrom('cpos')
    .innerJoin('dwcps', 'dwcps.id', 'cpos.dwcp_id')
    .where(({ exists, selectFrom }) =>
      exists(
        synthetic
          ? selectFrom('project_cpo_links as l').select('l.cpo_id').whereRef('l.cpo_id', '=', 'cpos.id')
          : selectFrom('project_cpo_links as l')
              .innerJoin('projects as p', 'p.id', 'l.project_id')
              .select('l.cpo_id')
              .whereRef('l.cpo_id', '=', 'cpos.id')
              .where('p.is_synthetic', '=', false),
      ),
    );
  return synthetic ? q : q.where('dwcps.is_synthetic', '=', false);
};

/** How many outcomes the activity file goes through (a job's progress counts them). */
export async function linkedCpoCount(db: Kysely<DB>, synthetic: boolean): Promise<number> {
  return Number(
    (
      await linkedCpos(db, synthetic)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/**
 * The activity elements when the organisation publishes one activity per country programme outcome and
 * biennium (setting `iati_activity_unit` = `cpo_biennium`), as some UN agencies do: a page of outcomes at
 * a time, the next page read while this one is written.
 */
export async function* cpoActivities(db: Kysely<DB>, publisher: Publisher, today: string, pageSize: number, progress?: (done: number) => void) {
  const synthetic = publishesSynthetic(publisher);
  const ids = (await linkedCpos(db, synthetic).select('cpos.id').orderBy('dwcps.country_code').orderBy('cpos.code').orderBy('cpos.id').execute()).map((r) => r.id);
  const pages = Array.from({ length: Math.ceil(ids.length / pageSize) }, (_, i) => ids.slice(i * pageSize, (i + 1) * pageSize));
  let done = 0;
  let pending = pages.length ? cpoBundles(db, pages[0] as string[], today, synthetic) : Promise.resolve([]);
  for (let i = 0; i < pages.length; i++) {
    const bundles = await pending;
    pending = i + 1 < pages.length ? cpoBundles(db, pages[i + 1] as string[], today, synthetic) : Promise.resolve([]);
    pending.catch(() => {});
    yield bundles.map((b) => `${buildActivity(b, publisher, today)}\n`).join('');
    done += (pages[i] as string[]).length;
    progress?.(done);
  }
}

/** The country programme outcome and biennium an activity of the outcome-and-biennium mode was generated from. */
export interface OutcomeActivity {
  code: string;
  text: string;
  countryCode: string;
  biennium: string;
}

/**
 * Finds, for an activity identifier of the outcome-and-biennium mode, the outcome it comes from (so a finding
 * can be fixed where it arises): the identifier is the publisher's, the outcome's code, then the biennium.
 */
export async function outcomeOfActivity(db: Kysely<DB>, publisher: Publisher): Promise<(identifier: string) => OutcomeActivity | null> {
  const cpos = await linkedCpos(db, publishesSynthetic(publisher)).select(['cpos.code', 'cpos.text', 'dwcps.country_code']).execute();
  const byPrefix = new Map(cpos.map((c) => [activityIdentifier(publisher, c.code), c]));
  return (identifier) => {
    const m = /^(.*)-(\d{4})-(\d{4})$/.exec(identifier);
    const cpo = m ? byPrefix.get(m[1] as string) : undefined;
    return cpo && m ? { code: cpo.code, text: cpo.text, countryCode: cpo.country_code, biennium: `${m[2]}–${m[3]}` } : null;
  };
}
