import type { Kysely } from 'kysely';
import type { Scope } from '../../access/rights.ts';
import type { DB } from '../../db/schema.ts';

/** Agreements within a scope (all, or those of one partner), with their partner's name and type. */
export function scopedAgreements(db: Kysely<DB>, scope: Scope) {
  const q = db
    .selectFrom('agreements')
    .innerJoin('partners', 'partners.id', 'agreements.partner_id')
    .selectAll('agreements')
    .select(['partners.name as partner_name', 'partners.partner_type']);
  return scope.kind === 'partner' ? q.where('agreements.partner_id', '=', scope.id) : q;
}

/**
 * The amounts by year of the agreements within a scope (or of one agreement), in one statement whatever their
 * number: a list of agreements does not read its amounts agreement by agreement.
 */
export function amountsOf(db: Kysely<DB>, scope: Scope, agreementId?: string) {
  let q = db
    .selectFrom('agreement_amounts')
    .innerJoin('agreements', 'agreements.id', 'agreement_amounts.agreement_id')
    .select(['agreement_amounts.agreement_id', 'agreement_amounts.year', 'agreement_amounts.amount'])
    .orderBy('agreement_amounts.agreement_id')
    .orderBy('agreement_amounts.year');
  if (scope.kind === 'partner') q = q.where('agreements.partner_id', '=', scope.id);
  if (agreementId) q = q.where('agreement_amounts.agreement_id', '=', agreementId);
  return q.execute();
}
