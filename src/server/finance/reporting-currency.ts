import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The currency every figure is reported in (the `reporting_currency` setting; USD until one is set). Read by the facts' refresh and every view. */
export async function reportingCurrency(db: Kysely<DB>): Promise<string> {
  return (await db.selectFrom('settings').select('value').where('key', '=', 'reporting_currency').executeTakeFirst())?.value ?? 'USD';
}
