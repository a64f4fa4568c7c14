import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { importFinancialLines } from '../finance/financial-lines.apply.ts';
import { refreshProjectFinance } from '../finance/project-finance.refresh.ts';
import { createCpo, createDwcp, createDwcpPriority } from '../modules/dwcps/dwcps.service.ts';

/** A small, seeded pseudo-random generator (mulberry32): the same seed gives the same portfolio. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const between = (lo: number, hi: number) => lo + (hi - lo) * next();
  return { next, pick, between };
}

const THEMES = [
  'Skills and employability for young people',
  'Social protection floors',
  'Fair recruitment of migrant workers',
  'Elimination of child labour in agriculture',
  'Occupational safety and health in construction',
  'Formalisation of the informal economy',
  'Social dialogue and collective bargaining',
  'Women’s economic empowerment',
  'Green jobs and a just transition',
  'Decent work in global supply chains',
  'Employment-intensive investment in infrastructure',
  'Labour inspection and labour law reform',
  'Cooperatives and the social economy',
  'Crisis response and recovery through jobs',
] as const;
const REGIONS = ['298', '798', '489', '589', '89'] as const;

export interface GeneratedPortfolio {
  projects: number;
  lines: number;
}

/**
 * A realistic synthetic portfolio for the demonstration and the dashboards: hundreds of projects across
 * the offices, statuses and funding sources, several years of monthly expenditure in several currencies,
 * links to country programme outcomes for about 58% of voluntary funding (002 §26) and a delivery pace
 * around 80% (002 Outcome 2 milestones). Every project is marked synthetic. Projects are written in bulk
 * (one audit entry for the whole generation); expenditure goes through the ERP importer like a real file.
 */
export async function loadGeneratedPortfolio(
  db: Kysely<DB>,
  actor: Actor,
  options: { projects: number; seed: number; firstYear: number; today: string },
): Promise<GeneratedPortfolio> {
  const rng = seeded(options.seed);
  const { firstYear } = options;
  const thisYear = Number(options.today.slice(0, 4));
  const thisMonth = options.today.slice(0, 7);

  // Programme countries: each gets country programme outcomes (synthetic DWCPs where there is none).
  const profiles = await db.selectFrom('country_profiles').select(['country_code', 'covering_office_id']).orderBy('country_code').execute();
  const cposByCountry = new Map<string, string[]>();
  for (const p of profiles) {
    const existing = await db.selectFrom('cpos').innerJoin('dwcps', 'dwcps.id', 'cpos.dwcp_id').select('cpos.id').where('dwcps.country_code', '=', p.country_code).execute();
    if (existing.length) {
      cposByCountry.set(
        p.country_code,
        existing.map((c) => c.id),
      );
      continue;
    }
    const dwcp = await createDwcp(
      db,
      p.country_code,
      { title: `Decent Work Country Programme ${firstYear}–${thisYear + 1} (synthetic)`, periodStart: `${firstYear}-01-01`, periodEnd: `${thisYear + 1}-12-31`, status: 'active' },
      actor,
    );
    const ids: string[] = [];
    for (const [i, theme] of [rng.pick(THEMES), rng.pick(THEMES)].entries()) {
      const priority = await createDwcpPriority(db, dwcp.id as string, { code: `P${i + 1}`, title: theme }, actor);
      for (let j = 1; j <= 2; j++) {
        const cpo = await createCpo(
          db,
          dwcp.id as string,
          {
            priorityId: priority.id as string,
            code: `${p.country_code}${i + 1}0${j}`,
            text: `${theme}: outcome ${j} (synthetic)`,
            derivation: 'additional',
            justification: 'Synthetic demonstration outcome',
            cfOutputIds: [],
            orgOutcomeIds: [],
            sdgTargets: [],
          },
          actor,
        );
        ids.push(cpo.id as string);
      }
    }
    cposByCountry.set(p.country_code, ids);
  }

  const offices = await db.selectFrom('offices').select(['id', 'code', 'office_type', 'country_code']).execute();
  const hq = offices.find((o) => o.office_type === 'headquarters');
  const regional = offices.filter((o) => o.office_type === 'regional_office');
  const places = profiles.map((p) => ({ country: p.country_code, office: p.covering_office_id }));
  const programmeCountries = [...places];
  for (const o of offices)
    if (o.office_type === 'country_office' && o.country_code && !places.some((p) => p.country === o.country_code)) places.push({ country: o.country_code, office: o.id });
  const regionCodes = new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code));
  const partners = await db.selectFrom('partners').select(['id', 'code', 'partner_type']).execute();
  const donors = partners.filter((p) => ['eu', 'government', 'pooled_fund', 'foundation'].includes(p.partner_type));
  const agreements = await db.selectFrom('agreements').select(['id', 'partner_id', 'funding_source']).execute();
  const orgOutcomes = (await db.selectFrom('org_outcomes').select('id').execute()).map((o) => o.id);

  const statuses = [
    ...Array(10).fill('pipeline'),
    ...Array(5).fill('appraisal'),
    ...Array(10).fill('approved'),
    ...Array(60).fill('active'),
    ...Array(15).fill('closed'),
  ] as string[];
  const sources = [...Array(13).fill('XBDC'), ...Array(3).fill('RBSA'), 'RBTC', ...Array(3).fill('RB')] as string[];
  const currencies = ['USD', 'USD', 'EUR', 'EUR', 'CHF', 'NOK'] as const;

  type Gen = { id: string; code: string; status: string; start: number; end: number; currency: string; amount: number; pace: number; silentFrom: string | null };
  const gens: Gen[] = [];
  const projectRows = [];
  const partnerRows: { project_id: string; partner_id: string; role: string }[] = [];
  const agreementRows: { project_id: string; agreement_id: string }[] = [];
  const cpoRows: { project_id: string; cpo_id: string; share: string }[] = [];
  const outcomeRows: { project_id: string; org_outcome_id: string; share: string }[] = [];
  const historyRows = [];
  for (let i = 1; i <= options.projects; i++) {
    const id = crypto.randomUUID();
    const status = rng.pick(statuses);
    const fundingSource = rng.pick(sources);
    const roll = rng.next();
    const place = roll < 0.8 ? 'country' : roll < 0.92 ? 'region' : 'global';
    // Nine projects in ten placed in a country sit in a programme country (with outcomes to contribute to).
    const at = rng.next() < 0.9 ? rng.pick(programmeCountries) : rng.pick(places);
    const region = rng.pick(REGIONS);
    const start =
      status === 'pipeline' || status === 'appraisal' ? thisYear + (rng.next() < 0.5 ? 0 : 1) : status === 'closed' ? firstYear : firstYear + Math.floor(rng.next() * 2);
    const end = status === 'closed' ? thisYear - 1 : Math.max(start + 1, thisYear + Math.floor(rng.next() * 3));
    const country = place === 'country' ? at.country : null;
    const theme = rng.pick(THEMES);
    const code = `SYN/${country ?? (place === 'region' ? `R${region}` : 'GLO')}/${String(start).slice(2)}/${String(i).padStart(3, '0')}`;
    const officeId = place === 'country' ? at.office : place === 'region' ? (rng.pick(regional)?.id ?? hq?.id) : hq?.id;
    const probability = status === 'pipeline' ? 30 + Math.floor(rng.next() * 40) : status === 'appraisal' ? 60 + Math.floor(rng.next() * 30) : null;
    projectRows.push({
      id,
      code,
      title: `${theme}${country ? '' : place === 'region' ? ' (regional)' : ' (global)'}`,
      place,
      country_code: country,
      region_code: place === 'region' && regionCodes.has(region) ? region : null,
      office_id: officeId as string,
      funding_source: fundingSource,
      planned_start: `${start}-01-01`,
      planned_end: `${end}-12-31`,
      actual_start: ['active', 'closed', 'approved'].includes(status) ? `${start}-01-01` : null,
      actual_end: status === 'closed' ? `${end}-12-31` : null,
      status,
      probability: probability === null ? null : String(probability),
      marker_gender: Math.floor(rng.next() * 3),
      marker_standards: Math.floor(rng.next() * 3),
      marker_social_dialogue: Math.floor(rng.next() * 3),
      marker_environment: Math.floor(rng.next() * 2),
      is_synthetic: true,
    });
    if (projectRows.at(-1)?.place === 'region' && !projectRows.at(-1)?.region_code) Object.assign(projectRows.at(-1) as object, { place: 'global' });
    historyRows.push({ project_id: id, from_status: null, to_status: status, actor_label: actor.label, note: 'Generated (synthetic demonstration portfolio)' });
    if (fundingSource === 'XBDC' || fundingSource === 'RBSA') {
      const candidates = fundingSource === 'RBSA' ? donors.filter((d) => d.partner_type === 'government') : donors;
      const donor = rng.pick(candidates.length ? candidates : donors);
      if (donor) {
        partnerRows.push({ project_id: id, partner_id: donor.id, role: 'funding' });
        const ag = agreements.find((a) => a.partner_id === donor.id && a.funding_source === fundingSource) ?? agreements.find((a) => a.partner_id === donor.id);
        if (ag) agreementRows.push({ project_id: id, agreement_id: ag.id });
      }
    }
    // Most projects in a programme country link most of their money to its outcomes: about 58% overall (002 §26).
    const cpos = country ? (cposByCountry.get(country) ?? []) : [];
    if (cpos.length && rng.next() < 0.85) {
      const share = rng.pick([60, 70, 80, 100]);
      const first = rng.pick(cpos);
      const second = rng.pick(cpos);
      if (share === 100 || first === second) cpoRows.push({ project_id: id, cpo_id: first, share: String(share) });
      else cpoRows.push({ project_id: id, cpo_id: first, share: String(share - 20) }, { project_id: id, cpo_id: second, share: '20' });
    }
    if (orgOutcomes.length && rng.next() < 0.8) outcomeRows.push({ project_id: id, org_outcome_id: rng.pick(orgOutcomes), share: '100' });
    const pace = Math.min(1.15, Math.max(0.35, 0.84 + (rng.next() + rng.next() + rng.next() - 1.5) * 0.3));
    const silent = status === 'active' && rng.next() < 0.08;
    const d = new Date(`${thisMonth}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 4 - Math.floor(rng.next() * 4));
    gens.push({
      id,
      code,
      status,
      start,
      end,
      currency: rng.pick(currencies),
      amount: Math.round(rng.between(150, 2500)) * 1000,
      pace,
      silentFrom: silent ? d.toISOString().slice(0, 7) : null,
    });
  }
  for (const part of chunk(projectRows, 200)) await db.insertInto('projects').values(part).execute();
  for (const part of chunk(historyRows, 500)) await db.insertInto('project_status_history').values(part).execute();
  if (partnerRows.length) await db.insertInto('project_partners').values(partnerRows).execute();
  if (agreementRows.length) await db.insertInto('project_agreements').values(agreementRows).execute();
  if (cpoRows.length) await db.insertInto('project_cpo_links').values(cpoRows).execute();
  if (outcomeRows.length) await db.insertInto('project_org_outcome_links').values(outcomeRows).execute();

  // Allocations for each year of the project within the demonstration years; monthly expenditure at the project's pace.
  const allocationRows: { project_id: string; year: number; amount: string; currency: string; source: string }[] = [];
  const csv = ['project,period,amount,currency,ref,type'];
  for (const g of gens) {
    for (let year = Math.max(g.start, firstYear); year <= Math.min(g.end, thisYear + 1); year++) {
      const amount = Math.round((g.amount * rng.between(0.85, 1.15)) / 1000) * 1000;
      allocationRows.push({ project_id: g.id, year, amount: String(amount), currency: g.currency, source: 'Synthetic allocation (demonstration)' });
      if (!['active', 'closed', 'approved'].includes(g.status)) continue;
      const pace = g.status === 'approved' ? g.pace * 0.5 : g.pace;
      for (let m = 1; m <= 12; m++) {
        const period = `${year}-${String(m).padStart(2, '0')}`;
        if (period >= thisMonth || (g.silentFrom && period >= g.silentFrom)) break;
        const spent = ((amount / 12) * pace * rng.between(0.6, 1.4)).toFixed(2);
        csv.push(`${g.code},${period},${spent},${g.currency},SYN-${g.code}-${period},expenditure`);
      }
      if (year === thisYear && g.status !== 'closed') {
        const month = thisMonth.slice(5, 7) === '01' ? thisMonth : `${thisYear}-${String(Number(thisMonth.slice(5, 7)) - 1).padStart(2, '0')}`;
        csv.push(`${g.code},${month},${(amount * rng.between(0.05, 0.2)).toFixed(2)},${g.currency},SYNC-${g.code}-${year},commitment`);
      }
    }
  }
  for (const part of chunk(allocationRows, 500)) await db.insertInto('allocations').values(part).execute();
  const mapping = { projectCode: 'project', period: 'period', amount: 'amount', currency: 'currency', sourceRef: 'ref', kind: 'type' };
  const report = await importFinancialLines(db, { name: 'synthetic-erp-export.csv', bytes: new TextEncoder().encode(csv.join('\n')) }, mapping, { dryRun: false }, actor);
  if (!report.ok) throw new Error(`generated expenditure refused: ${JSON.stringify(report.issues.slice(0, 3))}`);
  await refreshProjectFinance(db, { projectIds: gens.map((g) => g.id) });

  // Resources needed per outcome for this year and next: more than is available, part of it since filled.
  const available = await db
    .selectFrom('project_cpo_links as l')
    .innerJoin('project_finance as f', 'f.project_id', 'l.project_id')
    .select(['l.cpo_id', sql<string>`round(sum(coalesce(f.allocation, 0) * l.share / 100), 0)::text`.as('amount')])
    .where('f.year', 'in', [thisYear, thisYear + 1])
    .groupBy('l.cpo_id')
    .execute();
  const needs = available.map((a) => {
    const now = Number(a.amount);
    return {
      cpo_id: a.cpo_id,
      year_from: thisYear,
      year_to: thisYear + 1,
      currency: 'USD',
      needed: String(Math.round((now * rng.between(1.1, 1.6)) / 1000) * 1000),
      available_at_identification: String(Math.round((now * rng.between(0.5, 0.8)) / 1000) * 1000),
      identified_on: `${thisYear - 1}-11-30`,
      note: 'Outcome-based workplan (synthetic)',
      is_synthetic: true,
    };
  });
  if (needs.length) await db.insertInto('resource_needs').values(needs).execute();
  await writeAudit(db, actor, {
    action: 'generate',
    entityType: 'demo_portfolio',
    entityId: `seed-${options.seed}`,
    after: { projects: gens.length, lines: report.inserted, resourceNeeds: needs.length, synthetic: true },
  });
  return { projects: gens.length, lines: report.inserted };
}

const chunk = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
