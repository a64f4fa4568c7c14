/**
 * Money is a decimal string with a currency, never a binary float. The number of decimals a currency
 * allows comes from ISO 4217 as Unicode CLDR records it (Intl), e.g. JPY 0, EUR 2, KWD 3.
 */
const decimalsOf = new Map<string, number>();
export function currencyDecimals(currency: string): number {
  let decimals = decimalsOf.get(currency);
  if (decimals === undefined) {
    try {
      decimals = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      decimals = 2;
    }
    // An Intl.NumberFormat costs ~50 µs: a large export asks for the same few currencies hundreds of thousands of times.
    decimalsOf.set(currency, decimals);
  }
  return decimals;
}

const DECIMAL = /^(-?)(\d{1,16})(?:\.(\d{1,6}))?$/;

/** Why an amount is not acceptable in a currency, or null when it is. */
export function amountProblem(amount: string, currency: string, { allowNegative = false } = {}): string | null {
  const m = DECIMAL.exec(amount.trim());
  if (!m) return 'a decimal amount such as 1250.50';
  if (m[1] && !allowNegative) return 'must not be negative';
  const decimals = (m[3] ?? '').replace(/0+$/, '').length;
  const allowed = currencyDecimals(currency);
  if (decimals > allowed) return `${currency} has ${allowed} decimal${allowed === 1 ? '' : 's'}; ${amount} has ${decimals}`;
  return null;
}

/** Exact decimal arithmetic on strings through scaled BigInts (scale = 4 decimals, enough for every currency). */
const SCALE = 4;
export function toUnits(amount: string): bigint {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new Error(`not a decimal: ${amount}`);
  const units = BigInt((m[2] ?? '0') + (m[3] ?? '').padEnd(SCALE, '0').slice(0, SCALE));
  return m[1] ? -units : units;
}

/** A decimal string in one spelling: no leading zeros, no trailing decimal zeros, no sign on zero ('-0012.50' → '-12.5'). */
function canonicalDecimal(d: string): string {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(d.trim());
  if (!m || (!m[2] && !m[3])) throw new Error(`not a decimal: ${d}`);
  const whole = (m[2] ?? '').replace(/^0+/, '') || '0';
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const digits = frac ? `${whole}.${frac}` : whole;
  return m[1] === '-' && digits !== '0' ? `-${digits}` : digits;
}

/** Whether two decimal strings (amounts, rates; any number of digits) are the same number: '1250.5' and '1250.5000'
 * are; as floats '9007199254740993' and '9007199254740992' would be too. */
export const sameDecimal = (a: string, b: string): boolean => canonicalDecimal(a) === canonicalDecimal(b);

const DROP = [10000n, 1000n, 100n, 10n, 1n];
/** Units rounded half away from zero to the wanted decimals, still in units (scale 4). */
export function roundUnits(units: bigint, decimals = 2): bigint {
  const drop = DROP[decimals] as bigint;
  const abs = units < 0n ? -units : units;
  const rounded = ((abs + drop / 2n) / drop) * drop;
  return units < 0n ? -rounded : rounded;
}

export function fromUnits(units: bigint, decimals = 2): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  // Round half away from zero to the wanted decimals.
  const drop = DROP[decimals] as bigint;
  const rounded = (abs + drop / 2n) / drop;
  const text = rounded.toString().padStart(decimals + 1, '0');
  const whole = decimals ? text.slice(0, -decimals) : text;
  const frac = decimals ? `.${text.slice(-decimals)}` : '';
  return `${negative && rounded !== 0n ? '-' : ''}${whole}${frac}`;
}

/** amount × rate (rate a decimal string such as '0.01'), rounded to the currency's decimals. */
export function multiply(amount: string, rate: string, decimals = 2): string {
  const product = toUnits(amount) * toUnits(rate); // scale 8
  return fromUnits(product / 10n ** BigInt(SCALE), decimals);
}

export function sum(amounts: string[], decimals = 2): string {
  return fromUnits(
    amounts.reduce((acc, a) => acc + toUnits(a), 0n),
    decimals,
  );
}

/** A ratio (a decimal string such as '0.1235') as a percentage to `decimals` decimals, exactly, half away from zero ('12.4'). */
export const ratioPercent = (ratio: string, decimals = 1): string => fromUnits(toUnits(ratio) * 100n, decimals);

/** part ÷ whole (amounts in units, see toUnits) as a whole percentage, exactly, half away from zero; null when whole is 0. */
export function wholePercent(part: bigint, whole: bigint): number | null {
  if (whole === 0n) return null;
  // Truncated at 4 decimals first: that never moves a value across a half, so the rounding is exact.
  return Number(fromUnits((part * 100n * 10n ** BigInt(SCALE)) / whole, 0));
}
