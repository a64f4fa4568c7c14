import type { ReactNode } from 'react';
import { useFormats } from './useFilters.ts';

/** A figure a dashboard cell shows: text, a number, or a decimal string (money, rates). */
type Cell = string | number | null | undefined;
/** A row of a dashboard table: its fields by name (an answer's row, from its contract). */
type Row = object;

export interface Col<R extends Row> {
  key: keyof R & string;
  label: string;
  kind?: 'text' | 'money' | 'pct' | 'int';
  /** Draw the value as a small bar too (rates). */
  bar?: boolean;
  render?: (row: R) => ReactNode;
}

const figureOf = <R extends Row>(r: Partial<R>, key: keyof R & string): Cell => {
  const v: unknown = r[key];
  return typeof v === 'string' || typeof v === 'number' ? v : null;
};

/** A plain, accessible table of dashboard figures: the first column heads each row; numbers right-aligned. */
export function DataTable<R extends Row>({
  caption,
  columns,
  rows,
  currency,
  footer,
}: {
  caption: string;
  columns: Col<R>[];
  rows: R[];
  currency?: string;
  /** a totals row: the fields it has (the first column's text included) */
  footer?: Partial<R> & Record<string, unknown>;
}) {
  const f = useFormats(currency);
  const cell = (c: Col<R>, r: Partial<R>, row: R | null) => {
    if (c.render && row) return c.render(row);
    const v = figureOf(r, c.key);
    if (c.kind === 'money') return f.money(v);
    if (c.kind === 'int') return v ?? '—';
    if (c.kind === 'pct')
      return (
        <>
          {c.bar && (
            <span className="bar" aria-hidden="true">
              <span className="fully" style={{ width: `${Math.min(100, 100 * Number(v ?? 0))}%` }} />
            </span>
          )}{' '}
          {f.pct(v)}
        </>
      );
    return v ?? '—';
  };
  const num = (c: Col<R>) => (c.kind && c.kind !== 'text' ? 'num' : undefined);
  return (
    <table className="data compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={num(c)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={String(rowKey(r) ?? i)}>
            {columns.map((c, j) =>
              j === 0 ? (
                <th key={c.key} scope="row">
                  {cell(c, r, r)}
                </th>
              ) : (
                <td key={c.key} className={num(c)}>
                  {cell(c, r, r)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {footer && (
        <tfoot>
          <tr>
            {columns.map((c, j) =>
              j === 0 ? (
                <th key={c.key} scope="row">
                  {figureOf(footer, c.key)}
                </th>
              ) : (
                <td key={c.key} className={num(c)}>
                  {footer[c.key] === undefined ? '' : cell(c, footer, null)}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** A row's identity for React: its key, code, year or month, whichever it has. */
function rowKey(r: object): Cell {
  for (const k of ['key', 'code', 'year', 'month'] as const) {
    const v: unknown = (r as Partial<Record<typeof k, unknown>>)[k];
    if (typeof v === 'string' || typeof v === 'number') return v;
  }
  return null;
}
