import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isoDate } from '../../../shared/dates.ts';
import type { Query } from '../../api/client.ts';

export const FILTER_KEYS = ['region', 'office', 'country', 'fundingSource', 'partner'] as const;

/**
 * The dashboard's question, kept in the URL so that a view can be shared: the year, up to which month,
 * and the filters. Defaults: this year, through the last closed month.
 */
export function useFilters() {
  const [params, setParams] = useSearchParams();
  const now = new Date();
  const thisYear = now.getUTCFullYear();
  const year = Number(params.get('year') ?? thisYear);
  const lastClosed = year < thisYear ? 12 : Math.max(1, now.getUTCMonth());
  const through = Number(params.get('through') ?? lastClosed);
  const filter: Query = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  /** The day the watch list is evaluated: the end of the month the view runs through. */
  const asOf = isoDate(new Date(Date.UTC(year, through, 0)));
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  return { params, year, through, thisYear, filter, asOf, set };
}

/** Number formats in the user's language: money without decimals, rates as percentages. */
export function useFormats(currency: string | undefined) {
  const { i18n } = useTranslation();
  const money = (v: string | number | null | undefined) =>
    currency && v !== '' && v !== null && v !== undefined ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(v)) : '—';
  const pct = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? '—' : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(Number(v));
  const compact = (v: number) => new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
  return { money, pct, compact };
}
