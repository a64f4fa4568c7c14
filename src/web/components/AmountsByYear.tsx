import { useTranslation } from 'react-i18next';
import { fieldId } from './FormParts.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** One row as typed: a year and an exact decimal amount, both as text until saved. */
export interface AmountRow {
  year: string;
  amount: string;
}

/**
 * An agreement's amounts by year as a small table of rows the user adds and removes; each input is labelled with
 * its column and row, carries the id the error summary links to (`amounts.N.year`), and shows its problem below it.
 */
export function AmountsByYear({
  form,
  rows,
  onChange,
  problemOf,
  currency,
}: {
  form: string;
  rows: AmountRow[];
  onChange: (rows: AmountRow[]) => void;
  problemOf: (field: string) => string | undefined;
  currency: string;
}) {
  const { t } = useTranslation();
  const setRow = (i: number, key: keyof AmountRow, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const next = () => {
    const last = Number(rows.at(-1)?.year);
    return Number.isFinite(last) && last > 0 ? String(last + 1) : String(new Date().getUTCFullYear());
  };
  const cell = (i: number, key: keyof AmountRow, label: string) => {
    const field = `amounts.${i}.${key}`;
    const id = fieldId(form, field);
    const problem = problemOf(field);
    return (
      <td className={problem ? 'invalid' : undefined}>
        <input
          id={id}
          aria-label={t('forms.row', { label, n: i + 1 })}
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? `${id}-error` : undefined}
          inputMode={key === 'year' ? 'numeric' : 'decimal'}
          className={key === 'amount' ? 'num' : 'year'}
          value={rows[i]?.[key] ?? ''}
          onChange={(e) => setRow(i, key, e.target.value)}
        />
        {problem && (
          <span className="field-error" id={`${id}-error`}>
            {problem}
          </span>
        )}
      </td>
    );
  };
  return (
    <fieldset className="amounts">
      <legend>{t('partners.agreements.fields.amounts')}</legend>
      <p className="hint">{t('partners.agreements.hints.amounts')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('partners.agreements.noAmounts')}</p>
      ) : (
        <ScrollRegion label={t('partners.agreements.fields.amounts')}>
          <table className="data amounts-table">
            <thead>
              <tr>
                <th scope="col">{t('partners.agreements.fields.year')}</th>
                <th scope="col" className="num">
                  {t('partners.agreements.fields.amount')} ({currency})
                </th>
                <td />
              </tr>
            </thead>
            <tbody>
              {rows.map((_, i) => (
                // Rows have no identity of their own but their place: the key is the place, as the errors' names are.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={i}>
                  {cell(i, 'year', t('partners.agreements.fields.year'))}
                  {cell(i, 'amount', t('partners.agreements.fields.amount'))}
                  <td>
                    <button type="button" className="link danger" onClick={() => onChange(rows.filter((__, j) => j !== i))}>
                      {t('partners.agreements.removeYear', { n: i + 1 })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <button type="button" className="secondary" onClick={() => onChange([...rows, { year: next(), amount: '' }])}>
        {t('partners.agreements.addYear')}
      </button>
    </fieldset>
  );
}
