import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { Notice } from './Layout.tsx';

export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'number' | 'select' | 'textarea' | 'checkbox' | 'list';
  options?: { value: string; label: string }[];
  required?: boolean;
  defaultValue?: string | number | boolean;
  maxLength?: number;
  hint?: string;
}

/**
 * A small form behind a disclosure button: fields from a spec, one submit that calls the API, the server's
 * refusal shown next to the field it names. `list` fields are comma-separated and sent as arrays.
 */
export function QuickForm({
  title,
  fields,
  onSubmit,
  onDone,
}: {
  title: string;
  fields: Field[];
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const values: Record<string, unknown> = {};
    for (const f of fields) {
      const raw = data.get(f.name);
      if (f.type === 'checkbox') values[f.name] = raw === 'on';
      else if (f.type === 'list')
        values[f.name] = String(raw ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
      else if (f.type === 'number') values[f.name] = raw === '' || raw === null ? undefined : Number(raw);
      else if (raw !== null && raw !== '') values[f.name] = String(raw);
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      setOpen(false);
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        const field = err.details?.field ?? err.details?.issues?.[0]?.field;
        setError({ message: err.message, field });
        if (err.code === 'CONFLICT') onDone();
      } else setError({ message: String(err) });
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {title}
      </button>
    );
  }
  return (
    <form className="quick-form" onSubmit={submit} aria-label={title}>
      <fieldset disabled={busy}>
        <legend>{title}</legend>
        {fields.map((f) => {
          const id = `q-${title.replace(/\W+/g, '-')}-${f.name}`;
          const invalid = error?.field === f.name;
          const common = { id, name: f.name, required: f.required, 'aria-invalid': invalid, ...(invalid ? { 'aria-describedby': `${id}-error` } : {}) };
          return (
            <div className={`field${invalid ? ' invalid' : ''}`} key={f.name}>
              <label htmlFor={id}>{f.label}</label>
              {f.type === 'select' ? (
                <select {...common} defaultValue={String(f.defaultValue ?? '')}>
                  {!f.required && <option value="">—</option>}
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.type === 'textarea' ? (
                <textarea {...common} rows={3} defaultValue={String(f.defaultValue ?? '')} maxLength={f.maxLength} />
              ) : f.type === 'checkbox' ? (
                <input {...common} type="checkbox" defaultChecked={Boolean(f.defaultValue)} />
              ) : (
                <input
                  {...common}
                  type={f.type === 'list' ? 'text' : (f.type ?? 'text')}
                  defaultValue={f.defaultValue === undefined ? undefined : String(f.defaultValue)}
                  maxLength={f.maxLength}
                />
              )}
              {f.hint && <span className="muted small">{f.hint}</span>}
              {invalid && (
                <span className="field-error" id={`${id}-error`}>
                  {error?.message}
                </span>
              )}
            </div>
          );
        })}
        {error && !fields.some((f) => f.name === error.field) && <Notice kind="error">{error.message}</Notice>}
        <div className="form-actions">
          <button type="submit">{t('edit.save')}</button>
          <button type="button" className="link" onClick={() => setOpen(false)}>
            {t('officeForm.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
