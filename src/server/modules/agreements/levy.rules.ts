import { currencyDecimals, multiply } from '../../../shared/money.ts';

export interface LevyRule {
  rate: string;
  earmarking: string;
  effective_from: string;
  source: string;
}
export interface LevyExemption {
  partner_type: string | null;
  partner_id: string | null;
  reason: string;
}
export interface LevyLine {
  year: number;
  amount: string;
  levy: string;
  rate: string | null;
  rule: string | null;
  exemption: string | null;
}

/**
 * The coordination levy due on an agreement's contributions, year by year, each line saying which rule
 * applied (rate, source) or which exemption, so the figure explains itself. Pure.
 */
export function computeLevy(
  agreement: { earmarking: string; currency: string; partner_id: string; partner_type: string },
  amounts: { year: number; amount: string }[],
  rules: LevyRule[],
  exemptions: LevyExemption[],
): LevyLine[] {
  const decimals = currencyDecimals(agreement.currency);
  const exemption = exemptions.find((e) => e.partner_id === agreement.partner_id || e.partner_type === agreement.partner_type);
  return amounts.map(({ year, amount }) => {
    const rule = rules
      .filter((r) => r.earmarking === agreement.earmarking && r.effective_from <= `${year}-12-31`)
      .sort((a, b) => b.effective_from.localeCompare(a.effective_from))[0];
    if (!rule) return { year, amount, levy: multiply('0', '0', decimals), rate: null, rule: null, exemption: null };
    if (exemption) return { year, amount, levy: multiply('0', '0', decimals), rate: rule.rate, rule: rule.source, exemption: exemption.reason };
    return { year, amount, levy: multiply(amount, rule.rate, decimals), rate: rule.rate, rule: rule.source, exemption: null };
  });
}
