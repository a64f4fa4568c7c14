import { currencyDecimals, fromUnits, toUnits } from '../../shared/money.ts';

const rounded = (amount: string, decimals: number) => toUnits(fromUnits(toUnits(amount), decimals));

/**
 * Month-by-month amounts up to today, zero months left out: the differences of the cumulative figures
 * rounded to the currency's decimals, so the months add up exactly to the rounded totals.
 */
export function monthlyTransactions(r: { project_id: string; year: number; currency: string; e: string[] | null; c: string[] | null; d: string[] | null }, today: string) {
  const out: { project_id: string; kind: string; period: string; amount: string; currency: string }[] = [];
  const decimals = currencyDecimals(r.currency);
  const prev = { e: 0n, c: 0n, d: 0n };
  for (let m = 1; m <= 12; m++) {
    const period = `${r.year}-${String(m).padStart(2, '0')}-01`;
    if (period > today) break;
    const at = (xs: string[] | null, before: bigint) => (xs?.[m - 1] ? rounded(xs[m - 1] as string, decimals) : before);
    const now = { e: at(r.e, prev.e), c: at(r.c, prev.c), d: at(r.d, prev.d) };
    const push = (kind: string, v: bigint) => {
      if (v !== 0n) out.push({ project_id: r.project_id, kind, period, amount: fromUnits(v, decimals), currency: r.currency });
    };
    // Expenditure counts disbursements; they are published as their own transactions.
    push('commitment', now.c - prev.c);
    push('disbursement', now.d - prev.d);
    push('expenditure', now.e - prev.e - (now.d - prev.d));
    Object.assign(prev, now);
  }
  return out;
}
