import { useTranslation } from 'react-i18next';

interface Column<R> {
  key: keyof R & string;
  label: string;
  /** a choice from these, or (without) a number typed in */
  options?: { value: string; label: string }[];
  number?: boolean;
}

/**
 * Rows of a list field (partners in roles, outcome links with shares): each row's cells are labelled inputs
 * named as the API names them (`partners.0.role`), so a refusal lands next to its cell; rows are added and removed.
 */
export function LinkRows<R extends Record<string, string>>({
  name,
  rows,
  onChange,
  blank,
  columns,
  problemOf,
  inputId,
  addLabel,
  empty,
}: {
  name: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  blank: R;
  columns: Column<R>[];
  problemOf: (field: string) => string | undefined;
  inputId: (field: string) => string;
  addLabel: string;
  empty?: string;
}) {
  const { t } = useTranslation();
  const listError = problemOf(name);
  return (
    <div className="link-rows">
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position in the list the API is sent
        <div className="field-row" key={i}>
          {columns.map((c) => {
            const field = `${name}.${i}.${c.key}`;
            const err = problemOf(field);
            const id = inputId(field);
            const common = { id, 'aria-invalid': Boolean(err), ...(err ? { 'aria-describedby': `${id}-error` } : {}) };
            const update = (value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [c.key]: value } : r)));
            return (
              <div className={`field${err ? ' invalid' : ''}`} key={c.key}>
                <label htmlFor={id}>{c.label}</label>
                {c.options ? (
                  <select {...common} value={row[c.key]} onChange={(e) => update(e.target.value)}>
                    <option value="">—</option>
                    {c.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input {...common} type="number" min={0} max={100} step="any" inputMode="decimal" value={row[c.key]} onChange={(e) => update(e.target.value)} />
                )}
                {err && (
                  <span className="field-error" id={`${id}-error`}>
                    {err}
                  </span>
                )}
              </div>
            );
          })}
          <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('projectForm.removeRow', { n: i + 1, list: addLabel })}>
            {t('projectForm.remove')}
          </button>
        </div>
      ))}
      {empty && rows.length === 0 ? <p className="muted small">{empty}</p> : null}
      {listError && (
        <p className="field-error" id={inputId(name)} tabIndex={-1}>
          {listError}
        </p>
      )}
      <button type="button" className="secondary" onClick={() => onChange([...rows, { ...blank }])}>
        {addLabel}
      </button>
    </div>
  );
}
