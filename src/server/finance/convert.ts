import { currencyDecimals, fromUnits, toUnits } from '../../shared/money.ts';

/** The rate table one conversion needs: per currency and month, units per US dollar, with its source. */
export type RateTable = Map<string, { perUsd: string; source: string }>;
export const rateKey = (currency: string, month: string) => `${currency}/${month.slice(0, 7)}`;

export interface Converted {
  amount: string;
  /** How the figure was obtained: the rates, their month and source (empty when no conversion was needed). */
  basis: string;
}

export class MissingRate extends Error {
  constructor(
    readonly currency: string,
    readonly month: string,
  ) {
    super(`There is no exchange rate for ${currency} in ${month.slice(0, 7)}`);
  }
}

const SCALE = 10n ** 8n;
const rateUnits = (r: string) => {
  const [w, f = ''] = r.split('.');
  return BigInt(w ?? '0') * SCALE + BigInt(f.padEnd(8, '0').slice(0, 8));
};

/** Converts an amount of one month into the reporting currency through the US dollar, exactly, naming the rates used. Pure. */
export function convert(amount: string, currency: string, month: string, to: string, rates: RateTable): Converted {
  const decimals = currencyDecimals(to);
  if (currency === to) return { amount: fromUnits(toUnits(amount), decimals), basis: '' };
  const from = currency === 'USD' ? { perUsd: '1', source: '' } : rates.get(rateKey(currency, month));
  const into = to === 'USD' ? { perUsd: '1', source: '' } : rates.get(rateKey(to, month));
  if (!from) throw new MissingRate(currency, month);
  if (!into) throw new MissingRate(to, month);
  // amount / from × into, on scaled integers (amount scale 4, rates scale 8)
  const units = (toUnits(amount) * rateUnits(into.perUsd)) / rateUnits(from.perUsd);
  const shown = (r: string) => (r.includes('.') ? r.replace(/\.?0+$/, '') : r);
  const parts = [currency !== 'USD' && `${shown(from.perUsd)} ${currency}/USD (${from.source})`, to !== 'USD' && `${shown(into.perUsd)} ${to}/USD (${into.source})`].filter(
    Boolean,
  );
  return { amount: fromUnits(units, decimals), basis: `${month.slice(0, 7)}: ${parts.join(', ')}` };
}
