import { currencyDecimals } from '../shared/money.ts';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An exact decimal amount (a string, as the API sends it) in the reader's language: the currency's own decimals
 * (ISO 4217: EUR 2, JPY 0, KWD 3) and the language's thousands separators. The string goes to Intl as it is, so no
 * float rounds it; an amount that is not a number is shown as it came.
 */
export function formatMoney(lang: string, amount: string, currency: string): string {
  const key = `${lang}|${currency}`;
  let f = formats.get(key);
  if (!f) {
    const decimals = currencyDecimals(currency);
    f = new Intl.NumberFormat(lang, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(key, f);
  }
  return f.format(amount as Intl.StringNumericLiteral);
}
