import type { Kysely } from 'kysely';
import type { Scope } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';

/** Partners within a scope: a donor viewer's is its own partner; every other reach sees them all. */
export function scopedPartners(db: Kysely<DB>, scope: Scope) {
  const q = db.selectFrom('partners').selectAll();
  return scope.kind === 'partner' ? q.where('id', '=', scope.id) : q;
}

/** The partners within a scope by name, with all their due-diligence reviews (newest first) in one more statement, not one per partner. */
export async function selectPartners(db: Kysely<DB>, scope: Scope) {
  const rows = await scopedPartners(db, scope).orderBy('name').execute();
  const reviews = rows.length
    ? await db
        .selectFrom('due_diligence_reviews')
        .selectAll()
        .where(
          'partner_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('reviewed_on', 'desc')
        .execute()
    : [];
  return { rows, reviews };
}

/** A partner's due-diligence reviews, newest first. */
export const reviewsOf = (db: Kysely<DB>, partnerId: string) =>
  db.selectFrom('due_diligence_reviews').selectAll().where('partner_id', '=', partnerId).orderBy('reviewed_on', 'desc').execute();
