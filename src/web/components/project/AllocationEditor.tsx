import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allocation } from '../../../shared/contracts/finance.ts';
import { sameDecimal } from '../../../shared/money.ts';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api.ts';
import { useDates } from '../../useDates.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';

interface Row {
  key: string;
  year: string;
  amount: string;
  currency: string;
  /** the amount read when the editor opened (null: a year added) */
  expected: string | null;
}
interface RowError {
  key: string;
  field: 'year' | 'amount' | 'currency';
  message: string;
  stale?: boolean;
}

const trimZeros = (amount: string) => (amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount);

/**
 * A project's allocations, a row a year, opened on demand: the amounts read are sent back with each change, so
 * a year someone changed meanwhile is refused (409) and said so (who, when, reload); a refused amount or year is
 * named beside its field and in a summary. Only changed rows are saved.
 */
export function AllocationEditor({
  projectId,
  allocations,
  currency,
  plannedStart,
  plannedEnd,
  onClose,
  onReload,
}: {
  projectId: string;
  allocations: Allocation[];
  currency: string;
  plannedStart: string;
  plannedEnd: string;
  onClose: (saved: number | null) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { date } = useDates();
  const uid = useId();
  const fresh = (list: Allocation[]): Row[] => [
    ...list.map((a) => ({ key: String(a.year), year: String(a.year), amount: trimZeros(a.amount), currency: a.currency, expected: a.amount })),
    // A year added is in the currency of the latest year set, else the reporting currency.
    { key: 'new', year: '', amount: '', currency: list.at(-1)?.currency ?? currency, expected: null },
  ];
  const [rows, setRows] = useState<Row[]>(() => fresh(allocations));
  const [errors, setErrors] = useState<RowError[]>([]);
  const [busy, setBusy] = useState(false);
  const idOf = (key: string, field: string) => `${uid}-${key}-${field}`;
  const errorOf = (key: string, field: string) => errors.find((e) => e.key === key && e.field === field);
  const change = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function reload() {
    const m = await api.projectMoney(projectId);
    setRows(fresh(m.allocations));
    setErrors([]);
    onReload();
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const changed = rows.filter((r) => (r.expected === null ? r.year !== '' || r.amount !== '' : r.amount.trim() === '' || !sameDecimalSafe(r.amount, r.expected)));
    const found: RowError[] = [];
    for (const r of changed) {
      if (!/^\d{4}$/.test(r.year.trim())) found.push({ key: r.key, field: 'year', message: t('money.yearInvalid') });
      if (r.amount.trim() === '') found.push({ key: r.key, field: 'amount', message: t('money.amountMissing') });
    }
    setErrors(found);
    if (found.length) return focusSummary();
    if (!changed.length) return onClose(0);
    setBusy(true);
    let saved = 0;
    const refused: RowError[] = [];
    for (const r of changed) {
      try {
        await api.setAllocation(projectId, Number(r.year), { amount: r.amount.trim(), currency: r.currency.trim().toUpperCase(), expected: r.expected });
        saved++;
      } catch (err) {
        if (err instanceof ApiError && err.code === 'CONFLICT') {
          const by = err.details?.changedBy;
          const at = err.details?.changedAt;
          refused.push({
            key: r.key,
            field: 'amount',
            stale: true,
            message: by && at ? t('money.stale', { year: r.year, by, at: `${date(at)} ${at.slice(11, 16)}` }) : t('money.staleUnknown', { year: r.year }),
          });
        } else if (err instanceof ApiError) {
          const field = err.details?.field ?? err.details?.issues?.[0]?.field;
          refused.push({ key: r.key, field: field === 'year' || field === 'currency' ? field : 'amount', message: err.message });
        } else refused.push({ key: r.key, field: 'amount', message: String(err) });
      }
    }
    setBusy(false);
    if (!refused.length) return onClose(saved);
    // What was saved stays saved; what was refused stays in the form, explained.
    setRows((rs) => rs.map((r) => (refused.some((x) => x.key === r.key) ? r : { ...r, expected: r.expected === null && r.year === '' ? null : r.amount })));
    setErrors(refused);
    focusSummary();
  }

  function focusSummary() {
    requestAnimationFrame(() => document.getElementById(`${uid}-summary`)?.focus());
  }

  return (
    <form className="quick-form allocations" onSubmit={save} aria-labelledby={`${uid}-title`} noValidate>
      {/* min-width 0: a fieldset is otherwise as wide as its widest content, and the table scrolls in its region instead */}
      <fieldset disabled={busy} style={{ minWidth: 0 }}>
        <legend id={`${uid}-title`}>{t('money.editTitle')}</legend>
        <p className="muted small">{t('money.editIntro', { from: date(plannedStart), to: date(plannedEnd) })}</p>
        {errors.length > 0 && (
          <div className="notice error" role="alert" id={`${uid}-summary`} tabIndex={-1}>
            <p>{t('money.errorSummary')}</p>
            <ul>
              {errors.map((x) => (
                <li key={`${x.key}-${x.field}`}>
                  <a href={`#${idOf(x.key, x.field)}`}>{x.message}</a>
                </li>
              ))}
            </ul>
            {errors.some((x) => x.stale) && (
              <button type="button" onClick={reload}>
                {t('money.reload')}
              </button>
            )}
          </div>
        )}
        <ScrollRegion label={t('money.editTitle')}>
          <table className="data compact">
            <thead>
              <tr>
                <th scope="col">{t('money.year')}</th>
                <th scope="col">{t('money.amount')}</th>
                <th scope="col">{t('money.currency')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const field = (name: 'year' | 'amount' | 'currency', label: string, extra: { inputMode?: 'numeric' | 'decimal'; readOnly?: boolean; maxLength?: number }) => {
                  const err = errorOf(r.key, name);
                  const id = idOf(r.key, name);
                  return (
                    <div className={`field${err ? ' invalid' : ''}`}>
                      <label htmlFor={id} className="visually-hidden">
                        {label}
                      </label>
                      <input
                        id={id}
                        value={r[name]}
                        onChange={(e) => change(r.key, { [name]: e.target.value })}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `${id}-error` : undefined}
                        size={name === 'amount' ? 14 : 6}
                        {...extra}
                      />
                      {err && (
                        <span className="field-error" id={`${id}-error`}>
                          {err.message}
                        </span>
                      )}
                    </div>
                  );
                };
                const isNew = r.expected === null && r.key === 'new';
                return (
                  <tr key={r.key}>
                    <td>{isNew ? field('year', t('money.newYear'), { inputMode: 'numeric', maxLength: 4 }) : <strong>{r.year}</strong>}</td>
                    <td>{field('amount', isNew ? `${t('money.amount')} (${t('money.newYear')})` : `${t('money.amount')} ${r.year}`, { inputMode: 'decimal', maxLength: 20 })}</td>
                    <td>{field('currency', isNew ? `${t('money.currency')} (${t('money.newYear')})` : `${t('money.currency')} ${r.year}`, { maxLength: 3 })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
        <div className="form-actions">
          <button type="submit">{t('money.save')}</button>
          <button type="button" className="link" onClick={() => onClose(null)}>
            {t('money.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** Whether an amount typed equals the one read; text that is no number counts as changed (the server words the refusal). */
function sameDecimalSafe(typed: string, read: string): boolean {
  try {
    return sameDecimal(typed.trim(), read);
  } catch {
    return false;
  }
}
