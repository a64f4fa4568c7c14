import { z } from 'zod';
import { partialUpdate } from './partial-update.ts';

/** Input contracts of country programming (C3). Unknown fields are refused everywhere. */
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const date = z.iso.date();
const version = z.number().int().positive();
/** A decimal as a string ('12.5'): values are never binary floats. Numbers are accepted and converted. */
export const Decimal = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? String(v) : v.trim();
  if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'a decimal number such as 12.5' });
    return z.NEVER;
  }
  return s;
});
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KE');
const sdgTarget = z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/, 'an SDG target code such as 8.7');
const orgRole = z.enum(['lead', 'co_lead', 'participant', 'none']);

export const CountryProfileInput = z.strictObject({
  presence: z.enum(['resident', 'non_resident']),
  coveringOfficeId: z.uuid(),
  rcOffice: optText(200),
  multiCountryRc: z.boolean().optional(),
  deliveringAsOne: z.boolean().optional(),
  notes: optText(4000),
});
export const CountryProfileCreate = CountryProfileInput.extend({ countryCode });
export const CountryProfileUpdate = partialUpdate(CountryProfileInput).extend({ version });

export const ConstituentCreate = z.strictObject({
  kind: z.enum(['ministry_of_labour', 'other_ministry', 'employers', 'workers']),
  name: text(300),
  acronym: optText(40),
  contactName: optText(200),
  contactEmail: z.email().max(254).nullable().optional(),
});
export const ConstituentUpdate = partialUpdate(ConstituentCreate).extend({ version });

export const CF_STAGES = ['roadmap', 'cca', 'drafting', 'signed', 'implementation', 'evaluation', 'closed'] as const;
export const CfCycleCreate = z.strictObject({
  kind: z.enum(['undaf', 'cooperation_framework']),
  title: text(300),
  periodStart: date,
  periodEnd: date,
  stage: z.enum(CF_STAGES),
});
export const CfCycleUpdate = partialUpdate(CfCycleCreate).extend({ version });
export const CfPriorityCreate = z.strictObject({ code: text(20), title: text(1000) });
export const CfOutcomeCreate = z.strictObject({
  priorityId: z.uuid(),
  code: text(20),
  text: text(2000),
  outcomeGroup: optText(200),
  orgRole: orgRole.optional(),
  sdgTargets: z.array(sdgTarget).max(50).default([]),
});
export const CfOutcomeUpdate = partialUpdate(CfOutcomeCreate.omit({ priorityId: true })).extend({ version });
export const CfOutputCreate = z.strictObject({ code: text(20), text: text(2000), orgRole: orgRole.optional() });

export const OrgFrameworkCreate = z.strictObject({
  kind: z.enum(['strategic_plan', 'programme_budget']),
  code: text(40),
  title: text(300),
  periodStart: date,
  periodEnd: date,
});
export const OrgOutcomeCreate = z.strictObject({ code: text(20), title: text(1000) });
export const OrgOutputCreate = OrgOutcomeCreate;

export const DWCP_STATUSES = ['pipeline', 'draft', 'signed', 'active', 'extended', 'closed'] as const;
export const DwcpCreate = z.strictObject({
  title: text(300),
  periodStart: date,
  periodEnd: date,
  status: z.enum(DWCP_STATUSES),
  cfCycleId: z.uuid().nullable().optional(),
});
export const DwcpUpdate = partialUpdate(DwcpCreate).extend({ version });
export const ALIGNMENT_LEVELS = ['fully', 'partially', 'not'] as const;
export const DwcpPriorityCreate = z.strictObject({
  code: text(20),
  title: text(1000),
  alignmentRecorded: z.enum(ALIGNMENT_LEVELS).nullable().optional(),
  alignmentEvidence: optText(4000),
});
export const DwcpPriorityUpdate = partialUpdate(DwcpPriorityCreate).extend({ version });
export const CpoCreate = z.strictObject({
  priorityId: z.uuid(),
  code: text(20),
  /** For a derived CPO, leave out the text: it is copied verbatim from the CF outcome. */
  text: optText(2000),
  derivation: z.enum(['derived', 'additional']),
  cfOutcomeId: z.uuid().nullable().optional(),
  justification: optText(4000),
  cfOutputIds: z.array(z.uuid()).max(50).default([]),
  orgOutcomeIds: z.array(z.uuid()).max(20).default([]),
  sdgTargets: z.array(sdgTarget).max(50).default([]),
});
/** A CPO revised: its code, text (an additional one's; a derived one's is the CF outcome's), justification, or the CF outputs it is linked to (the list replaced whole). */
export const CpoUpdate = z.strictObject({
  code: text(20).optional(),
  text: optText(2000),
  justification: optText(4000),
  cfOutputIds: z.array(z.uuid()).max(50).optional(),
  version,
});

export const IndicatorCreate = z.strictObject({
  nodeType: z.enum(['cf_outcome', 'cpo', 'org_outcome', 'project']),
  nodeId: z.uuid(),
  code: optText(20),
  title: text(1000),
  unit: text(60),
  baselineValue: Decimal.nullable().optional(),
  baselineDate: date.nullable().optional(),
});
export const TargetSet = z.strictObject({
  kind: z.enum(['target', 'milestone']),
  periodStart: date,
  periodEnd: date,
  value: Decimal,
  /** Required when a current value for the same period is being revised. */
  reason: optText(2000),
});
export const ActualCreate = z.strictObject({ periodStart: date, periodEnd: date, value: Decimal, source: text(500), comment: optText(2000) });

export const MILESTONE_KINDS = [
  'cca',
  'cf_roadmap',
  'cf_consultation',
  'cf_drafting',
  'cf_signature',
  'cf_annual_review',
  'cf_evaluation',
  'dwcp_formulation',
  'dwcp_consultation',
  'dwcp_signature',
  'dwcp_review',
  'vnr',
  'other',
] as const;
export const MilestoneCreate = z.strictObject({
  kind: z.enum(MILESTONE_KINDS),
  title: text(300),
  dueDate: date,
  doneOn: date.nullable().optional(),
  cfCycleId: z.uuid().nullable().optional(),
  dwcpId: z.uuid().nullable().optional(),
  notifyDays: z.number().int().min(0).max(365).optional(),
});
export const MilestoneUpdate = partialUpdate(MilestoneCreate).extend({ version });
