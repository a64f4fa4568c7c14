import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { UploadOutcome, useJsonDocumentUpload } from './JsonDocumentUpload.tsx';

/**
 * A whole strategy or action plan from a JSON document (the shape of POST /api/strategies or
 * /api/action-plans): stored whole or not at all, every refusal naming the field it is about.
 */
export function PlanUpload({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'strategy' | 'plan'>('plan');
  const { busy, outcome, upload } = useJsonDocumentUpload<{ title: string }>(
    (doc) => (kind === 'strategy' ? api.createStrategy(doc) : api.createActionPlan(doc)),
    { done: (created) => t('plans.uploaded', { title: created.title }), failed: t('plans.uploadFailed') },
    onDone,
  );

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
      <UploadOutcome outcome={outcome} />
    </section>
  );
}
