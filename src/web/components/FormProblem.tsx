import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { fieldLabel } from '../forms/plain-issue.ts';

/** The refused fields of an error, by field name (the client has said each in the user's language). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_INPUT') return {};
  const issues = error.details?.issues ?? (error.details?.field ? [{ field: error.details.field, message: error.message }] : []);
  return Object.fromEntries(issues.map((i) => [i.field ?? '', i.message]));
}

/**
 * What went wrong with a save, where the user will see it: it takes focus; a refusal lists each field with a link
 * to it (`inputId` names the input of a field), a stale save says who changed the record and when and offers to
 * reload (the draft stays in the form until then), anything else is said as the server said it.
 */
export function FormProblem({ error, inputId, onReload }: { error: unknown; inputId: (field: string) => string; onReload?: () => void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const issues = api?.code === 'INVALID_INPUT' ? (api.details?.issues ?? []) : [];
  return (
    <div ref={box} className="notice error form-problem" role="alert" tabIndex={-1}>
      {issues.length > 0 ? (
        <>
          <p>{t('formErrors.summary', { count: issues.length })}</p>
          <ul>
            {issues.map((i) => (
              <li key={`${i.field}-${i.message}`}>
                <a href={`#${inputId(i.field ?? '')}`}>{t('formErrors.fieldIssue', { field: fieldLabel(t, i.field), issue: i.message })}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{error instanceof Error ? error.message : String(error)}</p>
      )}
      {api?.code === 'CONFLICT' && onReload && (
        <button type="button" onClick={onReload}>
          {t('formErrors.reload')}
        </button>
      )}
    </div>
  );
}
