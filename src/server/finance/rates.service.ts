import type { Kysely } from 'kysely';
import { sameDecimal } from '../../shared/money.ts';
import type { Actor } from '../access/actor.ts';
import { requireRight } from '../access/rights.ts';
import { writeAudit } from '../db/audit-log.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../errors.ts';
import { assertCurrency } from '../modules/reference/reference.check.ts';
import { refreshProjectFinance } from './project-finance.refresh.ts';
import { reportingCurrency } from './reporting-currency.ts';

export interface RateInput {
  currency: string;
  month: string;
  perUsd: string;
}

/** Loads monthly exchange rates (units of the currency per US dollar) from a named source, in one transaction. */
export async function importRates(db: Kysely<DB>, source: string, rates: RateInput[], actor: Actor): Promise<{ inserted: number; updated: number }> {
  requireRight(actor, 'partners.write');
  const currencies = new Set((await db.selectFrom('currencies').select('code').execute()).map((c) => c.code));
  rates.forEach((r, i) => {
    if (!currencies.has(r.currency))
      throw new AppError('INVALID_INPUT', `rates[${i}].currency: ${r.currency} is not a currency of the IATI Currency codelist`, { field: `rates.${i}.currency` });
    if (!/^\d{4}-\d{2}-01$/.test(r.month)) throw new AppError('INVALID_INPUT', `rates[${i}].month: use the first day of the month, e.g. 2024-03-01`, { field: `rates.${i}.month` });
    if (!/^\d{1,12}(\.\d{1,8})?$/.test(r.perUsd) || sameDecimal(r.perUsd, '0'))
      throw new AppError('INVALID_INPUT', `rates[${i}].perUsd: a positive decimal`, { field: `rates.${i}.perUsd` });
  });
  return inTransaction(db, async (trx) => {
    let inserted = 0;
    let updated = 0;
    for (const r of rates) {
      const before = await trx.selectFrom('exchange_rates').select('per_usd').where('currency', '=', r.currency).where('month', '=', r.month).executeTakeFirst();
      await trx
        .insertInto('exchange_rates')
        .values({ currency: r.currency, month: r.month, per_usd: r.perUsd, source })
        .onConflict((oc) => oc.columns(['currency', 'month']).doUpdateSet({ per_usd: r.perUsd, source }))
        .execute();
      if (!before) inserted++;
      else if (!sameDecimal(before.per_usd, r.perUsd)) updated++;
    }
    if (inserted || updated) await refreshProjectFinance(trx);
    await writeAudit(trx, actor, { action: 'import', entityType: 'exchange_rates', entityId: source, after: { source, rates: rates.length, inserted, updated } });
    return { inserted, updated };
  });
}

/** Changes the currency every figure is reported in; every project's facts are converted again, in the same transaction. */
export async function setReportingCurrency(db: Kysely<DB>, currency: string, actor: Actor): Promise<{ currency: string; projects: number }> {
  requireRight(actor, 'finance.configure');
  return inTransaction(db, async (trx) => {
    await assertCurrency(trx, currency);
    const before = await reportingCurrency(trx);
    await trx.updateTable('settings').set({ value: currency, updated_at: new Date().toISOString() }).where('key', '=', 'reporting_currency').execute();
    const rows = await refreshProjectFinance(trx);
    await writeAudit(trx, actor, { action: 'update', entityType: 'setting', entityId: 'reporting_currency', before: { value: before }, after: { value: currency } });
    return { currency, projects: rows };
  });
}
