import { sql, type Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { ORGANISATION_TYPE } from './iati-activity.build.ts';
import type { MappedActivity, Skipped } from './iati-activity.map.ts';

/**
 * The organisation's own activities (its historical files, or a file devcoop published) become projects
 * again: the project whose code follows the publisher's prefix is created or updated with its titles,
 * place, dates, status, markers, SDG targets, funding and implementing partners, allocations (budgets),
 * ERP lines (commitment, disbursement and expenditure transactions), documents, related activities and its own results framework. What cannot be
 * placed (an unknown country, currency or SDG target) is left out and said.
 */

export interface OwnContext {
  publisherRef: string;
  officeId: string;
  countries: Set<string>;
  regions: Set<string>;
  currencies: Set<string>;
  sdgTargets: Set<string>;
  /** active codes of the IATI DocumentCategory and FileFormat codelists */
  documentCategories: Set<string>;
  fileFormats: Set<string>;
}

/** IATI TransactionType codes that are ERP lines: 2 commitment, 3 disbursement, 4 expenditure. */
const OWN_KINDS: Record<string, string> = { '2': 'commitment', '3': 'disbursement', '4': 'expenditure' };
const STATUS: Record<string, string> = { '1': 'approved', '2': 'active', '3': 'closed', '4': 'closed', '5': 'closed', '6': 'closed' };
const PARTNER_TYPE: Record<string, string> = Object.fromEntries(
  Object.entries(ORGANISATION_TYPE)
    .filter(([k]) => ['government', 'un_entity', 'private_sector', 'foundation', 'ngo', 'other'].includes(k))
    .map(([k, v]) => [v, k]),
);

export async function ownContext(trx: Transaction<DB>, publisherRef: string): Promise<OwnContext | null> {
  const root = await trx.selectFrom('offices').select('id').where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  if (!root) return null;
  const codes = (codelist: string) => trx.selectFrom('codelist_codes').select('code').where('codelist', '=', codelist).where('status', '=', 'active').execute();
  const [countries, regions, currencies, targets, categories, formats] = await Promise.all([
    trx.selectFrom('countries').select('code').execute(),
    trx.selectFrom('regions').select('code').execute(),
    trx.selectFrom('currencies').select('code').execute(),
    trx.selectFrom('sdg_targets').select('code').execute(),
    codes('DocumentCategory'),
    codes('FileFormat'),
  ]);
  const set = (rows: { code: string }[]) => new Set(rows.map((r) => r.code));
  return {
    publisherRef,
    officeId: root.id,
    countries: set(countries),
    regions: set(regions),
    currencies: set(currencies),
    sdgTargets: set(targets),
    documentCategories: set(categories),
    fileFormats: set(formats),
  };
}

async function partnerFor(trx: Transaction<DB>, org: { ref: string | null; name: string | null; type: string | null }): Promise<string | null> {
  if (!org.ref && !org.name) return null;
  const found = await trx
    .selectFrom('partners')
    .select('id')
    .where((eb) => (org.ref ? eb('organisation_ref', '=', org.ref) : eb('name', '=', org.name as string)))
    .executeTakeFirst();
  if (found) return found.id;
  const code = (org.ref ?? org.name ?? 'PARTNER')
    .toUpperCase()
    .replace(/[^A-Z0-9-]+/g, '-')
    .slice(0, 40);
  const row = await trx
    .insertInto('partners')
    .values({ code, name: org.name ?? org.ref ?? code, organisation_ref: org.ref, partner_type: PARTNER_TYPE[org.type ?? ''] ?? 'other' })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: (eb) => eb.ref('excluded.name') }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Creates or updates the project an own activity describes; returns it, whether it is new, and what was
 * left out. The caller refreshes the delivery facts of the projects once the whole file is in.
 */
export async function applyOwnActivity(
  trx: Transaction<DB>,
  a: MappedActivity,
  ctx: OwnContext,
  actor: Actor,
): Promise<{ projectId: string; created: boolean; skipped: Skipped[] }> {
  const skipped: Skipped[] = [];
  const skip = (reason: string) => skipped.push({ what: 'activity', line: a.line, reason });
  const code = a.identifier.slice(ctx.publisherRef.length + 1);
  const title = a.titles.find((t) => !t.lang || t.lang === 'en')?.text ?? a.title ?? code;
  const country = a.countries.length === 1 ? a.countries[0]?.code : undefined;
  const region = a.regions.find((r) => r.code !== '998' && ctx.regions.has(r.code))?.code;
  const place = country && ctx.countries.has(country) ? 'country' : region ? 'region' : 'global';
  if (country && !ctx.countries.has(country)) skip(`the recipient country ${country} is not known: the project is placed as global`);
  const marker = (vocabulary: string, c: string) => {
    const m = a.policyMarkers.find((p) => (p.vocabulary ?? '1') === vocabulary && p.code === c);
    return Math.max(0, Math.min(2, Number(m?.significance ?? 0) || 0));
  };
  const values = {
    code,
    title,
    title_fr: a.titles.find((t) => t.lang === 'fr')?.text ?? null,
    title_es: a.titles.find((t) => t.lang === 'es')?.text ?? null,
    description: a.description === title ? null : a.description,
    place,
    country_code: place === 'country' ? (country as string) : null,
    region_code: place === 'region' ? (region as string) : null,
    office_id: ctx.officeId,
    funding_source: 'XBDC',
    planned_start: a.plannedStart ?? a.actualStart ?? a.budgets[0]?.periodStart ?? '2000-01-01',
    planned_end: a.plannedEnd ?? a.actualEnd ?? a.plannedStart ?? '2000-12-31',
    actual_start: a.actualStart,
    actual_end: a.actualEnd,
    status: STATUS[a.statusCode ?? ''] ?? 'active',
    marker_gender: marker('1', '1'),
    marker_environment: marker('1', '2'),
    marker_standards: marker('99', 'ILS'),
    marker_social_dialogue: marker('99', 'SD'),
  };
  if (values.planned_end < values.planned_start) values.planned_end = values.planned_start;
  const existing = await trx.selectFrom('projects').select(['id', 'status']).where('code', '=', code).executeTakeFirst();
  const project = existing
    ? await trx
        .updateTable('projects')
        .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', existing.id)
        .returning('id')
        .executeTakeFirstOrThrow()
    : await trx.insertInto('projects').values(values).returning('id').executeTakeFirstOrThrow();
  const id = project.id;
  if (!existing || existing.status !== values.status)
    await trx
      .insertInto('project_status_history')
      .values({ project_id: id, from_status: existing?.status ?? null, to_status: values.status, actor_label: actor.label, note: 'IATI import' })
      .execute();

  await trx.deleteFrom('project_partners').where('project_id', '=', id).execute();
  for (const o of a.participatingOrgs.filter((p) => p.ref !== ctx.publisherRef && (p.role === '1' || p.role === '4'))) {
    const partnerId = await partnerFor(trx, o);
    if (partnerId)
      await trx
        .insertInto('project_partners')
        .values({ project_id: id, partner_id: partnerId, role: o.role === '1' ? 'funding' : 'implementing' })
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
  await trx.deleteFrom('project_sdg_targets').where('project_id', '=', id).execute();
  const targets = [...new Set(a.tags.filter((t) => t.vocabulary === '3').map((t) => t.code))];
  for (const t of targets.filter((t) => !ctx.sdgTargets.has(t))) skip(`the SDG target ${t} is not known`);
  const known = targets.filter((t) => ctx.sdgTargets.has(t));
  if (known.length)
    await trx
      .insertInto('project_sdg_targets')
      .values(known.map((t) => ({ project_id: id, target_code: t })))
      .execute();

  await trx.deleteFrom('allocations').where('project_id', '=', id).execute();
  const years = new Map<number, { amount: string; currency: string }>();
  for (const b of a.budgets) {
    const currency = b.currency ?? '';
    if (!ctx.currencies.has(currency)) skipped.push({ what: 'budget', line: a.line, reason: `its currency "${currency}" is not known` });
    else if (!years.has(Number(b.periodStart.slice(0, 4)))) years.set(Number(b.periodStart.slice(0, 4)), { amount: b.value, currency });
  }
  if (years.size)
    await trx
      .insertInto('allocations')
      .values([...years].map(([year, v]) => ({ project_id: id, year, amount: v.amount, currency: v.currency, source: `IATI ${a.identifier}` })))
      .execute();

  await trx.deleteFrom('financial_lines').where('project_id', '=', id).where('source_ref', 'like', 'IATI %').execute();
  const lines = a.transactions.flatMap((t) => {
    const kind = OWN_KINDS[t.typeCode] ?? null;
    if (!kind || !ctx.currencies.has(t.currency ?? '')) return [];
    return [{ project_id: id, kind, period: `${t.date.slice(0, 7)}-01`, amount: t.value, currency: t.currency as string, source_ref: `IATI ${a.identifier} ${t.seq}` }];
  });
  if (lines.length) await trx.insertInto('financial_lines').values(lines).execute();

  await trx.deleteFrom('project_related_activities').where('project_id', '=', id).execute();
  const related = [...new Map(a.related.map((r) => [`${r.ref} ${r.type}`, r])).values()].filter((r) => {
    const ok = /^[1-5]$/.test(r.type) && /^\S{1,200}$/.test(r.ref);
    if (!ok) skip(`the related activity ${r.ref.slice(0, 60)} (type ${r.type}) is not a RelatedActivityType 1–5 with an identifier`);
    return ok;
  });
  if (related.length)
    await trx
      .insertInto('project_related_activities')
      .values(related.map((r) => ({ project_id: id, activity_ref: r.ref, relation: r.type })))
      .execute();
  await applyOwnDocuments(trx, id, a, ctx, skip);

  await trx.deleteFrom('indicators').where('node_type', '=', 'project').where('node_id', '=', id).execute();
  for (const i of a.indicators) {
    const m = /^(.*) \(([^()]{1,60})\)$/.exec(i.title);
    const ind = await trx
      .insertInto('indicators')
      .values({
        node_type: 'project',
        node_id: id,
        title: (m?.[1] ?? i.title).slice(0, 1000),
        unit: m?.[2] ?? 'units',
        baseline_value: i.baseline?.value ?? null,
        baseline_date: i.baseline?.date ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const p of i.periods) {
      if (p.target !== null)
        await trx
          .insertInto('indicator_targets')
          .values({ indicator_id: ind.id, kind: 'target', period_start: p.start, period_end: p.end, value: p.target, set_by: actor.label })
          .execute();
      if (p.actual !== null)
        await trx
          .insertInto('indicator_actuals')
          .values({ indicator_id: ind.id, period_start: p.start, period_end: p.end, value: p.actual, source: `IATI ${a.identifier}` })
          .execute();
    }
  }
  await writeAudit(trx, actor, { action: existing ? 'update' : 'create', entityType: 'project', entityId: id, after: { code, via: 'IATI import', identifier: a.identifier } });
  return { projectId: id, created: !existing, skipped };
}

/**
 * The activity's document-links as the project's documents, matched by address: new ones added, known
 * ones brought up to date, others (confidential ones are never published) left as they are.
 */
async function applyOwnDocuments(trx: Transaction<DB>, projectId: string, a: MappedActivity, ctx: OwnContext, skip: (reason: string) => void) {
  const existing = new Map((await trx.selectFrom('project_documents').select(['id', 'url']).where('project_id', '=', projectId).execute()).map((d) => [d.url, d.id]));
  for (const d of a.documents) {
    const category = d.categories.find((c) => ctx.documentCategories.has(c));
    if (!category || !/^https?:\/\/\S+$/.test(d.url) || d.url.length > 2000) {
      skip(`the document ${d.url.slice(0, 80)} has ${category ? 'an address devcoop cannot keep' : 'no known DocumentCategory'}`);
      continue;
    }
    const values = {
      title: (d.title ?? d.url.replace(/\/+$/, '').split('/').pop() ?? d.url).slice(0, 300),
      format: d.format && ctx.fileFormats.has(d.format) ? d.format : 'application/octet-stream',
      category,
      language: d.languages.find((l) => /^[a-z]{2}$/.test(l)) ?? 'en',
      document_date: d.date,
    };
    const id = existing.get(d.url);
    if (id === 'new') continue; // the same address twice in the activity
    if (id)
      await trx
        .updateTable('project_documents')
        .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    else {
      await trx
        .insertInto('project_documents')
        .values({ ...values, project_id: projectId, url: d.url })
        .execute();
      existing.set(d.url, 'new');
    }
  }
}
