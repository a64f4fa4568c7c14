import { z } from 'zod';
import { PROJECT_STATUSES } from '../project-statuses.ts';
import { partialUpdate } from './partial-update.ts';

/** Input contracts of partners, agreements and projects (C4, C5). Unknown fields are refused. */
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
export const PartnerUpdate = partialUpdate(PartnerCreate).extend({ version });

export const DueDiligenceCreate = z.strictObject({
  reviewedOn: date,
  validUntil: date,
  criteria: z.record(z.string().max(60), z.boolean()),
  riskRating: z.enum(['low', 'medium', 'high']),
  decision: z.enum(['approved', 'approved_with_conditions', 'rejected']),
  reviewer: text(200),
  notes: optText(4000),
});

export const EARMARKING = ['unearmarked', 'softly_earmarked', 'tightly_earmarked'] as const;
export const AgreementCreate = z.strictObject({
  code: text(40),
  title: text(300),
  partnerId: z.uuid(),
  periodStart: date,
  periodEnd: date,
  earmarking: z.enum(EARMARKING),
  fundingSource: z.string().regex(/^[A-Z0-9-]{2,12}$/),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
  status: z.enum(['draft', 'signed', 'closed']).optional(),
  amounts: z
    .array(z.strictObject({ year: z.number().int().min(1990).max(2100), amount }))
    .max(50)
    .default([]),
});
export const AgreementUpdate = partialUpdate(AgreementCreate.omit({ partnerId: true })).extend({ version });

/** IATI RelatedActivityType codes. */
export const RELATED_ACTIVITY_TYPES = ['1', '2', '3', '4', '5'] as const;
/** Defined in shared/project-statuses.ts, with its named subsets. */

const share = z.union([z.string(), z.number()]).transform((v) => String(v));
const marker = z.number().int().min(0).max(2);
export const ProjectCreate = z.strictObject({
  code: text(40),
  title: text(500),
  titleFr: optText(500),
  titleEs: optText(500),
  description: optText(10000),
  place: z.enum(['country', 'region', 'global']),
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
    .array(z.strictObject({ partnerId: z.uuid(), role: z.enum(['funding', 'implementing', 'accountable', 'joint_programme']) }))
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
export const ProjectUpdate = partialUpdate(ProjectCreate).extend({ version });
/** `on`: the day the move happened (default today; never in the future), e.g. when recording a start after the fact. */
export const ProjectTransition = z.strictObject({ to: z.enum(PROJECT_STATUSES), note: optText(2000), on: date.optional(), version });

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
export const DocumentUpdate = partialUpdate(DocumentCreate).extend({ version });
