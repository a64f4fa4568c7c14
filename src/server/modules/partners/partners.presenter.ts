import type { Selectable } from 'kysely';
import type { DueDiligenceReview, Partner } from '../../../shared/contracts/portfolio.ts';
import type { DB } from '../../db/schema.ts';

type PartnerRow = Selectable<DB['partners']>;
type ReviewRow = Selectable<DB['due_diligence_reviews']>;

/** A partner's own fields (what its audit rows record): explicit, camelCase. */
export function presentPartnerFields(p: PartnerRow): Omit<Partner, 'dueDiligence'> {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    partnerType: p.partner_type as Partner['partnerType'],
    organisationRef: p.organisation_ref,
    countryCode: p.country_code,
    confidential: p.confidential,
    isSynthetic: p.is_synthetic,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export function presentDueDiligence(d: ReviewRow): DueDiligenceReview {
  return {
    id: d.id,
    partnerId: d.partner_id,
    reviewedOn: d.reviewed_on,
    validUntil: d.valid_until,
    criteria: d.criteria as DueDiligenceReview['criteria'],
    riskRating: d.risk_rating as DueDiligenceReview['riskRating'],
    decision: d.decision as DueDiligenceReview['decision'],
    reviewer: d.reviewer,
    notes: d.notes,
    createdAt: d.created_at,
  };
}

/** The API's shape of a partner: its fields and its due-diligence reviews (given newest first). */
export function presentPartner(p: PartnerRow, reviews: readonly ReviewRow[]): Partner {
  return { ...presentPartnerFields(p), dueDiligence: reviews.map(presentDueDiligence) };
}
