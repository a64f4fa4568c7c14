import type { z } from 'zod';
import type { StrategyCreate } from '../../shared/contracts/strategies.ts';

/**
 * The Technical Cooperation Strategy 2010–15 transcribed from seed 002 (GB.306/TC/1, Geneva, 12 October
 * 2009): its three outcomes with their strategy elements, the seven indicators with baseline, target and
 * biennial milestones as written, linkages, assumptions and risks, and Table 1 (the costing). Real, not
 * synthetic. Indicators 1.1, 1.2, 2.1, 2.2 and 3.1 are computed from devcoop's data by named formulas;
 * 3.2 and 3.3 (constituents' satisfaction) are entered by hand. The baselines of outcome 3 were "to be set
 * in 2010", so they have no number until someone enters one.
 */
type Strategy = z.input<typeof StrategyCreate>;

const pct = (n: number) => `${n} per cent`;
const inc = (n: number) => `${n} per cent increase`;
const ms = (labels: [string, number][]) => labels.map(([label, value], k) => ({ period: ['2010–11', '2012–13', '2014–15'][k] as string, label, value: String(value) }));

export const TC_STRATEGY_2010_15: Strategy = {
  code: 'TC-STRATEGY-2010-15',
  title: "The ILO's Technical Cooperation Strategy 2010–15",
  periodStart: '2010-01-01',
  periodEnd: '2015-12-31',
  documentSymbol: 'GB.306/TC/1',
  currency: 'USD',
  costingTitle: 'Estimated biennial cost of the enhanced Technical Cooperation Strategy',
  introduction:
    'This paper proposes an enhanced Technical Cooperation Strategy in line with the principles of the Social Justice Declaration. Outcomes, measurement criteria, risks and assumptions, and estimated costs are presented as well.',
  periods: [
    { label: '2010–11', startDate: '2010-01-01', endDate: '2011-12-31' },
    { label: '2012–13', startDate: '2012-01-01', endDate: '2013-12-31' },
    { label: '2014–15', startDate: '2014-01-01', endDate: '2015-12-31' },
  ],
  outcomes: [
    {
      number: 1,
      title: 'ILO extra-budgetary and RBSA resources are aligned with Decent Work Country Programme and programme and budget outcomes',
      strategyText: [
        'Further align technical cooperation with the priorities and capacity needs of the constituents. Currently, only 58 per cent of extra-budgetary funding contributes directly to country-level decent work outcomes.',
        'Increase international partnerships and policy dialogue to enhance the impact of ILO technical assistance.',
        'Mobilize resources through the RBSA and/or more predictable, un-earmarked renewable partnerships, or through direct project support to Decent Work Country Programme and programme and budget outcomes.',
        'Increase access to One UN and other UN funds.',
        'Expand public–private partnerships and widen the donor base.',
      ].join('\n\n'),
      linkages:
        'The enhanced Technical Cooperation Strategy elements are linked to and support the other strategies to be discussed at the current Governing Body session. With regard to the Human Resources Strategy, improving alignment and widening the donor base for ILO technical cooperation would involve a modest amount of staff training. In respect of the Information Technology Strategy, the achievement of improved alignment and monitoring of implementation depends on the successful enhancement of IRIS functionalities and availability in the field.',
      assumptionsRisks:
        'The assumption is made that donors will make efforts to respect the principles of the Paris Declaration and the Triennial Comprehensive Policy Review, which set out many of the concepts in the proposed Strategy. The mobilization of resources at the local level will depend on a strong ILO presence in countries, and the understanding that it is the joint responsibility of directors, specialists and constituents. There is a risk that the crisis could provoke a political reaction away from support for multilateral engagement. Given the solid commitment to achieve these goals and the increasing penetration of a results-based management culture throughout development cooperation efforts, the risks are minimal.',
      availableResources: '3600000',
      resourcesEstimated: true,
      keyOutputs: [
        'Resource mobilization',
        'Training on resource mobilization, technical cooperation planning in relation to outcome-based workplans',
        'Promotional strategy on public-private partnerships',
      ],
      resourceGap: '0',
      indicators: [
        {
          number: '1.1',
          text: 'Percentage of resource gaps identified in the outcome-based workplan exercise are adequately filled',
          baselineText: 'TC results for 2008–09 *',
          baselineNote: '* To be reported to the Committee at the 307th Session (March 2010) of the Governing Body.',
          targetText: pct(90),
          targetValue: '90',
          unit: 'percent',
          formula: 'gaps_filled',
          milestones: ms([
            [pct(70), 70],
            [pct(80), 80],
            [pct(90), 90],
          ]),
        },
        {
          number: '1.2',
          text: 'Percentage of voluntary funding mobilized through RBSA, quality partnership agreements, One UN Funds, or direct project support to Decent Work Country Programme and programme and budget outcomes',
          baselineText: 'TC results for 2008–09',
          targetText: pct(80),
          targetValue: '80',
          unit: 'percent',
          formula: 'aligned_share',
          milestones: ms([
            [pct(60), 60],
            [pct(70), 70],
            [pct(80), 80],
          ]),
        },
      ],
    },
    {
      number: 2,
      title: 'ILO technical cooperation programmes and projects fully meet results-based management and ILO quality requirements',
      strategyText: [
        'Foster better quality control of technical cooperation programmes and projects. All ILO technical cooperation proposals undergo a rigorous appraisal process.',
        'Foster more specific knowledge on operational intervention methods.',
      ].join('\n\n'),
      linkages:
        'This element of the Technical Cooperation Strategy would link to the Human Resources Strategy, as improved delivery and quality of technical cooperation depend in part on efficient recruitment procedures for technical cooperation staff. With regard to the Knowledge Strategy, there is a clear need for operational lessons learned from technical cooperation to be included in the research and information dissemination activities.',
      assumptionsRisks: 'The assumptions and risks are the same as for outcome 1.',
      availableResources: '3600000',
      resourcesEstimated: true,
      keyOutputs: [
        'Training on results-based project cycle management',
        'Quality control, monitoring and evaluation procedures and tools',
        'Knowledge-sharing procedures and tools',
      ],
      resourceGap: '0',
      indicators: [
        {
          number: '2.1',
          text: 'Percentage of technical cooperation proposals approved through quality control mechanism',
          baselineText: 'TC results for 2008–09',
          targetText: pct(100),
          targetValue: '100',
          unit: 'percent',
          formula: 'proposals_appraised',
          milestones: ms([
            ['Appraisal: 75 per cent', 75],
            [pct(90), 90],
            [pct(100), 100],
          ]),
        },
        {
          number: '2.2',
          text: 'Delivery rate (expenditure/allocation)',
          baselineText: 'TC results for 2008–09',
          targetText: '90 per cent overall',
          targetValue: '90',
          unit: 'percent',
          formula: 'delivery_rate',
          milestones: ms([
            ['Delivery: 75 per cent By the end of 2011 there will also be a results-based implementation monitoring system in place', 75],
            [pct(85), 85],
            [pct(90), 90],
          ]),
        },
      ],
    },
    {
      number: 3,
      title:
        'Through technical cooperation, ILO constituents attain technical and institutional capacity to successfully engage in development planning through Decent Work Country Programmes, in the context of UNDAFs and UN reform',
      strategyText:
        'Enhance capacity building through technical cooperation. The Office, in collaboration with the Turin Centre, will step up efforts to ensure that technical cooperation results in a greater capacity of constituents to carry out their mandates and promote decent work as a means of development through Decent Work Country Programmes and, as appropriate, through the wider UN system.',
      linkages:
        'This component is linked to the Human Resources Strategy, as the recruitment of staff is often in competition with other UN agencies. It also links to the Knowledge Strategy, since better documented evidence of decent work supporting national development goals would strengthen the ILO’s position in UN programming processes.',
      assumptionsRisks:
        "The strategy assumes continued ILO commitment to UN reform, and constituents' willingness to apply results-based management to capacity-building programmes. It also assumes the implementation of the recommendations resulting from the field structure review, so that the ILO can have a responsive and adequate presence at the national level.",
      availableResources: '4800000',
      resourcesEstimated: true,
      keyOutputs: [
        'Promotion of decent work in the UN system',
        'Development of a strengthened capacity-building programme for constituents on Decent Work Country Programmes programming and in the context of UN reform',
      ],
      resourceGap: '1480000',
      indicators: [
        {
          number: '3.1',
          text: 'Number of UNDAFs that reflect Decent Work Country Programme and/or other decent work priorities.',
          baselineText: 'To be set in 2010',
          targetText: '50 per cent increase over baseline',
          targetValue: '50',
          unit: 'increase',
          formula: 'cfs_reflecting_dwcp',
          milestones: ms([
            [inc(20), 20],
            [inc(40), 40],
            [inc(50), 50],
          ]),
        },
        {
          number: '3.2',
          text: 'Number of Decent Work Country Programmes in which tripartite constituents participate to their satisfaction.',
          baselineText: 'To be set in 2010',
          targetText: '80 per cent increase over baseline',
          targetValue: '80',
          unit: 'increase',
          milestones: ms([
            [inc(30), 30],
            [inc(60), 60],
            [inc(80), 80],
          ]),
        },
        {
          number: '3.3',
          text: 'Number of UNDAFs in which tripartite constituents participate to their satisfaction.',
          baselineText: 'To be set in 2010',
          targetText: '40 per cent increase over baseline',
          targetValue: '40',
          unit: 'increase',
          milestones: ms([
            [inc(20), 20],
            [inc(30), 30],
            [inc(40), 40],
          ]),
        },
      ],
    },
  ],
};
