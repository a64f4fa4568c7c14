import { type Kysely, sql } from 'kysely';
import { today } from '../../shared/dates.ts';
import { PUBLISHED_STATUSES } from '../../shared/project-statuses.ts';
import type { DB } from '../db/schema.ts';
import { reportingCurrency } from '../finance/reporting-currency.ts';
import { buildActivity, ORGANISATION_TYPE, type ProjectBundle } from './iati-activity.build.ts';
import { cpoActivities, linkedCpoCount } from './iati-cpo-activities.read.ts';
import { indicatorResults } from './iati-indicators.read.ts';
import { monthlyTransactions } from './iati-money.ts';
import { publisherSettings, publishesSynthetic } from './iati-settings.service.ts';
import { el, esc, narratives } from './iati-xml.writer.ts';

/** What the activity file is made of, and how many (a job's progress counts towards it). */
export async function publishedScope(db: Kysely<DB>): Promise<{ total: number; unit: 'projects' | 'outcomes' }> {
  const publisher = await publisherSettings(db);
  if (publisher.activityUnit === 'cpo_biennium') return { total: await linkedCpoCount(db, publishesSynthetic(publisher)), unit: 'outcomes' };
  let q = db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('confidential', '=', false)
    .where('status', 'in', [...PUBLISHED_STATUSES]);
  if (!publishesSynthetic(publisher)) q = q.where('is_synthetic', '=', false);
  const row = await q.executeTakeFirstOrThrow();
  return { total: Number(row.n), unit: 'projects' };
}

/**
 * Why the activity file has nothing in it, in plain words. An IATI file must hold one activity at least (the schema's
 * minOccurs), so an empty one is never served: a 404 with this text tells a person or the IATI Registry's fetcher
 * that nothing is published yet, where an empty file would be an invalid one.
 */
export async function nothingPublished(db: Kysely<DB>) {
  const publisher = await publisherSettings(db);
  const what =
    publisher.activityUnit === 'cpo_biennium'
      ? 'no country programme outcome has a project linked to it that is approved, active or closed and not confidential'
      : 'no project is approved, active or closed and not confidential';
  const synthetic =
    !publishesSynthetic(publisher) &&
    (await db
      .selectFrom('projects')
      .select('id')
      .where('is_synthetic', '=', true)
      .where('confidential', '=', false)
      .where('status', 'in', [...PUBLISHED_STATUSES])
      .limit(1)
      .executeTakeFirst());
  return [
    `Nothing is published yet: ${what}${synthetic ? ` (the demonstration's synthetic projects are published only under an example identifier, XE-EXAMPLE-…, never under ${publisher.ref})` : ''}.`,
    'An IATI activity file must hold at least one activity, so none is served until there is one. Register this address with the IATI Registry once there is.',
    '',
  ].join('\n');
}

const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const list = m.get(key(r));
    if (list) list.push(r);
    else m.set(key(r), [r]);
  }
  return m;
};

/** The bundles of one page of projects: the related rows fetched once per page, not per project. */
async function loadBundles(db: Kysely<DB>, projects: { id: string }[], today: string): Promise<Map<string, Omit<ProjectBundle, keyof ProjectRow>>> {
  const ids = projects.map((p) => p.id);
  const [partners, sdgs, allocations, converted, unconverted, agreements, indicators, documents, related] = await Promise.all([
    db
      .selectFrom('project_partners as pp')
      .innerJoin('partners as p', 'p.id', 'pp.partner_id')
      .select(['pp.project_id', 'pp.role', 'p.organisation_ref', 'p.name', 'p.partner_type'])
      .where('pp.project_id', 'in', ids)
      .where('p.confidential', '=', false)
      .orderBy('pp.project_id')
      .orderBy('pp.role')
      .orderBy('p.name')
      .execute(),
    db.selectFrom('project_sdg_targets').select(['project_id', 'target_code']).where('project_id', 'in', ids).orderBy('target_code').execute(),
    db
      .selectFrom('allocations')
      .select(['project_id', 'year', sql<string>`amount::text`.as('amount'), 'currency'])
      .where('project_id', 'in', ids)
      .orderBy('year')
      .execute(),
    // Monthly expenditure, disbursements and commitments from the delivery facts (reporting currency, each conversion
    // named there): one row per project and year, its cumulative months as text (exact), differenced here.
    db
      .selectFrom('project_finance')
      .select([
        'project_id',
        'year',
        'currency',
        sql<string[] | null>`expenditure_to_month::text[]`.as('e'),
        sql<string[] | null>`commitment_to_month::text[]`.as('c'),
        sql<string[] | null>`disbursement_to_month::text[]`.as('d'),
      ])
      .where('project_id', 'in', ids)
      .where(sql<boolean>`problems = '[]'::jsonb`)
      .where('year', '<=', Number(today.slice(0, 4)))
      .orderBy('year')
      .execute()
      .then((rows) => rows.flatMap((r) => monthlyTransactions(r, today))),
    // Projects whose figures could not all be converted publish their ERP lines in their own currencies.
    db
      .selectFrom('project_finance')
      .select('project_id')
      .distinct()
      .where('project_id', 'in', ids)
      .where(sql<boolean>`problems <> '[]'::jsonb`)
      .execute()
      .then((rows) =>
        rows.length
          ? db
              .selectFrom('financial_lines')
              .select(['project_id', 'kind', sql<string>`to_char(period, 'YYYY-MM-DD')`.as('period'), 'currency', sql<string>`sum(amount)::text`.as('amount')])
              .where(
                'project_id',
                'in',
                rows.map((r) => r.project_id),
              )
              .where('period', '<=', today)
              .groupBy(['project_id', 'kind', 'period', 'currency'])
              .orderBy('period')
              .orderBy('kind')
              .execute()
          : [],
      ),
    // An agreement's yearly amounts are planned disbursements of the one project it funds; an agreement
    // shared by several projects does not say how it splits, and is left out rather than guessed.
    db
      .selectFrom('project_agreements as pa')
      .innerJoin('agreements as a', 'a.id', 'pa.agreement_id')
      .innerJoin('agreement_amounts as aa', 'aa.agreement_id', 'a.id')
      .innerJoin('partners as p', 'p.id', 'a.partner_id')
      .select(['pa.project_id', 'aa.year', sql<string>`aa.amount::text`.as('amount'), 'a.currency', 'p.organisation_ref', 'p.name', 'p.confidential'])
      .where('pa.project_id', 'in', ids)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(selectFrom('project_agreements as o').select('o.project_id').whereRef('o.agreement_id', '=', 'pa.agreement_id').whereRef('o.project_id', '<>', 'pa.project_id')),
        ),
      )
      .orderBy('aa.year')
      .execute(),
    indicatorResults(db, 'project', ids),
    db
      .selectFrom('project_documents')
      .select(['project_id', 'url', 'format', 'title', 'category', 'language', sql<string | null>`to_char(document_date, 'YYYY-MM-DD')`.as('date')])
      .where('project_id', 'in', ids)
      .where('confidential', '=', false)
      .orderBy('url')
      .execute(),
    // Related activities as entered, and other publishers' activities linked to the project as co-funded (4).
    db
      .selectFrom('project_related_activities')
      .select(['project_id', 'activity_ref as ref', 'relation as type'])
      .where('project_id', 'in', ids)
      .union(
        db
          .selectFrom('iati_activities')
          .select(['project_id', 'iati_identifier as ref', sql<string>`'4'`.as('type')])
          .where('project_id', 'in', ids) as never,
      )
      .orderBy('type')
      .orderBy('ref')
      .execute(),
  ]);
  const by = {
    partners: groupBy(partners, (r) => r.project_id),
    sdgs: groupBy(sdgs, (r) => r.project_id),
    allocations: groupBy(allocations, (r) => r.project_id),
    lines: groupBy([...converted, ...unconverted], (r) => r.project_id),
    agreements: groupBy(agreements, (r) => r.project_id),
    indicators: groupBy(indicators, (r) => r.node_id),
    documents: groupBy(documents, (r) => r.project_id),
    related: groupBy(related, (r) => r.project_id as string),
  };
  return new Map(
    ids.map((id) => [
      id,
      {
        partners: (by.partners.get(id) ?? []).map((r) => ({ role: r.role, ref: r.organisation_ref, name: r.name, type: ORGANISATION_TYPE[r.partner_type] ?? '90' })),
        sdgTargets: (by.sdgs.get(id) ?? []).map((r) => r.target_code),
        budgets: (by.allocations.get(id) ?? []).map((r) => ({ year: r.year, amount: r.amount, currency: r.currency })),
        plannedDisbursements: (by.agreements.get(id) ?? [])
          .filter((r) => !r.confidential)
          .map((r) => ({ year: r.year, amount: r.amount, currency: r.currency, providerRef: r.organisation_ref, providerName: r.name })),
        transactions: (by.lines.get(id) ?? []).map((r) => ({ kind: r.kind, period: r.period, amount: r.amount, currency: r.currency })),
        documents: (by.documents.get(id) ?? []).map(({ project_id: _, ...d }) => d),
        related: (by.related.get(id) ?? []).map((r) => ({ ref: r.ref, type: r.type })),
        indicators: (by.indicators.get(id) ?? []).map((r) => ({ title: r.title, unit: r.unit, baselineValue: r.baseline, baselineDate: r.baselineDate, periods: r.periods })),
      },
    ]),
  );
}

type ProjectRow = Pick<
  ProjectBundle,
  | 'code'
  | 'title'
  | 'titleFr'
  | 'titleEs'
  | 'description'
  | 'place'
  | 'countryCode'
  | 'regionCode'
  | 'status'
  | 'plannedStart'
  | 'plannedEnd'
  | 'actualStart'
  | 'actualEnd'
  | 'updatedAt'
  | 'markers'
>;

/** A page of published projects after a code; synthetic ones only when `synthetic` (an example publisher). */
function projectPage(db: Kysely<DB>, after: string, size: number, synthetic: boolean, only?: string) {
  let q = db
    .selectFrom('projects')
    .select([
      'id',
      'code',
      'title',
      'title_fr as titleFr',
      'title_es as titleEs',
      'description',
      'place',
      'country_code as countryCode',
      'region_code as regionCode',
      'status',
      sql<string>`to_char(planned_start, 'YYYY-MM-DD')`.as('plannedStart'),
      sql<string>`to_char(planned_end, 'YYYY-MM-DD')`.as('plannedEnd'),
      sql<string | null>`to_char(actual_start, 'YYYY-MM-DD')`.as('actualStart'),
      sql<string | null>`to_char(actual_end, 'YYYY-MM-DD')`.as('actualEnd'),
      sql<string>`to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('updatedAt'),
      'marker_gender',
      'marker_standards',
      'marker_social_dialogue',
      'marker_environment',
    ])
    .where('confidential', '=', false)
    .where('status', 'in', [...PUBLISHED_STATUSES])
    .where('code', '>', after);
  if (!synthetic) q = q.where('is_synthetic', '=', false);
  if (only) q = q.where('id', '=', only);
  return q.orderBy('code').limit(size).execute();
}

const toRow = (p: Awaited<ReturnType<typeof projectPage>>[number]): ProjectRow => ({
  code: p.code,
  title: p.title,
  titleFr: p.titleFr,
  titleEs: p.titleEs,
  description: p.description,
  place: p.place as ProjectBundle['place'],
  countryCode: p.countryCode,
  regionCode: p.regionCode,
  status: p.status,
  plannedStart: p.plannedStart,
  plannedEnd: p.plannedEnd,
  actualStart: p.actualStart,
  actualEnd: p.actualEnd,
  updatedAt: p.updatedAt,
  markers: { gender: p.marker_gender, standards: p.marker_standards, socialDialogue: p.marker_social_dialogue, environment: p.marker_environment },
});

/**
 * The organisation's IATI activity file, generated as a stream of strings: a page of projects at a time
 * (by code), so memory does not grow with the portfolio. Confidential projects and partners are left out, and
 * synthetic (demonstration) projects unless the publisher's identifier is an example one. With nothing to
 * publish the file has no activity, which the schema refuses: the public route does not serve it (hasRecord).
 */
export async function* activityFile(
  db: Kysely<DB>,
  options: { today?: string; generatedAt?: string; pageSize?: number; progress?: (done: number) => void /** one project's activity alone */; projectId?: string } = {},
) {
  const asAt = options.today ?? today();
  const publisher = await publisherSettings(db);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${options.generatedAt ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z')}">\n`;
  if (publisher.activityUnit === 'cpo_biennium' && !options.projectId) {
    yield* cpoActivities(db, publisher, asAt, options.pageSize ?? 200, options.progress);
    yield '</iati-activities>\n';
    return;
  }
  const nextPage = async (after: string) => {
    const page = await projectPage(db, after, options.pageSize ?? 500, publishesSynthetic(publisher), options.projectId);
    return { page, bundles: page.length ? await loadBundles(db, page, asAt) : new Map() };
  };
  let done = 0;
  // The next page is read from the database while this one is written out.
  let pending = nextPage('');
  for (;;) {
    const { page, bundles } = await pending;
    if (!page.length) break;
    pending = nextPage(page[page.length - 1]?.code as string);
    pending.catch(() => {});
    const parts: string[] = [];
    for (const p of page) parts.push(buildActivity({ ...(bundles.get(p.id) as Omit<ProjectBundle, keyof ProjectRow>), ...toRow(p) }, publisher, asAt), '\n');
    yield parts.join('');
    done += page.length;
    options.progress?.(done);
  }
  yield '</iati-activities>\n';
}

/**
 * The organisation file: who publishes, and its budgets and expenditure by year (in the reporting
 * currency, from the delivery facts), in total and by recipient country.
 */
export async function* organisationFile(db: Kysely<DB>, options: { generatedAt?: string } = {}) {
  const publisher = await publisherSettings(db);
  const currency = await reportingCurrency(db);
  const generated = options.generatedAt ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  let base = db
    .selectFrom('project_finance as f')
    .innerJoin('projects as p', 'p.id', 'f.project_id')
    .where('p.status', 'in', [...PUBLISHED_STATUSES])
    .where(sql<boolean>`f.problems = '[]'::jsonb`);
  // Synthetic projects' money is the demonstration's: never in a real organisation's totals.
  if (!publishesSynthetic(publisher)) base = base.where('p.is_synthetic', '=', false);
  const [years, countries] = await Promise.all([
    base
      .select(['f.year', sql<string>`round(coalesce(sum(f.allocation), 0), 2)::text`.as('budget'), sql<string>`round(coalesce(sum(f.expenditure), 0), 2)::text`.as('spent')])
      .groupBy('f.year')
      .orderBy('f.year')
      .execute(),
    base
      .select(['f.year', 'p.country_code', sql<string>`round(coalesce(sum(f.allocation), 0), 2)::text`.as('budget')])
      .where('p.country_code', 'is not', null)
      .groupBy(['f.year', 'p.country_code'])
      .orderBy('f.year')
      .orderBy('p.country_code')
      .execute(),
  ]);
  const period = (y: number) => el('period-start', { 'iso-date': `${y}-01-01` }) + el('period-end', { 'iso-date': `${y}-12-31` });
  const value = (y: number, v: string) => el('value', { currency, 'value-date': `${y}-01-01` }, esc(v));
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<iati-organisations version="2.03" generated-datetime="${generated}">\n`;
  yield el(
    'iati-organisation',
    { 'last-updated-datetime': generated, 'xml:lang': 'en', 'default-currency': currency },
    el('organisation-identifier', {}, esc(publisher.ref)),
    el('name', {}, narratives([{ text: publisher.name }])),
    el('reporting-org', { ref: publisher.ref, type: publisher.type }, narratives([{ text: publisher.name }])),
    ...years.map((y) => el('total-budget', { status: '2' }, period(y.year), value(y.year, y.budget))),
    ...countries.map((c) => el('recipient-country-budget', { status: '2' }, el('recipient-country', { code: c.country_code }), period(c.year), value(c.year, c.budget))),
    ...years.filter((y) => `${y.year}-12-31` < today() || Number(y.spent) > 0).map((y) => el('total-expenditure', {}, period(y.year), value(y.year, y.spent))),
  );
  yield '\n</iati-organisations>\n';
}

/**
 * The file if it holds at least one record (`<iati-activity>` or `<iati-organisation>`), or null: an IATI file
 * without one is refused by the schema (minOccurs 1), so it is never served. Reads only up to the first record.
 */
export async function hasRecord(file: AsyncGenerator<string>, record: 'iati-activity' | 'iati-organisation'): Promise<AsyncGenerator<string> | null> {
  const head: string[] = [];
  const start = new RegExp(`<${record}[\\s>/]`);
  for (;;) {
    const { value, done } = await file.next();
    if (done) return null;
    head.push(value);
    if (start.test(value)) break;
  }
  return (async function* () {
    yield* head;
    yield* file;
  })();
}
