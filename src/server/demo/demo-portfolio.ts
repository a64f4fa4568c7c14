import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { setAllocation } from '../finance/allocations.service.ts';
import { importFinancialLines } from '../finance/financial-lines.apply.ts';
import { importRates } from '../finance/rates.service.ts';
import { activityIdentifier } from '../iati/iati-activity.build.ts';
import { publisherSettings } from '../iati/iati-settings.service.ts';
import { createAgreement } from '../modules/agreements/agreements.service.ts';
import { addDueDiligence } from '../modules/partners/partners.service.ts';
import { createDocument } from '../modules/projects/project-documents.service.ts';
import { createProject, transitionProject } from '../modules/projects/projects.service.ts';

/**
 * A small synthetic portfolio for the demonstration (agreements, projects across the lifecycle). The
 * large generated portfolio with expenditure comes with the finance part of issue 4.
 */
export async function loadDemoPortfolio(db: Kysely<DB>, actor: Actor, offices: Map<string, string>, partners: Map<string, string>): Promise<void> {
  const p = (code: string) => partners.get(code) as string;
  const o = (code: string) => offices.get(code) as string;
  await addDueDiligence(
    db,
    p('ACME-FDN'),
    {
      reviewedOn: '2023-03-01',
      validUntil: '2027-03-01',
      criteria: { labourStandards: true, humanRights: true, environment: true, anticorruption: true },
      riskRating: 'low',
      decision: 'approved',
      reviewer: 'PARDEV due diligence panel',
    },
    actor,
  );
  const eu = await createAgreement(
    db,
    {
      code: 'EU-2023-01',
      title: 'Decent work in global supply chains',
      partnerId: p('EU'),
      periodStart: '2023-01-01',
      periodEnd: '2026-12-31',
      earmarking: 'tightly_earmarked',
      fundingSource: 'XBDC',
      currency: 'EUR',
      amounts: [
        { year: 2023, amount: '4000000' },
        { year: 2024, amount: '6000000' },
        { year: 2025, amount: '6000000' },
        { year: 2026, amount: '4000000' },
      ],
    },
    actor,
  );
  const norad = await createAgreement(
    db,
    {
      code: 'NO-2022-PA',
      title: 'Partnership agreement 2022–25',
      partnerId: p('NO-NORAD'),
      periodStart: '2022-01-01',
      periodEnd: '2025-12-31',
      earmarking: 'softly_earmarked',
      fundingSource: 'XBDC',
      currency: 'NOK',
      amounts: [
        { year: 2022, amount: '50000000' },
        { year: 2023, amount: '50000000' },
        { year: 2024, amount: '55000000' },
        { year: 2025, amount: '55000000' },
      ],
    },
    actor,
  );
  await createAgreement(
    db,
    {
      code: 'SE-2024-RBSA',
      title: 'Core voluntary contribution (RBSA)',
      partnerId: p('SE-SIDA'),
      periodStart: '2024-01-01',
      periodEnd: '2025-12-31',
      earmarking: 'unearmarked',
      fundingSource: 'RBSA',
      currency: 'SEK',
      amounts: [
        { year: 2024, amount: '80000000' },
        { year: 2025, amount: '80000000' },
      ],
    },
    actor,
  );
  await createAgreement(
    db,
    {
      code: 'IN-2024-DOM',
      title: 'Domestic funding: social security for platform workers',
      partnerId: p('IN-GOV'),
      periodStart: '2024-01-01',
      periodEnd: '2026-12-31',
      earmarking: 'tightly_earmarked',
      fundingSource: 'XBDC',
      currency: 'INR',
      amounts: [
        { year: 2024, amount: '150000000' },
        { year: 2025, amount: '150000000' },
      ],
    },
    actor,
  );
  const projects: [string, string, string, string, string, string[], string][] = [
    ['IND/23/01/EUR', 'Decent work in garment supply chains', 'IN', 'CO-DELHI', 'EU', [eu.id], 'active'],
    ['VNM/22/02/NOR', 'Social dialogue and industrial relations', 'VN', 'CO-HANOI', 'NO-NORAD', [norad.id], 'active'],
    ['PAK/24/01/EUR', 'Fair recruitment of migrant workers', 'PK', 'CO-ISLAMABAD', 'EU', [eu.id], 'approved'],
    ['TZA/25/01/MPT', 'Jobs for youth in the blue economy (joint programme)', 'TZ', 'CO-DAR', 'MPTF-SDG', [], 'appraisal'],
    ['MOZ/25/02/FDN', 'Skills for young women in agri-business', 'MZ', 'CO-LUSAKA', 'ACME-FDN', [], 'pipeline'],
  ];
  const ids = new Map<string, string>();
  const publisher = await publisherSettings(db);
  for (const [code, title, country, office, partner, agreementIds, status] of projects) {
    let project: { id: unknown; status: unknown; version: unknown } = await createProject(
      db,
      {
        code,
        title,
        place: 'country',
        countryCode: country,
        officeId: o(office),
        fundingSource: 'XBDC',
        plannedStart: '2022-01-01',
        plannedEnd: `${new Date().getUTCFullYear() + 1}-12-31`,
        probability: status === 'pipeline' ? 40 : status === 'appraisal' ? 70 : null,
        markers: { gender: 1, standards: 1, socialDialogue: 1 },
        partners: [{ partnerId: p(partner), role: 'funding' }],
        agreementIds,
        cpoLinks: [],
        orgOutcomeLinks: [],
        cfOutcomeIds: [],
        sdgTargets: ['8.5', '8.8'],
        relatedActivities: code === 'IND/23/01/EUR' ? [{ ref: activityIdentifier(publisher, 'PAK/24/01/EUR'), type: '3' }] : [],
      },
      actor,
    );
    for (const to of ['appraisal', 'approved', 'active']) {
      if (project.status === status) break;
      // Presented rows are loosely typed records: read back the fields the loop needs.
      const moved: Record<string, unknown> = await transitionProject(
        db,
        project.id as string,
        { to: to as 'appraisal', version: project.version as number, on: to === 'active' ? '2022-01-15' : undefined },
        actor,
      );
      project = { id: moved.id, status: moved.status, version: moved.version };
    }
    ids.set(code, project.id as string);
  }
  await loadDemoDocuments(db, actor, ids);
  await loadDemoMoney(db, actor, ids);
}

/** Documents of the garment project: two published as IATI document-links, the contract kept confidential. */
async function loadDemoDocuments(db: Kysely<DB>, actor: Actor, ids: Map<string, string>) {
  const id = ids.get('IND/23/01/EUR') as string;
  const docs = [
    { title: 'Project summary (demonstration)', url: 'https://example.org/devcoop-demo/ind-23-01-summary.pdf', category: 'A02', documentDate: '2023-02-15' },
    { title: 'Mid-term evaluation (demonstration)', url: 'https://example.org/devcoop-demo/ind-23-01-evaluation.pdf', category: 'A07', documentDate: '2024-09-30' },
    { title: 'Grant contract (demonstration)', url: 'https://example.org/devcoop-demo/ind-23-01-contract.pdf', category: 'A11', documentDate: '2023-01-10', confidential: true },
  ];
  for (const d of docs) await createDocument(db, id, { ...d, format: 'application/pdf', language: 'en' }, actor);
}

/** Synthetic monthly rates, allocations and expenditure for the active projects, so delivery and the watch list have figures. */
async function loadDemoMoney(db: Kysely<DB>, actor: Actor, ids: Map<string, string>) {
  // Relative to today, so that the demonstration always has a current year to show (rates run into next year, for planning).
  const first = new Date().getUTCFullYear() - 2;
  const months = Array.from({ length: 48 }, (_, i) => `${first + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
  const base: Record<string, number> = { EUR: 0.92, NOK: 10.6, SEK: 10.4, INR: 83.2, CHF: 0.88 };
  const rates = months.flatMap((month, i) => Object.entries(base).map(([currency, v]) => ({ currency, month, perUsd: (v * (1 + 0.01 * Math.sin(i))).toFixed(4) })));
  await importRates(db, 'Synthetic monthly rates (demonstration)', rates, actor);
  const plan: [string, string, string, number][] = [
    // project, currency, yearly allocation, share of it spent each month so far (delivery pace)
    ['IND/23/01/EUR', 'EUR', '1200000', 0.075],
    ['VNM/22/02/NOR', 'NOK', '9000000', 0.03],
  ];
  const today = new Date().toISOString().slice(0, 7);
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - 5);
  const stopped = d.toISOString().slice(0, 7);
  const csv = ['project,period,amount,currency,ref,kind'];
  for (const [code, currency, allocation, pace] of plan) {
    const id = ids.get(code) as string;
    for (const year of [first, first + 1, first + 2]) await setAllocation(db, id, year, { amount: allocation, currency, source: 'Synthetic allocation (demonstration)' }, actor);
    for (const month of months.filter((m) => m.slice(0, 7) < today)) {
      // The Viet Nam project stopped spending five months ago, so the watch list has something to say.
      if (code.startsWith('VNM') && month.slice(0, 7) >= stopped) continue;
      // The garment project passes a quarter's funds to its implementing partners at the end of each quarter.
      const kind = code.startsWith('IND') && Number(month.slice(5, 7)) % 3 === 0 ? 'disbursement' : 'expenditure';
      csv.push(`${code},${month.slice(0, 7)},${(Number(allocation) * pace).toFixed(2)},${currency},DEMO-${code}-${month.slice(0, 7)},${kind}`);
    }
  }
  // Through the importer, like an ERP export: validated, in the same transaction, audited.
  const mapping = { projectCode: 'project', period: 'period', amount: 'amount', currency: 'currency', sourceRef: 'ref', kind: 'kind' };
  const report = await importFinancialLines(db, { name: 'demo-expenditure.csv', bytes: new TextEncoder().encode(csv.join('\n')) }, mapping, { dryRun: false }, actor);
  if (!report.ok) throw new Error(`demo expenditure refused: ${JSON.stringify(report.issues.slice(0, 3))}`);
}
