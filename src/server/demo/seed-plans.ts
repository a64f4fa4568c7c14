import type { z } from 'zod';
import type { ActionPlanCreate } from '../../shared/contracts/strategies.ts';

/**
 * Two action plans transcribed from the seed documents (real, not synthetic):
 * - the Office Plan of Action 2019–20 on UN development system reform, with the status reported to the
 *   Governing Body in GB.338/INS/9 (seed 000, appendix; dated 2 March 2020);
 * - the 1999 implementation plan on the role of the ILO in technical cooperation, with the status as at
 *   31 August 2000 reported in seed 004 (appendix). Rows of that appendix whose columns the source text
 *   runs together (Part I 4(b), Part II 3, Part III 1–(e)) are transcribed where their time-frame and status
 *   can be told apart, and left out otherwise.
 * Due dates "as a date" read the written due date: "By end 2019" → 31 December 2019, "By mid-2020" → 30 June 2020.
 */
type Plan = z.input<typeof ActionPlanCreate>;

const GB338 = '2020-03-02';
const s = (status: string, progress: 'not_started' | 'in_progress' | 'completed', narrative?: string) => [{ asOf: GB338, status, progress, narrative }];

export const PLAN_OF_ACTION_2019_20: Plan = {
  code: 'UNDS-POA-2019-20',
  title: 'Office Plan of Action 2019–20 to maximize the opportunities of the UN development system reform for the ILO and tripartite constituents',
  // endorsed by the Governing Body at its 335th Session (March 2019)
  adoptedOn: '2019-03-14',
  divisionLabel: 'Component',
  introduction:
    "At its March 2019 Session, the Governing Body endorsed the Office's plan of action on UN development system reform. The following section and the appendix provide an update on the actions taken so far under the three components of the plan.",
  components: [
    {
      number: '1',
      title:
        'Developing the capacity of national constituents to engage in Cooperation Framework and SDG processes for greater influence in UN-supported national development for achievement of the SDGs',
      items: [
        {
          number: '1',
          title: 'In collaboration with ACT/EMP and ACTRAV, development of awareness-raising and training materials on working with the UN',
          responsibleUnit: 'ACT/EMP, ACTRAV',
          dueText: 'By end 2019',
          dueDate: '2019-12-31',
          statuses: s(
            'Completed/ongoing',
            'completed',
            'During 2019, both ACT/EMP and ACTRAV developed briefing materials and carried out training activities tailored to the specific needs of the social partners.',
          ),
        },
        {
          number: '2',
          title:
            'Continued targeted technical training and Office support for constituent representatives to better enable them to contribute decent work perspectives and priorities in national Cooperation Framework, Voluntary National Review and other strategic national development processes',
          responsibleUnit: 'Regional offices',
          dueText: '2019–20',
          dueDate: '2020-12-31',
          statuses: s(
            'Started/ongoing',
            'in_progress',
            'ILO regional offices have also developed specific technical training for constituents at both national subregional levels to enable them to introduce decent work perspectives and priorities in national Cooperation Frameworks, Voluntary National Reviews and other strategic national development processes.',
          ),
        },
      ],
    },
    {
      number: '2',
      title: 'Maximizing the opportunities of UN reform to promote tripartism and support member States in achieving decent work',
      items: [
        {
          number: '3',
          title: 'Revision and update of DWCP guidance to align it with the Cooperation Framework process',
          dueText: 'By end 2019',
          dueDate: '2019-12-31',
          statuses: s(
            'Interim guidance completed, full revision by end 2020',
            'in_progress',
            'The Office has also prepared an interim guidance to support ILO staff working on DWCPs in the context of the Cooperation Framework formulation.',
          ),
        },
        {
          number: '4',
          title:
            'Development of awareness-raising, training and information resources for ILO field and headquarters staff on working within the reformed UN at the country level to promote the ILO mandate and engagement of constituents',
          dueText: 'By end 2019',
          dueDate: '2019-12-31',
          statuses: s('Started/ongoing', 'in_progress'),
        },
        {
          number: '5',
          title: 'Training and support for ILO staff in field offices on pooled funding mechanisms to better equip them to take advantage of joint funding opportunities',
          responsibleUnit: 'PARDEV, ITC–ILO',
          dueText: '2019–20',
          dueDate: '2020-12-31',
          statuses: s(
            'Started/ongoing',
            'in_progress',
            'The Learning journey on partnerships and resource mobilization organized by PARDEV and ITC–ILO includes a focus on partnership development in UN reform environment.',
          ),
        },
        {
          number: '6',
          title: 'Preparation of training modules and information resources for RCs in collaboration with the International Training Centre of the ILO',
          dueText: 'By end 2019',
          dueDate: '2019-12-31',
          statuses: s('Starting 2020', 'not_started'),
        },
        {
          number: '7',
          title:
            'Review of the configuration of ILO technical capacities and expertise in programming, resource mobilization and partnership building to maximize contributions in view of new Cooperation Frameworks and RC system arrangements (based on the Plan of Action 2019 towards the preparation of the ILO Development Cooperation Strategy 2020–25)',
          dueText: 'By mid-2020',
          dueDate: '2020-06-30',
          statuses: s('Starting 2020', 'not_started'),
        },
        {
          number: '8',
          title:
            'Assessments of how the UN Common Approach to Due Diligence for Private Sector Partnerships can be followed by the ILO, and of further opportunities and possible roles in the UN-wide due diligence approach, in particular regarding the labour principles and the promotion of fundamental principles and rights at work',
          dueText: 'By October 2019',
          dueDate: '2019-10-31',
          statuses: s('Ongoing', 'in_progress', 'The Office continues to engage with the UN task team on private sector engagement.'),
        },
      ],
    },
    {
      number: '3',
      title: "Advancing the Office's operational integration with the UN at the country level with respect for ILO values",
      items: [
        {
          number: '9',
          title: 'Strategy to advance mutual recognition as a means to promote further integration in common services',
          dueText: 'By end 2019',
          dueDate: '2019-12-31',
          statuses: s('Started/ongoing', 'in_progress', 'The Office has provided guidance to staff to clarify the concepts and the ILO’s positioning.'),
        },
        {
          number: '10',
          title: 'Review and revision of ILO Country Director job descriptions',
          dueText: 'By end March 2019',
          dueDate: '2019-03-31',
          statuses: s('Completed', 'completed', 'In 2019, the Office revised the job descriptions for field office directors.'),
        },
        {
          number: '11',
          title: 'Internal consultation on changes to performance management system and staff regulations',
          dueText: 'By end 2019',
          dueDate: '2019-12-31',
          statuses: s('Starting 2020 following revision and UNSDG endorsement of the MAF', 'not_started'),
        },
        {
          number: '12',
          title: "Reinforcement of the ILO's preparatory development programme for ILO officials interested in the resident coordinator selection process",
          dueText: 'By mid-2019',
          dueDate: '2019-06-30',
          statuses: s('Completed/ongoing', 'completed', 'The Office has developed a new programme and coaching protocol to prepare ILO officials for the assessment centre.'),
        },
      ],
    },
  ],
};

const AUG2000 = '2000-08-31';
const a = (status: string, progress: 'not_started' | 'in_progress' | 'completed') => [{ asOf: AUG2000, status, progress }];

export const IMPLEMENTATION_PLAN_1999: Plan = {
  code: 'TC-IMPL-1999',
  title: 'Implementation plan to give effect to the conclusions concerning the role of the ILO in technical cooperation, adopted by the Conference at its 87th Session (June 1999)',
  // considered by the Governing Body's Committee on Technical Cooperation at the 276th Session (November 1999)
  adoptedOn: '1999-11-01',
  divisionLabel: 'Part',
  introduction:
    'The implementation plan, presented in tabular form, listed numerous issues to be addressed, the main line of action or activities to be undertaken and a preliminary time-frame for action.',
  components: [
    {
      number: 'I',
      title: 'Enhancing the relevance and effectiveness of ILO technical cooperation',
      items: [
        {
          number: '1(a)',
          title:
            'A coherent programme: ensuring that technical cooperation is coherent in its focus, supports the four strategic objectives and the two cross-cutting themes of development and gender, and pursues their implicit goal of promoting fundamental principles and rights at work and international labour standards',
          context: 'A policy statement on technical cooperation, communicating the guiding principles for technical cooperation, which will be disseminated throughout the Office.',
          dueText: 'Completed by April 2000',
          dueDate: '2000-04-30',
          statuses: a('Draft internal guidelines prepared and disseminated to all Executive and Regional Directors in July. Currently under discussion.', 'in_progress'),
        },
        {
          number: '1(b)',
          title: 'Establishing a common programming framework',
          context:
            "The Office's activities – whether funded from regular budget or extra-budgetary sources – therefore need to be placed in a single framework, particularly through the international focus (InFocus) programmes.",
          dueText: 'Continuously',
          statuses: a('An integrated programme approach commenced Jan-March 2000 with joint HQ-field programming meetings. Similar meetings are planned annually.', 'in_progress'),
        },
        {
          number: '2(a)',
          title: 'A relevant programme: integrating tripartite involvement',
          context:
            'Strengthening the involvement of constituents in the formulation of and follow-up on country objectives, where possible through such mechanisms as tripartite national ILO committees.',
          dueText: 'Completed by March 2001 for Programme and Budget for 2002-03',
          dueDate: '2001-03-31',
          statuses: a('The single programming framework will be reflected in the Programme and Budget for 2002-03. Work started in 2000.', 'in_progress'),
        },
        {
          number: '2(b)',
          title: 'Integrating regional/subregional perspectives',
          context:
            'The development and revision of guidelines and training for ILO staff on tripartite involvement in technical cooperation and the use of country objectives as a programming instrument; evaluating the implementation of country objectives at the national level.',
          dueText: 'First outputs by September 2000',
          dueDate: '2000-09-30',
          statuses: a(
            'Training of staff is included in design, monitoring and evaluation of technical cooperation courses, which are continuing at HQ, with the Turin Centre and in the field. The work on guidelines has been postponed pending further developments in the joint programming processes.',
            'in_progress',
          ),
        },
        {
          number: '2(c)',
          title: 'Focusing on enterprise promotion',
          context:
            "The further development of the ILO's wide range of enterprise-related programmes, taking into account, inter alia, the role of employers' organizations and the services they can provide to their constituents in this area.",
          dueText: 'Starting January 2000',
          dueDate: '2000-01-31',
          statuses: a(
            'Activities with employers’ organizations include action research and capacity building on designing and implementing strategies to extend services and build membership among associations of small enterprises.',
            'in_progress',
          ),
        },
        {
          number: '3(a)',
          title:
            'International labour standards and technical cooperation: providing effective technical cooperation assistance as a means of ensuring the implementation of the Declaration on Fundamental Principles and Rights at Work and its Follow-up',
          context: 'Technical cooperation assistance will be guided by the reports issued as part of follow-up on the Declaration.',
          dueText: 'Starting March 2000 for annual reports; November 2000 for global reports.',
          dueDate: '2000-11-30',
          statuses: a('Work has progressed on these items. The Annual and Global reports have been produced.', 'in_progress'),
        },
        {
          number: '3(b)',
          title:
            'Helping to create an enabling environment for the promotion, realization and implementation of international labour standards through technical cooperation, with a view to assisting countries to ratify and implement international labour standards',
          context:
            "More direct use in the technical cooperation programme of the comments of the ILO's supervisory bodies on the application of international labour standards; the establishment of a focal point on international labour standards.",
          dueText: 'On a regular basis',
          statuses: a('Work is ongoing and is part of the joint programming process that started in Jan. 2000.', 'in_progress'),
        },
        {
          number: '4(a)',
          title: 'Cross-cutting issues: mainstreaming a gender perspective in all technical cooperation activities',
          context: "The provision of guidance, within the context of the Office's integrated gender strategy, on the integration of gender issues in technical cooperation.",
          dueText: 'Internal By March 2000',
          dueDate: '2000-03-31',
          statuses: a(
            'ILO Action Plan on Gender Mainstreaming for Gender Equality distributed Office-wide, coupled with workshop in TURIN for HQ and field officials.',
            'completed',
          ),
        },
      ],
    },
    {
      number: 'II',
      title: 'Improving the quality, visibility, efficiency and impact of ILO technical cooperation',
      items: [
        {
          number: '1.',
          title: "Making the field structure more coherent and efficient and capable of responding flexibly and rapidly to constituents' needs",
          context:
            'The present field structure will be reviewed with the active assistance of the national authorities involved, with the major objective of improving the service provided to constituents.',
          dueText: 'Planning of review to begin January 2000 and to finish end 2000',
          dueDate: '2000-12-31',
          statuses: a(
            'To address most of the issues opposite and below, an internal delivery task force was set up in May and has been active in collecting and monitoring data on delivery, analyzing major factors causing delays, and liaising with HQ and field units on corrective measures.',
            'in_progress',
          ),
        },
        {
          number: '2.',
          title: 'Improving the delivery of technical cooperation through the development of more efficient management processes and procedures',
          context:
            'The development of a technical cooperation monitoring system to provide reliable management information and facilitate preventive action, including the construction of a database showing trends and identifying bottlenecks.',
          dueText: 'First results by October 2000',
          dueDate: '2000-10-31',
          statuses: a('Work on this item is in progress; a standard format for progress reports for multi-bilateral donors has been developed.', 'in_progress'),
        },
        {
          number: '4.',
          title: 'Technical cooperation evaluation',
          context:
            'Current evaluation processes and procedures will be improved and new approaches developed to assess performance and ensure that the lessons of experience are taken into account more effectively in future activities.',
          dueText: 'Action on these initiatives to start January 2000',
          dueDate: '2000-01-31',
          statuses: a('A document on the ILO Evaluation Strategy is currently before the Programme, Financial and Administrative Committee.', 'in_progress'),
        },
        {
          number: '5.',
          title: 'Improving visibility and communication',
          context:
            "A communication strategy will be designed to promote the ILO's technical cooperation programme and ensure that it contributes effectively to securing increased public recognition, support and commitment for the ILO's work.",
          dueText: 'Completed by end 2000',
          dueDate: '2000-12-31',
          statuses: a('Work on this item is in progress; a database of materials is in preparation.', 'in_progress'),
        },
      ],
    },
    {
      number: 'III',
      title: 'Strengthening partnerships and resource mobilization',
      items: [
        {
          number: '1.',
          title: 'Strengthening partnerships for technical cooperation',
          context:
            'Contacts will be made with existing and potential partners, including, for example, ministries of finance and planning, to foster a better understanding of the contribution that the ILO can make to development cooperation.',
          dueText: 'Starting immediately',
          statuses: a(
            'Contacts at the highest levels in the ILO have been made with governments, including ministers of finance and planning and of development cooperation, as well as with the OECD/DAC members and the Bretton Woods institutions.',
            'in_progress',
          ),
        },
        {
          number: '(a)',
          title: 'With the United Nations system',
          context: 'The active engagement of the ILO in UN reforms, especially the UNDAF exercise, so that it can contribute to strengthening the multilateral system.',
          dueText: 'Continuously',
          statuses: a('The ILO is fully engaged in the UNDAF exercise in those countries where it is operational.', 'in_progress'),
        },
        {
          number: '(b)',
          title: 'With the Bretton Woods institutions and regional development banks',
          context: 'The conclusion of understandings on enhancing collaboration in technical cooperation.',
          dueText: 'First initiatives first half 2000',
          dueDate: '2000-06-30',
          statuses: a('Extensive work has been undertaken in enhancing collaboration on work with the Bretton Woods institutions.', 'in_progress'),
        },
        {
          number: '(c)',
          title: 'With multi-bilateral partners',
          context: 'Improved policy dialogue and technical exchanges, for example through thematic meetings at headquarters and in the field.',
          dueText: 'Starting immediately',
          statuses: a('Ongoing. A partnership programme was signed with the Netherlands in March 2000.', 'in_progress'),
        },
        {
          number: '(d)',
          title: 'With the European Union',
          context:
            'The continuation of discussions on collaboration through technical cooperation with institutions such as the European Commission, the European Parliament and the Economic and Social Council.',
          dueText: 'First initiatives by December 1999',
          dueDate: '1999-12-31',
          statuses: a('Under negotiation', 'in_progress'),
        },
      ],
    },
  ],
};
