import type { ReactNode } from 'react';
import type { Rec } from '../../api/client.ts';
import { useFormats } from './useFilters.ts';

export interface Col {
  key: string;
  label: string;
  kind?: 'text' | 'money' | 'pct' | 'int';
  /** Draw the value as a small bar too (rates). */
  bar?: boolean;
  render?: (row: Rec) => ReactNode;
}

/** A plain, accessible table of dashboard figures: the first column heads each row; numbers right-aligned. */
export function DataTable({ caption, columns, rows, currency, footer }: { caption: string; columns: Col[]; rows: Rec[]; currency?: string; footer?: Rec }) {
  const f = useFormats(currency);
  const cell = (c: Col, r: Rec) => {
    if (c.render) return c.render(r);
    const v = r[c.key];
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
  const num = (c: Col) => (c.kind && c.kind !== 'text' ? 'num' : undefined);
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
          <tr key={String(r.key ?? r.code ?? r.year ?? r.month ?? i)}>
            {columns.map((c, j) =>
              j === 0 ? (
                <th key={c.key} scope="row">
                  {cell(c, r)}
                </th>
              ) : (
                <td key={c.key} className={num(c)}>
                  {cell(c, r)}
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
                  {footer[c.key]}
                </th>
              ) : (
                <td key={c.key} className={num(c)}>
                  {footer[c.key] === undefined ? '' : cell(c, footer)}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
