import { currencyDecimals, fromUnits, roundUnits, toUnits } from '../../shared/money.ts';

/** Cumulative figures at the end of each month of a year (null: no figure for that month yet). */
type Months = (string | null)[] | null;

const MONTHS = Array.from({ length: 12 }, (_, i) => `-${String(i + 1).padStart(2, '0')}-01`);

/**
 * Month-by-month amounts up to today, zero months left out: the differences of the cumulative figures
 * rounded to the currency's decimals, so the months add up exactly to the rounded totals.
 */
export function monthlyTransactions(r: { project_id: string; year: number; currency: string; e: Months; c: Months; d: Months }, today: string) {
  const out: { project_id: string; kind: string; period: string; amount: string; currency: string }[] = [];
  const decimals = currencyDecimals(r.currency);
  const at = (xs: Months, m: number, before: bigint) => {
    const v = xs?.[m];
    return v ? roundUnits(toUnits(v), decimals) : before;
  };
  const push = (kind: string, period: string, v: bigint) => {
    if (v !== 0n) out.push({ project_id: r.project_id, kind, period, amount: fromUnits(v, decimals), currency: r.currency });
  };
  let e = 0n;
  let c = 0n;
  let d = 0n;
  for (let m = 0; m < 12; m++) {
    const period = r.year + (MONTHS[m] as string);
    if (period > today) break;
    const [e2, c2, d2] = [at(r.e, m, e), at(r.c, m, c), at(r.d, m, d)];
    push('commitment', period, c2 - c);
    push('disbursement', period, d2 - d);
    // Expenditure counts disbursements; they are published as their own transactions.
    push('expenditure', period, e2 - e - (d2 - d));
    e = e2;
    c = c2;
    d = d2;
  }
  return out;
}
