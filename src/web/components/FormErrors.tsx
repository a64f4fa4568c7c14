import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetails } from '../../shared/contracts/errors.ts';

export interface FieldError {
  /** The field's name; its input has the id `f-<field>`. */
  field: string;
  label: string;
  message: string;
}

/**
 * The errors of a refused form, listed above it; it takes the focus when it appears, so a screen reader reads it and
 * the keyboard starts from it, and each entry leads to its field.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="notice error error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('forms.summaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a
              href={`#f-${e.field}`}
              onClick={(ev) => {
                const input = document.getElementById(`f-${e.field}`);
                if (!input) return;
                ev.preventDefault();
                input.focus();
              }}
            >
              {e.label}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A save refused as stale (409): who changed the record and when, and a button that reloads it. */
export function StaleNotice({ details, onReload }: { details: Pick<ErrorDetails, 'changedBy' | 'changedAt'>; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const when = details.changedAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(details.changedAt)) : null;
  return (
    <div className="notice error" role="alert" tabIndex={-1} ref={ref}>
      {details.changedBy && when ? t('formErrors.stale', { who: details.changedBy, when }) : t('formErrors.staleUnknown')}{' '}
      <button type="button" onClick={onReload}>
        {t('formErrors.reload')}
      </button>
    </div>
  );
}
