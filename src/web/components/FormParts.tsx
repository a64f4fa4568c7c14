import { type ReactElement, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { Notice } from './Layout.tsx';

/** One field's problem as the reader sees it: which field (the API's name), what to do, in their language. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * How a form words the server's refusal of a save: `label` names a field of the API in the reader's language
 * (`amounts.1.year` included), `reason` words a refusal the server named (details.reason), `hint` says what a
 * field expects when the server's check (zod's code: invalid_format, too_big, …) found it wrong.
 */
export interface Wording {
  label: (field: string) => string;
  reason?: (reason: string) => string | undefined;
  hint?: (field: string, code: string | undefined) => string | undefined;
}

/** The id of a field's input within a form: `amounts.1.year` → `agreement-amounts-1-year`. */
export const fieldId = (form: string, field: string) => `${form}-${field.replace(/\W+/g, '-')}`;

/**
 * A form's state after a refused save: the fields' problems, a stale save (someone else saved first: when, from the
 * 409's current record), or another failure. The draft is the form's own and is never touched here.
 */
export function useSaveErrors(wording: Wording) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** A field's problem: the form's wording of a reason the server named, or of what the field expects, else the client's plain sentence (api/client.ts). */
  const word = (field: string, said: string, reason?: string, code?: string): string => {
    const problem = (reason && (wording.reason?.(reason) ?? t(`forms.reasons.${reason}`, { defaultValue: '' }))) || wording.hint?.(field, code) || said;
    return t('formErrors.fieldIssue', { field: wording.label(field), issue: problem });
  };
  const clear = useCallback(() => {
    setProblems([]);
    setConflict(null);
    setFailure(null);
  }, []);
  /** Takes what a save threw; the form stays as the user left it. */
  const fail = (err: unknown) => {
    clear();
    if (!(err instanceof ApiError)) return setFailure(t('forms.failed', { message: String(err) }));
    const d = err.details;
    // the client has worded a stale save (who changed the record, when) in the reader's language
    if (err.code === 'CONFLICT' && d?.currentVersion !== undefined) return setConflict(err.message);
    if (err.code === 'CONFLICT' && typeof d?.constraint === 'string' && d.constraint.endsWith('_code_key')) {
      return setProblems([{ field: 'code', message: word('code', '', 'taken') }]);
    }
    if (err.code === 'INVALID_INPUT') {
      const issues = d?.issues?.length ? d.issues : d?.field ? [{ field: d.field, message: err.message, code: undefined }] : [];
      if (issues.length)
        return setProblems(issues.map((i) => ({ field: i.field ?? '', message: word(i.field ?? '', i.message, i.field === d?.field ? d?.reason : undefined, i.code) })));
    }
    setFailure(t('forms.failed', { message: err.message }));
  };
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  return { problems, conflict, failure, fail, clear, problemOf };
}

export type SaveErrors = ReturnType<typeof useSaveErrors>;

/**
 * What went wrong with the last save, above the form: a stale save with a reload button (the draft stays as
 * it is), or a summary of the fields to correct, which takes the focus and links to each field.
 */
export function SaveProblems({ form, errors, onReload }: { form: string; errors: SaveErrors; onReload: () => void }) {
  const { t } = useTranslation();
  const summary = useRef<HTMLDivElement>(null);
  const { problems, conflict, failure } = errors;
  useEffect(() => {
    if (problems.length || conflict || failure) summary.current?.focus();
  }, [problems, conflict, failure]);
  if (conflict) {
    return (
      <div ref={summary} tabIndex={-1} className="save-problems">
        <Notice kind="error">
          {conflict}{' '}
          <button type="button" onClick={onReload}>
            {t('formErrors.reload')}
          </button>
        </Notice>
      </div>
    );
  }
  if (failure)
    return (
      <div ref={summary} tabIndex={-1} className="save-problems">
        <Notice kind="error">{failure}</Notice>
      </div>
    );
  if (!problems.length) return null;
  const titleId = `${form}-problems`;
  // In the order of the fields on screen, whatever order the server found them in.
  const place = (field: string) => document.getElementById(fieldId(form, field));
  const ordered = [...problems].sort((a, b) => {
    const [x, y] = [place(a.field), place(b.field)];
    return x && y ? (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1) : 0;
  });
  return (
    <div ref={summary} tabIndex={-1} className="error-summary" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('forms.summaryTitle')}</h2>
      <ul>
        {ordered.map((p) => (
          <li key={`${p.field}:${p.message}`}>
            <a
              href={`#${fieldId(form, p.field)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldId(form, p.field))?.focus();
              }}
            >
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type InputProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/** A labelled field with its problem beside it (and a hint, if any), the input built by the caller with the ids it needs. */
export function FormField({
  form,
  field,
  label,
  problem,
  required,
  hint,
  children,
}: {
  form: string;
  field: string;
  label: string;
  problem?: string;
  required?: boolean;
  hint?: string;
  children: (props: InputProps) => ReactElement;
}) {
  const { t } = useTranslation();
  const id = fieldId(form, field);
  const described = [problem ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const props: InputProps = { id, 'aria-invalid': Boolean(problem), ...(described ? { 'aria-describedby': described } : {}) };
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="req"> ({t('forms.required')})</span>}
      </label>
      {children(props)}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {problem && (
        <span className="field-error" id={`${id}-error`}>
          {problem}
        </span>
      )}
    </div>
  );
}

/** A section's editor behind a button: closed until asked for. */
export function OnDemand({ label, open, setOpen, children }: { label: string; open: boolean; setOpen: (v: boolean) => void; children: ReactNode }) {
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return <>{children}</>;
}
