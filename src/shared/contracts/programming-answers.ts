import { z } from 'zod';
import { listOf } from './list.ts';
import { ALIGNMENT_LEVELS, CF_STAGES, DWCP_STATUSES, MILESTONE_KINDS } from './programming.ts';

/** What country programming (C3) answers: each record with its fields named, camelCase. Inputs are in programming.ts. */
const ORG_ROLES = ['lead', 'co_lead', 'participant', 'none'] as const;
export const CONSTITUENT_KINDS = ['ministry_of_labour', 'other_ministry', 'employers', 'workers'] as const;
export const INDICATOR_NODE_TYPES = ['cf_outcome', 'cpo', 'org_outcome', 'project'] as const;

/** The columns every stamped record carries. */
const stamped = { isSynthetic: z.boolean(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string() };

/** A country programme: the country's presence, its covering office, with the country's and office's names. */
export const CountryProgramme = z.object({
  countryCode: z.string(),
  nameEn: z.string(),
  nameFr: z.string(),
  nameEs: z.string(),
  presence: z.enum(['resident', 'non_resident']),
  coveringOfficeId: z.uuid(),
  coveringOfficeName: z.string(),
  coveringOfficeCode: z.string(),
  rcOffice: z.string().nullable(),
  multiCountryRc: z.boolean(),
  deliveringAsOne: z.boolean(),
  notes: z.string().nullable(),
  ...stamped,
});
export type CountryProgramme = z.infer<typeof CountryProgramme>;

export const Constituent = z.object({
  id: z.uuid(),
  countryCode: z.string(),
  kind: z.enum(CONSTITUENT_KINDS),
  name: z.string(),
  acronym: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  ...stamped,
});
export type Constituent = z.infer<typeof Constituent>;

export const CfCycle = z.object({
  id: z.uuid(),
  countryCode: z.string(),
  kind: z.enum(['undaf', 'cooperation_framework']),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  stage: z.enum(CF_STAGES),
  ...stamped,
});
export type CfCycle = z.infer<typeof CfCycle>;

export const CfPriority = z.object({ id: z.uuid(), cycleId: z.uuid(), code: z.string(), title: z.string(), version: z.number().int(), updatedAt: z.string() });
export type CfPriority = z.infer<typeof CfPriority>;

/** A Cooperation Framework outcome with the SDG targets it is linked to. */
export const CfOutcome = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  priorityId: z.uuid(),
  code: z.string(),
  text: z.string(),
  outcomeGroup: z.string().nullable(),
  orgRole: z.enum(ORG_ROLES),
  sdgTargets: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CfOutcome = z.infer<typeof CfOutcome>;

export const CfOutput = z.object({
  id: z.uuid(),
  outcomeId: z.uuid(),
  code: z.string(),
  text: z.string(),
  orgRole: z.enum(ORG_ROLES),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CfOutput = z.infer<typeof CfOutput>;

/** A cycle with its structure: strategic priorities → outcomes → outputs. */
export const CfCycleTree = CfCycle.extend({
  priorities: z.array(CfPriority.extend({ outcomes: z.array(CfOutcome.extend({ outputs: z.array(CfOutput) })) })),
});
export type CfCycleTree = z.infer<typeof CfCycleTree>;

export const Dwcp = z.object({
  id: z.uuid(),
  countryCode: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(DWCP_STATUSES),
  cfCycleId: z.uuid().nullable(),
  ...stamped,
});
export type Dwcp = z.infer<typeof Dwcp>;

export const DwcpPriority = z.object({
  id: z.uuid(),
  dwcpId: z.uuid(),
  code: z.string(),
  title: z.string(),
  alignmentRecorded: z.enum(ALIGNMENT_LEVELS).nullable(),
  alignmentEvidence: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type DwcpPriority = z.infer<typeof DwcpPriority>;

/** A country programme outcome with its links: CF outputs, organisation-wide outcomes, SDG targets. */
export const Cpo = z.object({
  id: z.uuid(),
  dwcpId: z.uuid(),
  priorityId: z.uuid(),
  code: z.string(),
  text: z.string(),
  derivation: z.enum(['derived', 'additional']),
  cfOutcomeId: z.uuid().nullable(),
  justification: z.string().nullable(),
  cfOutputIds: z.array(z.uuid()),
  orgOutcomeIds: z.array(z.uuid()),
  sdgTargets: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Cpo = z.infer<typeof Cpo>;

/** A DWCP with priorities (alignment recorded and computed) → CPOs (the CF outcome derived from, drift). */
export const DwcpTree = Dwcp.extend({
  priorities: z.array(
    DwcpPriority.extend({
      alignmentComputed: z.enum(ALIGNMENT_LEVELS),
      cpos: z.array(
        Cpo.extend({
          cfOutcomeCode: z.string().nullable(),
          cfOutcomeText: z.string().nullable(),
          /** A derived CPO whose CF outcome's text changed since it was derived. */
          drifted: z.boolean(),
        }),
      ),
    }),
  ),
});
export type DwcpTree = z.infer<typeof DwcpTree>;

export const OrgFramework = z.object({
  id: z.uuid(),
  kind: z.enum(['strategic_plan', 'programme_budget']),
  code: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  ...stamped,
});
export type OrgFramework = z.infer<typeof OrgFramework>;

export const OrgOutcome = z.object({ id: z.uuid(), frameworkId: z.uuid(), code: z.string(), title: z.string() });
export type OrgOutcome = z.infer<typeof OrgOutcome>;
export const OrgOutput = z.object({ id: z.uuid(), outcomeId: z.uuid(), code: z.string(), title: z.string() });
export type OrgOutput = z.infer<typeof OrgOutput>;

export const Indicator = z.object({
  id: z.uuid(),
  nodeType: z.enum(INDICATOR_NODE_TYPES),
  nodeId: z.uuid(),
  code: z.string().nullable(),
  title: z.string(),
  unit: z.string(),
  baselineValue: z.string().nullable(),
  baselineDate: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

/** A target or milestone of an indicator for a period; a revised one is kept, superseded. */
export const IndicatorTarget = z.object({
  id: z.number().int(),
  indicatorId: z.uuid(),
  kind: z.enum(['target', 'milestone']),
  periodStart: z.string(),
  periodEnd: z.string(),
  value: z.string(),
  reason: z.string().nullable(),
  setAt: z.string(),
  setBy: z.string(),
  supersededAt: z.string().nullable(),
});
export type IndicatorTarget = z.infer<typeof IndicatorTarget>;

export const IndicatorActual = z.object({
  id: z.number().int(),
  indicatorId: z.uuid(),
  periodStart: z.string(),
  periodEnd: z.string(),
  value: z.string(),
  source: z.string(),
  comment: z.string().nullable(),
  recordedAt: z.string(),
});
export type IndicatorActual = z.infer<typeof IndicatorActual>;

/** An indicator with its current targets and its actuals (the country page, the frameworks). */
export const IndicatorWithValues = Indicator.extend({ targets: z.array(IndicatorTarget), actuals: z.array(IndicatorActual) });
export type IndicatorWithValues = z.infer<typeof IndicatorWithValues>;

/** An indicator with its current targets, the superseded ones (history) and its actuals. */
export const IndicatorDetail = IndicatorWithValues.extend({ history: z.array(IndicatorTarget) });
export type IndicatorDetail = z.infer<typeof IndicatorDetail>;

/** An organisation-wide framework with its outcomes, their outputs and indicators. */
export const OrgFrameworkTree = OrgFramework.extend({
  outcomes: z.array(OrgOutcome.extend({ outputs: z.array(OrgOutput), indicators: z.array(IndicatorWithValues) })),
});
export type OrgFrameworkTree = z.infer<typeof OrgFrameworkTree>;

export const Milestone = z.object({
  id: z.uuid(),
  countryCode: z.string(),
  cfCycleId: z.uuid().nullable(),
  dwcpId: z.uuid().nullable(),
  kind: z.enum(MILESTONE_KINDS),
  title: z.string(),
  dueDate: z.string(),
  doneOn: z.string().nullable(),
  notifyDays: z.number().int(),
  ...stamped,
});
export type Milestone = z.infer<typeof Milestone>;

/** A coming milestone in the calendar: with the country's names and the date by which constituents are told. */
export const CalendarMilestone = Milestone.extend({ countryNameEn: z.string(), countryNameFr: z.string(), countryNameEs: z.string(), notifyBy: z.string() });
export type CalendarMilestone = z.infer<typeof CalendarMilestone>;

/** Coming milestones from `from` (inclusive) to `to` (exclusive). */
export const CalendarList = listOf(CalendarMilestone).extend({ from: z.string(), to: z.string() });
export type CalendarList = z.infer<typeof CalendarList>;

/** A milestone whose constituents should be told now, with the days left and the constituents to inform. */
export const MilestoneNotification = CalendarMilestone.extend({ daysLeft: z.number().int(), constituents: z.array(Constituent) });
export type MilestoneNotification = z.infer<typeof MilestoneNotification>;
export const Notifications = listOf(MilestoneNotification).extend({ asOf: z.string() });
export type Notifications = z.infer<typeof Notifications>;

/** DWCP priorities (rows) × the outcomes of its Cooperation Framework (columns). */
export const AlignmentMatrix = z.object({
  dwcp: z.object({ id: z.uuid(), title: z.string(), periodStart: z.string(), periodEnd: z.string(), cfCycleId: z.uuid().nullable() }),
  outcomes: z.array(z.object({ id: z.uuid(), code: z.string(), text: z.string(), orgRole: z.enum(ORG_ROLES) })),
  rows: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      recorded: z.enum(ALIGNMENT_LEVELS).nullable(),
      computed: z.enum(ALIGNMENT_LEVELS),
      /** By CF outcome id: a CPO of the priority derived from the outcome, or linked to one of its outputs only. */
      cells: z.record(z.string(), z.enum(['outcome', 'output'])),
    }),
  ),
});
export type AlignmentMatrix = z.infer<typeof AlignmentMatrix>;

/** The share of DWCP priorities reflected in the CF, for one region and the year the DWCPs start. */
export const AlignmentShare = z.object({
  region: z.string(),
  year: z.number().int(),
  priorities: z.number().int(),
  fully: z.number().int(),
  partially: z.number().int(),
  not: z.number().int(),
  /** Share of priorities reflected (fully or partially), 0–1, as a decimal string. */
  reflectedShare: z.string(),
});
export type AlignmentShare = z.infer<typeof AlignmentShare>;

export const SdgTargetTitle = z.object({ code: z.string(), titleEn: z.string(), titleFr: z.string(), titleEs: z.string() });
export type SdgTargetTitle = z.infer<typeof SdgTargetTitle>;

/** Everything the country page shows, in one answer. */
export const CountryPageData = z.object({
  profile: CountryProgramme,
  constituents: z.array(Constituent),
  cycles: z.array(CfCycle),
  /** The cycle the latest DWCP follows, or the latest cycle. */
  cycle: CfCycleTree.nullable(),
  dwcps: z.array(Dwcp),
  dwcp: DwcpTree.nullable(),
  milestones: z.array(CalendarMilestone),
  indicators: z.array(IndicatorWithValues),
  sdgTargets: z.array(SdgTargetTitle),
});
export type CountryPageData = z.infer<typeof CountryPageData>;

/** What a country programme import stored, by kind of record. */
export const ProgrammeImportReport = z.object({
  country: z.string(),
  counts: z.object({
    constituents: z.number().int(),
    cycles: z.number().int(),
    outcomes: z.number().int(),
    outputs: z.number().int(),
    dwcps: z.number().int(),
    cpos: z.number().int(),
    indicators: z.number().int(),
    milestones: z.number().int(),
  }),
});
export type ProgrammeImportReport = z.infer<typeof ProgrammeImportReport>;

/** The lists, in the one envelope `{ items, total }`. */
export const CountryProgrammeList = listOf(CountryProgramme);
export type CountryProgrammeList = z.infer<typeof CountryProgrammeList>;
export const ConstituentList = listOf(Constituent);
export type ConstituentList = z.infer<typeof ConstituentList>;
export const CfCycleList = listOf(CfCycle);
export type CfCycleList = z.infer<typeof CfCycleList>;
export const DwcpList = listOf(Dwcp);
export type DwcpList = z.infer<typeof DwcpList>;
export const IndicatorList = listOf(Indicator);
export type IndicatorList = z.infer<typeof IndicatorList>;
export const OrgFrameworkList = listOf(OrgFrameworkTree);
export type OrgFrameworkList = z.infer<typeof OrgFrameworkList>;
export const AlignmentShareList = listOf(AlignmentShare);
export type AlignmentShareList = z.infer<typeof AlignmentShareList>;
