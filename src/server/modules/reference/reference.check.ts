import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

/** The one place that refuses an unknown country, currency, funding source or codelist code, or a period that ends before it starts, naming the field. */
export async function assertCountry(db: Kysely<DB>, code: string | null | undefined, field = 'countryCode'): Promise<void> {
  if (!code) return;
  if (!(await db.selectFrom('countries').select('code').where('code', '=', code).executeTakeFirst())) {
    throw new AppError('INVALID_INPUT', `${code} is not a country code of the IATI Country codelist`, { field });
  }
}

export async function assertCurrency(db: Kysely<DB>, code: string | null | undefined, field = 'currency'): Promise<void> {
  if (!code) return;
  if (!(await db.selectFrom('currencies').select('code').where('code', '=', code).executeTakeFirst())) {
    throw new AppError('INVALID_INPUT', `${code} is not a currency of the IATI Currency codelist`, { field });
  }
}

export async function assertFundingSource(db: Kysely<DB>, code: string | null | undefined, field = 'fundingSource'): Promise<void> {
  if (!code) return;
  if (!(await db.selectFrom('funding_sources').select('code').where('code', '=', code).executeTakeFirst())) {
    throw new AppError('INVALID_INPUT', `Unknown funding source ${code}`, { field });
  }
}

export function assertPeriod(start: string, end: string, field = 'periodEnd'): void {
  if (end <= start) throw new AppError('INVALID_INPUT', 'The period must end after it starts', { field, reason: 'end_not_after_start' });
}

/** Refuses a code that is not an active code of an IATI codelist (e.g. DocumentCategory), naming the field. */
export async function assertCode(db: Kysely<DB>, codelist: string, code: string, field: string): Promise<void> {
  const found = await db.selectFrom('codelist_codes').select('status').where('codelist', '=', codelist).where('code', '=', code).executeTakeFirst();
  if (found?.status !== 'active') throw new AppError('INVALID_INPUT', `${code} is not ${found ? 'an active' : 'a'} code of the IATI ${codelist} codelist`, { field });
}
