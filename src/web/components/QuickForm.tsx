import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputIssue } from '../../shared/contracts/errors.ts';
import { ApiError } from '../api/client.ts';
import { useDates } from '../useDates.tsx';

export interface Field {
  name: string;
  label: string;
  /** `list`: comma-separated, sent as an array; `lines`: one per line, sent as an array; `checkboxes`: the options ticked, as an array. */
  type?: 'text' | 'date' | 'number' | 'decimal' | 'select' | 'textarea' | 'checkbox' | 'list' | 'lines' | 'checkboxes';
  options?: { value: string; label: string }[];
  required?: boolean;
  defaultValue?: string | number | boolean | string[];
  maxLength?: number;
  hint?: string;
  /** Left empty, the field is sent as null (it clears the stored value) rather than left out. */
  nullable?: boolean;
}

type Failure = { summary: string[]; fields: Record<string, string>; conflict: false | { at?: string } };
const NONE: Failure = { summary: [], fields: {}, conflict: false };
const WORDED = ['too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value'];

/**
 * A refusal of the server in the reader's language: a decimal or a reason the server named in this form's words; an
 * issue of the validation as the client worded it (api/client.ts, with its limits and the contract's description);
 * else the server's own words.
 */
function useWording() {
  const { t } = useTranslation();
  return (issue: Pick<InputIssue, 'code' | 'message' | 'field'>, reason?: string) => {
    if (reason === 'taken') return t('editors.errors.taken');
    if (reason === 'required') return t('editors.errors.too_small');
    if (/a decimal number such as 12\.5/.test(issue.message)) return t('editors.errors.decimal');
    if (issue.code && WORDED.includes(issue.code)) return issue.message;
    const message = issue.field && issue.message.startsWith(`${issue.field}: `) ? issue.message.slice(issue.field.length + 2) : issue.message;
    return t('editors.errors.refused', { message });
  };
}

function valuesOf(form: HTMLFormElement, fields: Field[]) {
  const data = new FormData(form);
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = data.get(f.name);
    const text = raw === null ? '' : String(raw);
    if (f.type === 'checkbox') values[f.name] = raw === 'on';
    else if (f.type === 'checkboxes') values[f.name] = data.getAll(f.name).map(String);
    else if (f.type === 'list' || f.type === 'lines')
      values[f.name] = text
        .split(f.type === 'list' ? ',' : '\n')
        .map((s) => s.trim())
        .filter(Boolean);
    // A required field left empty is sent empty, so the server's refusal names it; an optional one is left out, or cleared.
    else if (text.trim() === '') values[f.name] = f.required ? '' : f.nullable ? null : undefined;
    else if (f.type === 'number') values[f.name] = Number(text);
    else values[f.name] = f.type === 'decimal' ? text.trim().replace(/\s/g, '') : text;
  }
  return values;
}

/**
 * An editor that opens on demand: a button opens the form in place (focus moves into it), Escape or Cancel closes it
 * and gives focus back to the button. Saving calls the API; the server's refusals are worded in the reader's
 * language next to the field they name, with a summary that takes focus. A stale save (409: someone else changed
 * the record) keeps the draft and offers to reload; the caller's `onSubmit` reads the version it was given last,
 * so after the reload the same draft saves against the new version.
 */
export function QuickForm({
  title,
  buttonLabel,
  fields,
  onSubmit,
  onDone,
  partial = false,
}: {
  /** The form's name (its legend); the button says `buttonLabel` when given, as "Edit" beside the values it edits. */
  title: string;
  buttonLabel?: string;
  fields: Field[];
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  /** Called after a save, and by "Reload" after a stale one: the page reads its data again. */
  onDone: () => void;
  /** A revision: only the fields changed from the values shown are sent, so a change someone else made to another field stays. */
  partial?: boolean;
}) {
  const { t } = useTranslation();
  const word = useWording();
  const { moment } = useDates();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<Failure>(NONE);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);
  /** The values the form showed when it opened (what a partial save compares with). */
  const shown = useRef<Record<string, unknown>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: the values shown are read once, when the form opens
  useEffect(() => {
    if (open && form.current) {
      shown.current = valuesOf(form.current, fields);
      form.current.querySelector<HTMLElement>('input, select, textarea')?.focus();
    } else if (returnFocus.current) {
      returnFocus.current = false;
      button.current?.focus();
    }
  }, [open]);
  useEffect(() => {
    if (failure.summary.length || failure.conflict) summary.current?.focus();
  }, [failure]);

  const close = () => {
    returnFocus.current = true;
    setFailure(NONE);
    setOpen(false);
  };

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const all = valuesOf(e.currentTarget, fields);
    const values = partial ? Object.fromEntries(Object.entries(all).filter(([k, v]) => JSON.stringify(v ?? null) !== JSON.stringify(shown.current[k] ?? null))) : all;
    setBusy(true);
    setFailure(NONE);
    try {
      await onSubmit(values);
      setSaved(true);
      close();
      onDone();
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  }

  function failureOf(err: unknown): Failure {
    if (!(err instanceof ApiError)) return { ...NONE, summary: [t('editors.errors.generic', { message: String(err) })] };
    if (err.code === 'CONFLICT' && err.details?.currentVersion !== undefined) {
      const at = (err.details.current as { updatedAt?: string } | undefined)?.updatedAt;
      return { ...NONE, conflict: { at } };
    }
    if (err.code === 'INVALID_INPUT' || (err.code === 'CONFLICT' && err.details?.field)) {
      const issues = err.details?.issues ?? [{ field: err.details?.field, message: err.message, code: err.code === 'CONFLICT' ? 'taken' : undefined }];
      const reason = err.code === 'CONFLICT' ? 'taken' : err.details?.reason;
      const byField: Record<string, string> = {};
      const summary: string[] = [];
      for (const issue of issues) {
        const text = word(issue, reason);
        const field = fields.find((f) => f.name === issue.field);
        if (field && !byField[field.name]) byField[field.name] = text;
        summary.push(field ? `${field.label}: ${text}` : text);
      }
      return { summary, fields: byField, conflict: false };
    }
    if (err.code === 'FORBIDDEN') return { ...NONE, summary: [t('editors.errors.forbidden')] };
    if (err.code === 'NOT_FOUND') return { ...NONE, summary: [t('editors.errors.notFound')] };
    return { ...NONE, summary: [t('editors.errors.generic', { message: err.message })] };
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  if (!open) {
    return (
      <span className="on-demand">
        <button
          ref={button}
          type="button"
          className="secondary"
          aria-expanded="false"
          aria-label={buttonLabel && buttonLabel !== title ? title : undefined}
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
        >
          {buttonLabel ?? title}
        </button>
        {saved && (
          <span role="status" className="saved small">
            {t('editors.saved')}
          </span>
        )}
      </span>
    );
  }
  const fieldId = (name: string) => `${id}-${name}`;
  return (
    <form ref={form} className="quick-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label={title} noValidate>
      <fieldset disabled={busy}>
        <legend>{title}</legend>
        {(failure.conflict || failure.summary.length > 0) && (
          <div ref={summary} className="notice error" role="alert" tabIndex={-1}>
            {failure.conflict ? (
              <>
                {failure.conflict.at ? t('editors.conflict', { at: moment(failure.conflict.at) }) : t('editors.conflictNoTime')}
                <button
                  type="button"
                  onClick={() => {
                    setFailure(NONE);
                    onDone();
                  }}
                >
                  {t('editors.reload')}
                </button>
              </>
            ) : (
              <>
                <p>{t('editors.summary', { count: failure.summary.length })}</p>
                <ul>
                  {failure.summary.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {fields.map((f) => {
          const fid = fieldId(f.name);
          const message = failure.fields[f.name];
          const describedBy = [f.hint ? `${fid}-hint` : '', message ? `${fid}-error` : ''].filter(Boolean).join(' ') || undefined;
          const common = { id: fid, name: f.name, required: f.required, 'aria-invalid': Boolean(message), 'aria-describedby': describedBy };
          const label = (
            <>
              {f.label}
              {f.required && <span className="req"> ({t('editors.required')})</span>}
            </>
          );
          if (f.type === 'checkboxes')
            return (
              <fieldset className={`field choices${message ? ' invalid' : ''}`} key={f.name} aria-describedby={describedBy}>
                <legend>{label}</legend>
                {f.options?.map((o, i) => (
                  <label key={o.value} className="choice">
                    <input
                      type="checkbox"
                      name={f.name}
                      value={o.value}
                      id={i === 0 ? fid : undefined}
                      defaultChecked={Array.isArray(f.defaultValue) && f.defaultValue.includes(o.value)}
                    />{' '}
                    {o.label}
                  </label>
                ))}
                {f.hint && (
                  <span className="muted small" id={`${fid}-hint`}>
                    {f.hint}
                  </span>
                )}
                {message && (
                  <span className="field-error" id={`${fid}-error`}>
                    {message}
                  </span>
                )}
              </fieldset>
            );
          const text = Array.isArray(f.defaultValue) ? f.defaultValue.join(f.type === 'lines' ? '\n' : ', ') : f.defaultValue === undefined ? '' : String(f.defaultValue);
          return (
            <div className={`field${message ? ' invalid' : ''}`} key={f.name}>
              <label htmlFor={fid}>{label}</label>
              {f.type === 'select' ? (
                <select {...common} defaultValue={text}>
                  {!f.required && <option value="">—</option>}
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.type === 'textarea' || f.type === 'lines' ? (
                <textarea {...common} rows={3} defaultValue={text} maxLength={f.maxLength} />
              ) : f.type === 'checkbox' ? (
                <input {...common} type="checkbox" defaultChecked={Boolean(f.defaultValue)} />
              ) : (
                <input
                  {...common}
                  type={f.type === 'date' || f.type === 'number' ? f.type : 'text'}
                  inputMode={f.type === 'decimal' ? 'decimal' : undefined}
                  defaultValue={text}
                  maxLength={f.maxLength}
                />
              )}
              {f.hint && (
                <span className="muted small" id={`${fid}-hint`}>
                  {f.hint}
                </span>
              )}
              {message && (
                <span className="field-error" id={`${fid}-error`}>
                  {message}
                </span>
              )}
            </div>
          );
        })}
        <div className="form-actions">
          <button type="submit">{busy ? t('editors.saving') : t('edit.save')}</button>
          <button type="button" className="link" onClick={close}>
            {t('editors.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
