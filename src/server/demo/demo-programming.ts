import type { Kysely } from 'kysely';
import { isoDate } from '../../shared/dates.ts';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { createMilestone } from '../modules/calendar/calendar.service.ts';
import { createCycle, createOutcome, createOutput, createPriority } from '../modules/cf/cf.service.ts';
import { createConstituent, createCountryProfile } from '../modules/countries/countries.service.ts';
import { createCpo, createDwcp, createDwcpPriority } from '../modules/dwcps/dwcps.service.ts';
import { createFramework, createOrgOutcome } from '../modules/frameworks/frameworks.service.ts';
import { createIndicator, setTarget } from '../modules/indicators/indicators.service.ts';

/**
 * Country programming for the demonstration. From the seeds: the eight "Delivering as One" pilots
 * (GB.306/TC/1, footnote 7), Uruguay's non-resident status (ibid. §9), and India's Cooperation
 * Framework 2018–22 whose CCA the social partners helped shape (GB.338/INS/9 §11). Everything else
 * (offices covering them, outcome texts, DWCPs, milestones) is synthetic and marked so.
 */
const PILOTS: [string, string, 'resident' | 'non_resident'][] = [
  ['AL', 'CO-TIRANA', 'resident'],
  ['CV', 'CO-PRAIA', 'resident'],
  ['MZ', 'CO-LUSAKA', 'resident'],
  ['PK', 'CO-ISLAMABAD', 'resident'],
  ['RW', 'CO-DAR', 'non_resident'],
  ['TZ', 'CO-DAR', 'resident'],
  ['UY', 'CO-SANTIAGO', 'non_resident'],
  ['VN', 'CO-HANOI', 'resident'],
];

const addMonths = (months: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  return isoDate(d);
};

export async function loadDemoProgramming(db: Kysely<DB>, actor: Actor, officeIds: Map<string, string>): Promise<void> {
  const office = (code: string) => officeIds.get(code) as string;
  for (const [country, covering, presence] of PILOTS) {
    await createCountryProfile(
      db,
      { countryCode: country, presence, coveringOfficeId: office(covering), deliveringAsOne: true, notes: '"Delivering as One" pilot country (GB.306/TC/1, footnote 7)' },
      actor,
    );
    await createConstituent(db, country, { kind: 'ministry_of_labour', name: 'Ministry of Labour' }, actor);
    await createConstituent(db, country, { kind: 'employers', name: 'National employers’ federation' }, actor);
    await createConstituent(db, country, { kind: 'workers', name: 'National trade union confederation' }, actor);
    const cycle = await createCycle(
      db,
      country,
      { kind: 'cooperation_framework', title: `Cooperation Framework ${country} 2022–2026`, periodStart: '2022-01-01', periodEnd: '2026-12-31', stage: 'implementation' },
      actor,
    );
    await createMilestone(db, country, { kind: 'cca', title: 'Common Country Analysis update', dueDate: addMonths(1), cfCycleId: cycle.id as string, notifyDays: 60 }, actor);
    await createMilestone(db, country, { kind: 'cf_roadmap', title: 'Roadmap of the next Cooperation Framework', dueDate: addMonths(8), notifyDays: 45 }, actor);
  }

  const sp = await createFramework(
    db,
    { kind: 'programme_budget', code: 'PB-2020-21', title: 'Programme and Budget 2020–21', periodStart: '2020-01-01', periodEnd: '2021-12-31' },
    actor,
  );
  const social = await createOrgOutcome(db, sp.id as string, { code: '8', title: 'Comprehensive and sustainable social protection for all' }, actor);
  const migration = await createOrgOutcome(db, sp.id as string, { code: '7', title: 'Adequate and effective protection at work for all' }, actor);

  await createCountryProfile(db, { countryCode: 'IN', presence: 'resident', coveringOfficeId: office('CO-DELHI') }, actor);
  await createConstituent(db, 'IN', { kind: 'ministry_of_labour', name: 'Ministry of Labour and Employment' }, actor);
  await createConstituent(db, 'IN', { kind: 'employers', name: 'Council of Indian Employers' }, actor);
  await createConstituent(db, 'IN', { kind: 'workers', name: 'Central trade union organisations' }, actor);
  const cf = await createCycle(
    db,
    'IN',
    { kind: 'cooperation_framework', title: 'Cooperation Framework India 2018–22', periodStart: '2018-01-01', periodEnd: '2022-12-31', stage: 'evaluation' },
    actor,
  );
  const cfId = cf.id as string;
  const p1 = await createPriority(db, cfId, { code: 'SP1', title: 'Poverty and urbanization' }, actor);
  const p2 = await createPriority(db, cfId, { code: 'SP2', title: 'Skilling, entrepreneurship and job creation' }, actor);
  // The four focuses the social partners brought to the CCA (GB.338/INS/9 §11); the outcome wording is synthetic.
  const informal = await createOutcome(
    db,
    cfId,
    {
      priorityId: p1.id as string,
      code: 'O1',
      text: 'Informal economy workers have better access to decent work and social protection',
      orgRole: 'lead',
      sdgTargets: ['8.3', '8.5'],
    },
    actor,
  );
  const migrants = await createOutcome(
    db,
    cfId,
    { priorityId: p1.id as string, code: 'O2', text: 'Migrant workers are protected throughout the migration cycle', orgRole: 'co_lead', sdgTargets: ['8.8', '10.7'] },
    actor,
  );
  const protection = await createOutcome(
    db,
    cfId,
    { priorityId: p1.id as string, code: 'O3', text: 'State-level social protection systems reach more people', orgRole: 'participant', sdgTargets: ['1.3'] },
    actor,
  );
  const enterprise = await createOutcome(
    db,
    cfId,
    { priorityId: p2.id as string, code: 'O4', text: 'Young women and men find decent jobs and start enterprises', orgRole: 'lead', sdgTargets: ['8.6', '4.4'] },
    actor,
  );
  const registry = await createOutput(
    db,
    protection.id as string,
    { code: 'O3.1', text: 'Registry of unorganised workers designed with state governments', orgRole: 'participant' },
    actor,
  );

  const dwcp = await createDwcp(
    db,
    'IN',
    { title: 'Decent Work Country Programme India 2018–22', periodStart: '2018-01-01', periodEnd: '2022-12-31', status: 'closed', cfCycleId: cfId },
    actor,
  );
  const d = dwcp.id as string;
  const dp1 = await createDwcpPriority(db, d, { code: 'P1', title: 'Decent work for informal and migrant workers' }, actor);
  const dp2 = await createDwcpPriority(db, d, { code: 'P2', title: 'Social protection floors in the states' }, actor);
  const dp3 = await createDwcpPriority(db, d, { code: 'P3', title: 'International labour standards and social dialogue' }, actor);
  const dp4 = await createDwcpPriority(db, d, { code: 'P4', title: 'Jobs and enterprises for youth' }, actor);
  const ind101 = await createCpo(
    db,
    d,
    {
      priorityId: dp1.id as string,
      code: 'IND101',
      derivation: 'derived',
      cfOutcomeId: informal.id as string,
      cfOutputIds: [],
      orgOutcomeIds: [social.id as string],
      sdgTargets: ['8.3'],
    },
    actor,
  );
  await createCpo(
    db,
    d,
    {
      priorityId: dp1.id as string,
      code: 'IND102',
      derivation: 'derived',
      cfOutcomeId: migrants.id as string,
      cfOutputIds: [],
      orgOutcomeIds: [migration.id as string],
      sdgTargets: ['8.8'],
    },
    actor,
  );
  await createCpo(
    db,
    d,
    {
      priorityId: dp2.id as string,
      code: 'IND103',
      derivation: 'additional',
      text: 'State governments design social protection schemes for unorganised workers',
      justification: 'Technical advice to states, reflected in the CF at output level only',
      cfOutputIds: [registry.id as string],
      orgOutcomeIds: [social.id as string],
      sdgTargets: ['1.3'],
    },
    actor,
  );
  await createCpo(
    db,
    d,
    {
      priorityId: dp3.id as string,
      code: 'IND826',
      derivation: 'additional',
      text: 'Constituents report on ratified conventions and act on the supervisory bodies’ comments',
      justification: 'Normative work of the Organization: not part of the UN Cooperation Framework',
      cfOutputIds: [],
      orgOutcomeIds: [],
      sdgTargets: [],
    },
    actor,
  );
  await createCpo(
    db,
    d,
    { priorityId: dp4.id as string, code: 'IND104', derivation: 'derived', cfOutcomeId: enterprise.id as string, cfOutputIds: [], orgOutcomeIds: [], sdgTargets: ['8.6'] },
    actor,
  );

  const ind = await createIndicator(
    db,
    {
      nodeType: 'cpo',
      nodeId: ind101.id as string,
      code: 'I1',
      title: 'Informal workers registered for social security',
      unit: 'million persons',
      baselineValue: '0',
      baselineDate: '2017-12-31',
    },
    actor,
  );
  await setTarget(db, ind.id as string, { kind: 'milestone', periodStart: '2018-01-01', periodEnd: '2019-12-31', value: '10' }, actor);
  await setTarget(db, ind.id as string, { kind: 'target', periodStart: '2018-01-01', periodEnd: '2022-12-31', value: '50' }, actor);

  const next = await createCycle(
    db,
    'IN',
    { kind: 'cooperation_framework', title: 'Cooperation Framework India 2023–27', periodStart: '2023-01-01', periodEnd: '2027-12-31', stage: 'implementation' },
    actor,
  );
  await createMilestone(
    db,
    'IN',
    { kind: 'cf_annual_review', title: 'Annual review of the Cooperation Framework', dueDate: addMonths(2), cfCycleId: next.id as string, notifyDays: 30 },
    actor,
  );
  await createMilestone(
    db,
    'IN',
    { kind: 'cf_evaluation', title: 'Evaluation of the Cooperation Framework 2023–27', dueDate: addMonths(11), cfCycleId: next.id as string, notifyDays: 90 },
    actor,
  );
  await createMilestone(db, 'IN', { kind: 'dwcp_formulation', title: 'Tripartite consultation on the next DWCP', dueDate: addMonths(5), notifyDays: 45 }, actor);
}
