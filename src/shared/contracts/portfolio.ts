import { z } from 'zod';
import { PROJECT_STATUSES } from '../project-statuses.ts';
import { listOf } from './list.ts';
import { partialUpdate } from './partial-update.ts';

/**
 * Partners, agreements, projects and their documents (C4, C5): what a client sends (unknown fields refused; each
 * input's type is what the client writes, before defaults) and, below, what the API answers.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const date = z.iso.date();
const version = z.number().int().positive();
const amount = z.union([z.string(), z.number()]).transform((v) => (typeof v === 'number' ? String(v) : v.trim()));

export const PARTNER_TYPES = [
  'government',
  'government_agency',
  'eu',
  'ifi',
  'un_entity',
  'pooled_fund',
  'private_sector',
  'foundation',
  'south_south',
  'programme_country',
  'ngo',
  'other',
] as const;

export const PartnerCreate = z.strictObject({
  code: text(32),
  name: text(200),
  partnerType: z.enum(PARTNER_TYPES),
  organisationRef: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/, 'an IATI organisation identifier such as XM-DAC-7')
    .max(100)
    .nullable()
    .optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  confidential: z.boolean().optional(),
});
export type PartnerCreate = z.input<typeof PartnerCreate>;
export const PartnerUpdate = partialUpdate(PartnerCreate).extend({ version });
export type PartnerUpdate = z.input<typeof PartnerUpdate>;

export const RISK_RATINGS = ['low', 'medium', 'high'] as const;
export const DUE_DILIGENCE_DECISIONS = ['approved', 'approved_with_conditions', 'rejected'] as const;
export const DueDiligenceCreate = z.strictObject({
  reviewedOn: date,
  validUntil: date,
  criteria: z.record(z.string().max(60), z.boolean()),
  riskRating: z.enum(RISK_RATINGS),
  decision: z.enum(DUE_DILIGENCE_DECISIONS),
  reviewer: text(200),
  notes: optText(4000),
});
export type DueDiligenceCreate = z.input<typeof DueDiligenceCreate>;

export const EARMARKING = ['unearmarked', 'softly_earmarked', 'tightly_earmarked'] as const;
export const AGREEMENT_STATUSES = ['draft', 'signed', 'closed'] as const;
export const AgreementCreate = z.strictObject({
  code: text(40),
  title: text(300),
  partnerId: z.uuid(),
  periodStart: date,
  periodEnd: date,
  earmarking: z.enum(EARMARKING),
  fundingSource: z.string().regex(/^[A-Z0-9-]{2,12}$/),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  amounts: z
    .array(z.strictObject({ year: z.number().int().min(1990).max(2100), amount }))
    .max(50)
    .default([]),
});
export type AgreementCreate = z.input<typeof AgreementCreate>;
export const AgreementUpdate = partialUpdate(AgreementCreate.omit({ partnerId: true })).extend({ version });
export type AgreementUpdate = z.input<typeof AgreementUpdate>;

/** IATI RelatedActivityType codes. */
export const RELATED_ACTIVITY_TYPES = ['1', '2', '3', '4', '5'] as const;
/** Defined in shared/project-statuses.ts, with its named subsets. */

export const PROJECT_PLACES = ['country', 'region', 'global'] as const;
/** The projects list's orderings and its policy-marker filter (a marker significant or principal). */
export const PROJECT_SORTS = ['code', 'title', 'country', 'office', 'status', 'plannedStart', 'plannedEnd'] as const;
export const PROJECT_MARKERS = ['gender', 'standards', 'socialDialogue', 'environment'] as const;
export const PROJECT_PARTNER_ROLES = ['funding', 'implementing', 'accountable', 'joint_programme'] as const;
const share = z.union([z.string(), z.number()]).transform((v) => String(v));
const marker = z.number().int().min(0).max(2);
export const ProjectCreate = z.strictObject({
  code: text(40),
  title: text(500),
  titleFr: optText(500),
  titleEs: optText(500),
  description: optText(10000),
  place: z.enum(PROJECT_PLACES),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  regionCode: z.string().max(10).nullable().optional(),
  officeId: z.uuid(),
  fundingSource: z.string().regex(/^[A-Z0-9-]{2,12}$/),
  plannedStart: date,
  plannedEnd: date,
  probability: z.number().min(0).max(100).nullable().optional(),
  markers: z.strictObject({ gender: marker, standards: marker, socialDialogue: marker, environment: marker }).partial().optional(),
  confidential: z.boolean().optional(),
  partners: z
    .array(z.strictObject({ partnerId: z.uuid(), role: z.enum(PROJECT_PARTNER_ROLES) }))
    .max(50)
    .default([]),
  agreementIds: z.array(z.uuid()).max(50).default([]),
  cpoLinks: z
    .array(z.strictObject({ cpoId: z.uuid(), share }))
    .max(50)
    .default([]),
  orgOutcomeLinks: z
    .array(z.strictObject({ orgOutcomeId: z.uuid(), share }))
    .max(50)
    .default([]),
  cfOutcomeIds: z.array(z.uuid()).max(50).default([]),
  sdgTargets: z
    .array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/))
    .max(50)
    .default([]),
  /** other activities by IATI identifier and RelatedActivityType: 1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party */
  relatedActivities: z
    .array(z.strictObject({ ref: z.string().regex(/^\S{1,200}$/, 'an IATI activity identifier (no spaces)'), type: z.enum(RELATED_ACTIVITY_TYPES) }))
    .max(50)
    .default([]),
});
export type ProjectCreate = z.input<typeof ProjectCreate>;
export const ProjectUpdate = partialUpdate(ProjectCreate).extend({ version });
export type ProjectUpdate = z.input<typeof ProjectUpdate>;
/** `on`: the day the move happened (default today; never in the future), e.g. when recording a start after the fact. */
export const ProjectTransition = z.strictObject({ to: z.enum(PROJECT_STATUSES), note: optText(2000), on: date.optional(), version });
export type ProjectTransition = z.input<typeof ProjectTransition>;

/** A project's document: a web address with its IATI DocumentCategory and FileFormat (a media type). */
export const DocumentCreate = z.strictObject({
  title: text(300),
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/\S+$/, 'a web address starting with http:// or https://'),
  format: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'a media type such as application/pdf'),
  category: z.string().regex(/^[A-B]\d{2}$/, 'an IATI DocumentCategory code such as A07'),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'a two-letter language code such as fr')
    .optional(),
  documentDate: date.nullable().optional(),
  confidential: z.boolean().optional(),
});
export type DocumentCreate = z.input<typeof DocumentCreate>;
export const DocumentUpdate = partialUpdate(DocumentCreate).extend({ version });
export type DocumentUpdate = z.input<typeof DocumentUpdate>;

/* ---- Answers: what the API returns for partners, agreements, projects and their documents. ---- */

const stamps = { isSynthetic: z.boolean(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string() };

/** A due-diligence review of a partner (UN Common Approach), newest first in its partner's list. */
export const DueDiligenceReview = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  reviewedOn: z.string(),
  validUntil: z.string(),
  /** each criterion reviewed and whether it was met */
  criteria: z.record(z.string(), z.boolean()),
  riskRating: z.enum(RISK_RATINGS),
  decision: z.enum(DUE_DILIGENCE_DECISIONS),
  reviewer: z.string(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type DueDiligenceReview = z.infer<typeof DueDiligenceReview>;

/** A partner (a donor, an implementing organisation, …) with its due-diligence reviews, newest first. */
export const Partner = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  partnerType: z.enum(PARTNER_TYPES),
  organisationRef: z.string().nullable(),
  countryCode: z.string().nullable(),
  confidential: z.boolean(),
  ...stamps,
  dueDiligence: z.array(DueDiligenceReview),
});
export type Partner = z.infer<typeof Partner>;
export const PartnerList = listOf(Partner);
export type PartnerList = z.infer<typeof PartnerList>;

/** An agreement's contribution in one year (an exact decimal in the agreement's currency). */
export const AgreementAmount = z.object({ year: z.number().int(), amount: z.string() });
export type AgreementAmount = z.infer<typeof AgreementAmount>;

/** The coordination levy due on one year's contribution, with the rule (rate, source) or the exemption that decided it. */
export const LevyLine = z.object({
  year: z.number().int(),
  amount: z.string(),
  levy: z.string(),
  rate: z.string().nullable(),
  rule: z.string().nullable(),
  exemption: z.string().nullable(),
});
export type LevyLine = z.infer<typeof LevyLine>;

/** A partnership agreement with its partner, its amounts by year, their total, and the coordination levy. */
export const Agreement = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  partnerType: z.enum(PARTNER_TYPES),
  periodStart: z.string(),
  periodEnd: z.string(),
  earmarking: z.enum(EARMARKING),
  fundingSource: z.string(),
  currency: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  ...stamps,
  amounts: z.array(AgreementAmount),
  total: z.string(),
  levy: z.array(LevyLine),
  levyTotal: z.string(),
});
export type Agreement = z.infer<typeof Agreement>;
export const AgreementList = listOf(Agreement);
export type AgreementList = z.infer<typeof AgreementList>;

/** A project: where, which office, its money source, dates, lifecycle status, markers (0 not targeted, 1 significant, 2 principal). */
export const Project = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  titleFr: z.string().nullable(),
  titleEs: z.string().nullable(),
  description: z.string().nullable(),
  place: z.enum(PROJECT_PLACES),
  countryCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  officeId: z.uuid(),
  officeName: z.string(),
  fundingSource: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  /** the chance (percent, a decimal) that a pipeline project is funded */
  probability: z.string().nullable(),
  markerGender: z.number().int(),
  markerStandards: z.number().int(),
  markerSocialDialogue: z.number().int(),
  markerEnvironment: z.number().int(),
  confidential: z.boolean(),
  ...stamps,
});
export type Project = z.infer<typeof Project>;
/** A page of projects: `total` match the filters. */
export const ProjectList = listOf(Project);
export type ProjectList = z.infer<typeof ProjectList>;

/** One move of a project along its lifecycle (the first: its creation, from no status). */
export const ProjectStatusChange = z.object({
  id: z.number().int(),
  fromStatus: z.enum(PROJECT_STATUSES).nullable(),
  toStatus: z.enum(PROJECT_STATUSES),
  at: z.string(),
  actorLabel: z.string(),
  note: z.string().nullable(),
});
export type ProjectStatusChange = z.infer<typeof ProjectStatusChange>;

/** A project with its partners, agreements, links (with shares), SDG targets, related IATI activities and lifecycle history. */
export const ProjectDetail = Project.extend({
  partners: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(PROJECT_PARTNER_ROLES) })),
  agreements: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
  cpoLinks: z.array(z.object({ id: z.uuid(), code: z.string(), text: z.string(), share: z.string() })),
  orgOutcomeLinks: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string(), share: z.string() })),
  cfOutcomes: z.array(z.object({ id: z.uuid(), code: z.string(), text: z.string() })),
  sdgTargets: z.array(z.string()),
  relatedActivities: z.array(z.object({ ref: z.string(), type: z.enum(RELATED_ACTIVITY_TYPES) })),
  history: z.array(ProjectStatusChange),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

/** A project's document with its IATI DocumentCategory's name in English, French and Spanish (null where the codelist has none). */
export const ProjectDocument = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  title: z.string(),
  url: z.string(),
  format: z.string(),
  category: z.string(),
  categoryName: z.string().nullable(),
  categoryNameFr: z.string().nullable(),
  categoryNameEs: z.string().nullable(),
  language: z.string(),
  documentDate: z.string().nullable(),
  confidential: z.boolean(),
  ...stamps,
});
export type ProjectDocument = z.infer<typeof ProjectDocument>;
export const ProjectDocumentList = listOf(ProjectDocument);
export type ProjectDocumentList = z.infer<typeof ProjectDocumentList>;
