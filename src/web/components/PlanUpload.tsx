import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from './Layout.tsx';

type Issue = { field?: string; message: string };

/**
 * A whole strategy or action plan from a JSON document (the shape of POST /api/strategies or
 * /api/action-plans): stored whole or not at all, every refusal naming the field it is about.
 */
export function PlanUpload({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'strategy' | 'plan'>('plan');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string; issues?: Issue[] } | null>(null);

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      let doc: unknown;
      try {
        doc = JSON.parse(await file.text());
      } catch (err) {
        setResult({ kind: 'error', text: t('plans.uploadFailed'), issues: [{ field: file.name, message: (err as Error).message }] });
        return;
      }
      const created = kind === 'strategy' ? await api.createStrategy(doc) : await api.createActionPlan(doc);
      setResult({ kind: 'success', text: t('plans.uploaded', { title: created.title }) });
      onDone();
    } catch (err) {
      const d = err instanceof ApiError ? err.details : undefined;
      const issues: Issue[] = d?.issues ?? [{ field: d?.field, message: (err as Error).message }];
      setResult({ kind: 'error', text: t('plans.uploadFailed'), issues });
    } finally {
      setBusy(false);
      e.target.value = '';
    }
  }

  return (
    <section className="card" aria-labelledby="plan-upload-title">
      <h2 id="plan-upload-title">{t('plans.uploadTitle')}</h2>
      <p className="muted small">{t('plans.uploadHint')}</p>
      <div className="inline-fields">
        <label>
          <span>{t('plans.uploadKind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as 'strategy' | 'plan')}>
            <option value="plan">{t('plans.plans')}</option>
            <option value="strategy">{t('plans.strategies')}</option>
          </select>
        </label>
        <label>
          <span>{t('plans.uploadFile')}</span>
          <input type="file" accept="application/json,.json" onChange={upload} disabled={busy} />
        </label>
      </div>
      {result && (
        <Notice kind={result.kind}>
          {result.text}
          {result.issues && (
            <ul>
              {result.issues.map((i) => (
                <li key={`${i.field}-${i.message}`}>
                  {i.field && <code>{i.field}</code>} {i.message}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
    </section>
  );
}
