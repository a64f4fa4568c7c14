import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { createAgreement } from '../modules/agreements/agreements.service.ts';
import { addDueDiligence } from '../modules/partners/partners.service.ts';
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
        plannedStart: '2023-01-01',
        plannedEnd: '2026-12-31',
        probability: status === 'pipeline' ? 40 : status === 'appraisal' ? 70 : null,
        markers: { gender: 1, standards: 1, socialDialogue: 1 },
        partners: [{ partnerId: p(partner), role: 'funding' }],
        agreementIds,
        cpoLinks: [],
        orgOutcomeLinks: [],
        cfOutcomeIds: [],
        sdgTargets: ['8.5', '8.8'],
      },
      actor,
    );
    for (const to of ['appraisal', 'approved', 'active']) {
      if (project.status === status) break;
      // Presented rows are loosely typed records: read back the fields the loop needs.
      const moved: Record<string, unknown> = await transitionProject(
        db,
        project.id as string,
        { to: to as 'appraisal', version: project.version as number, on: to === 'active' ? '2023-01-15' : undefined },
        actor,
      );
      project = { id: moved.id, status: moved.status, version: moved.version };
    }
  }
}
