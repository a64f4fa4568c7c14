/** Status of an indicator against its milestone (pure). The rule is returned in words beside the status. */

export type IndicatorStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_milestone';

export interface StatusInput {
  unit: 'percent' | 'number' | 'increase';
  /** the value as at the date (a percentage, a count) */
  value: string | null;
  /** the baseline count, for 'increase' indicators */
  baselineValue: string | null;
  /** the milestone of the period, as a number (percent, count, or % increase over baseline) */
  milestone: string | null;
  period: string | null;
  margin: string;
}

export interface StatusResult {
  status: IndicatorStatus;
  /** what the value is compared in: the value itself, or its increase over the baseline in per cent */
  measured: string | null;
  rule: string;
}

const fmt = (n: number) => String(Number(n.toFixed(2)));

export function indicatorStatus(i: StatusInput): StatusResult {
  const margin = Number(i.margin);
  if (i.milestone === null || i.period === null) return { status: 'no_milestone', measured: null, rule: 'No milestone with a number for the period of this date' };
  if (i.value === null) return { status: 'no_data', measured: null, rule: `No value yet for ${i.period}` };
  const milestone = Number(i.milestone);
  let measured = Number(i.value);
  let what = i.unit === 'percent' ? `${fmt(measured)}%` : fmt(measured);
  if (i.unit === 'increase') {
    const base = i.baselineValue === null ? null : Number(i.baselineValue);
    if (base === null || base <= 0) return { status: 'no_data', measured: null, rule: 'The baseline is not set yet, so the increase cannot be measured' };
    measured = ((measured - base) / base) * 100;
    what = `${fmt(Number(i.value))} against a baseline of ${fmt(base)}: ${fmt(measured)}% increase`;
  }
  // at risk within `margin` points of a percentage, or `margin` per cent of a count
  const floor = i.unit === 'number' ? milestone * (1 - margin / 100) : milestone - margin;
  const unit = i.unit === 'number' ? '' : '%';
  const band = i.unit === 'number' ? `${fmt(margin)}% below it` : `${fmt(margin)} points below it`;
  const status: IndicatorStatus = measured >= milestone ? 'on_track' : measured >= floor ? 'at_risk' : 'off_track';
  const verdict = { on_track: 'reaches', at_risk: `is below but within ${band} of`, off_track: `is more than ${band.replace(' below it', '')} below` }[status];
  return { status, measured: fmt(measured), rule: `${what} ${verdict} the ${i.period} milestone of ${fmt(milestone)}${unit}` };
}

/** The period a date falls in; after the last period, the last one (the strategy's final milestone still applies). */
export function periodAt<P extends { start_date: string; end_date: string }>(periods: P[], asOf: string): P | null {
  const inside = periods.find((p) => p.start_date <= asOf && asOf <= p.end_date);
  if (inside) return inside;
  const past = periods.filter((p) => p.end_date < asOf);
  return past.at(-1) ?? null;
}
