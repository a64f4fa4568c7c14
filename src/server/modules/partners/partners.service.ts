import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DueDiligenceCreate, PartnerCreate, PartnerUpdate } from '../../../shared/contracts/portfolio.ts';
import type { Actor } from '../../access/actor.ts';
import { requireRight, scopeFor } from '../../access/rights.ts';
import { writeAudit } from '../../db/audit-log.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { changeVersioned, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCountry } from '../reference/reference.check.ts';
import { presentDueDiligence, presentPartner, presentPartnerFields } from './partners.presenter.ts';
import { reviewsOf, scopedPartners, selectPartners } from './partners.queries.ts';

/** Partners the actor may see (a donor viewer: its own), with their due-diligence reviews, newest first. */
export async function findPartners(db: Kysely<DB>, actor: Actor) {
  const { rows, reviews } = await selectPartners(db, scopeFor(actor, 'partners.read'));
  const byPartner = new Map<string, typeof reviews>();
  for (const d of reviews) {
    const list = byPartner.get(d.partner_id);
    if (list) list.push(d);
    else byPartner.set(d.partner_id, [d]);
  }
  return { items: rows.map((r) => presentPartner(r, byPartner.get(r.id) ?? [])), total: rows.length };
}

export async function getPartner(db: Kysely<DB>, id: string, actor: Actor) {
  const row = await scopedPartners(db, scopeFor(actor, 'partners.read')).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Partner', id);
  return presentPartner(row, await reviewsOf(db, id));
}

export async function createPartner(db: Kysely<DB>, input: z.infer<typeof PartnerCreate>, actor: Actor) {
  requireRight(actor, 'partners.write');
  return inTransaction(db, async (trx) => {
    await assertCountry(trx, input.countryCode);
    const row = await trx
      .insertInto('partners')
      .values({
        code: input.code,
        name: input.name,
        partner_type: input.partnerType,
        organisation_ref: input.organisationRef ?? null,
        country_code: input.countryCode ?? null,
        confidential: input.confidential ?? false,
        is_synthetic: actor.via === 'demo',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'partner', entityId: row.id, after: presentPartnerFields(row) });
    return presentPartner(row, []);
  });
}

export async function updatePartner(db: Kysely<DB>, id: string, input: z.infer<typeof PartnerUpdate>, actor: Actor) {
  requireRight(actor, 'partners.write');
  const row = await changeVersioned(
    db,
    actor,
    { table: 'partners', id, version: input.version, entityType: 'partner', label: 'partner', authorize: async () => {}, present: presentPartnerFields },
    'update',
    async (trx, current) => {
      await assertCountry(trx, input.countryCode);
      return updateVersioned(trx, 'partners', current, {
        code: input.code,
        name: input.name,
        partner_type: input.partnerType,
        organisation_ref: input.organisationRef,
        country_code: input.countryCode,
        confidential: input.confidential,
      });
    },
  );
  return presentPartner(row, await reviewsOf(db, id));
}

/** Records a due-diligence review of a private-sector partner (UN Common Approach). */
export async function addDueDiligence(db: Kysely<DB>, partnerId: string, input: z.infer<typeof DueDiligenceCreate>, actor: Actor) {
  requireRight(actor, 'partners.write');
  if (input.validUntil <= input.reviewedOn)
    throw new AppError('INVALID_INPUT', 'The review must be valid after the day it was made', { field: 'validUntil', reason: 'valid_until_not_after_review' });
  return inTransaction(db, async (trx) => {
    const partner = await trx.selectFrom('partners').select('id').where('id', '=', partnerId).executeTakeFirst();
    if (!partner) throw notFound('Partner', partnerId);
    const row = await trx
      .insertInto('due_diligence_reviews')
      .values({
        partner_id: partnerId,
        reviewed_on: input.reviewedOn,
        valid_until: input.validUntil,
        criteria: JSON.stringify(input.criteria),
        risk_rating: input.riskRating,
        decision: input.decision,
        reviewer: input.reviewer,
        notes: input.notes ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'due_diligence', entityType: 'partner', entityId: partnerId, after: presentDueDiligence(row) });
    return presentDueDiligence(row);
  });
}

/** Why a partner may not sign: a message, and a reason a screen words in its reader's language. */
export interface DueDiligenceProblem {
  reason: 'no_partner' | 'no_due_diligence' | 'due_diligence_rejected' | 'due_diligence_expired';
  message: string;
}

/**
 * Why a partner may not sign an agreement on a day, or null: a private-sector partner needs a positive
 * due-diligence review valid on that day.
 */
export async function dueDiligenceProblem(db: Kysely<DB>, partnerId: string, onDay: string): Promise<DueDiligenceProblem | null> {
  const partner = await db.selectFrom('partners').select(['partner_type', 'name']).where('id', '=', partnerId).executeTakeFirst();
  if (!partner) return { reason: 'no_partner', message: 'the partner does not exist' };
  if (partner.partner_type !== 'private_sector') return null;
  const review = await db
    .selectFrom('due_diligence_reviews')
    .select(['decision', 'valid_until'])
    .where('partner_id', '=', partnerId)
    .where('reviewed_on', '<=', onDay)
    .orderBy('reviewed_on', 'desc')
    .executeTakeFirst();
  if (!review) return { reason: 'no_due_diligence', message: `${partner.name} is a private-sector partner without a due-diligence review` };
  if (review.decision === 'rejected') return { reason: 'due_diligence_rejected', message: `The due-diligence review of ${partner.name} rejected the partnership` };
  if (review.valid_until < onDay) return { reason: 'due_diligence_expired', message: `The due-diligence review of ${partner.name} expired on ${review.valid_until}` };
  return null;
}
