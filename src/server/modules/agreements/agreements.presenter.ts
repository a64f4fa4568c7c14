import type { Selectable } from 'kysely';
import type { Agreement } from '../../../shared/contracts/portfolio.ts';
import type { DB } from '../../db/schema.ts';

export type AgreementRow = Selectable<DB['agreements']> & { partner_name: string; partner_type: string };
type Money = 'amounts' | 'total' | 'levy' | 'levyTotal';
/** An agreement's money as computed by the service: amounts by year, their total, the levy line by line and its total. */
export type AgreementMoney = Pick<Agreement, Money>;

/** An agreement's own fields (what its audit rows record, with its amounts): explicit, camelCase. */
export function presentAgreementFields(a: Selectable<DB['agreements']>): Omit<Agreement, Money | 'partnerName' | 'partnerType'> {
  return {
    id: a.id,
    code: a.code,
    title: a.title,
    partnerId: a.partner_id,
    periodStart: a.period_start,
    periodEnd: a.period_end,
    earmarking: a.earmarking as Agreement['earmarking'],
    fundingSource: a.funding_source,
    currency: a.currency,
    status: a.status as Agreement['status'],
    isSynthetic: a.is_synthetic,
    version: a.version,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}

/** The API's shape of an agreement: its fields, its partner's name and type, and its money. */
export function presentAgreement(a: AgreementRow, money: AgreementMoney): Agreement {
  return {
    ...presentAgreementFields(a),
    partnerName: a.partner_name,
    partnerType: a.partner_type as Agreement['partnerType'],
    amounts: money.amounts.map((m) => ({ year: m.year, amount: m.amount })),
    total: money.total,
    levy: money.levy.map((l) => ({ year: l.year, amount: l.amount, levy: l.levy, rate: l.rate, rule: l.rule, exemption: l.exemption })),
    levyTotal: money.levyTotal,
  };
}
