import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgFrameworkCreate, OrgOutcomeCreate, OrgOutputCreate } from '../../shared/contracts/programming.ts';
import type { OrgFrameworkTree } from '../../shared/contracts/programming-answers.ts';
import type { In } from '../api/programming.ts';
import { api } from '../api.ts';
import { IndicatorPanel } from '../components/IndicatorPanel.tsx';
import { Notice } from '../components/Layout.tsx';
import { QuickForm } from '../components/QuickForm.tsx';
import { useSession } from '../session.tsx';

/** Organisation-wide frameworks (strategic plans, programme-and-budget periods) and their outcomes. */
export function FrameworksPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canWrite = can('frameworks.write');
  const [items, setItems] = useState<OrgFrameworkTree[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .frameworks()
      .then((r) => setItems(r.items))
      .catch((e) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  return (
    <section aria-labelledby="frameworks-title">
      <h1 id="frameworks-title">{t('frameworks.title')}</h1>
      <p className="intro">{t('frameworks.intro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {items?.map((f) => (
        <section key={f.id} className="card" aria-labelledby={`fw-${f.id}`}>
          <h2 id={`fw-${f.id}`}>
            {f.title} <span className="muted small">({f.code})</span>
            {f.isSynthetic && (
              <span className="badge" title={t('app.syntheticHint')}>
                {t('app.synthetic')}
              </span>
            )}
          </h2>
          <p className="muted small">
            {t(`frameworks.kinds.${f.kind}`)} · {f.periodStart} – {f.periodEnd}
          </p>
          <ul className="plain">
            {f.outcomes.map((o) => (
              <li key={o.id}>
                <strong>{o.code}</strong> {o.title}
                {o.outputs.length > 0 && (
                  <ul>
                    {o.outputs.map((x) => (
                      <li key={x.id} className="small">
                        {o.code}.{x.code} {x.title}
                      </li>
                    ))}
                  </ul>
                )}
                <IndicatorPanel nodeType="org_outcome" nodeId={o.id} all={o.indicators} canWrite={canWrite} reload={load} />
                {canWrite && (
                  <QuickForm
                    title={`${t('edit.addOutput')} (${o.code})`}
                    onDone={load}
                    onSubmit={(v) => api.addOrgOutput(o.id, v as In<typeof OrgOutputCreate>)}
                    fields={[
                      { name: 'code', label: t('edit.code'), required: true, maxLength: 20 },
                      { name: 'title', label: t('edit.title'), required: true, maxLength: 1000 },
                    ]}
                  />
                )}
              </li>
            ))}
          </ul>
          {canWrite && (
            <QuickForm
              title={t('edit.addOutcome')}
              onDone={load}
              onSubmit={(v) => api.addOrgOutcome(f.id, v as In<typeof OrgOutcomeCreate>)}
              fields={[
                { name: 'code', label: t('edit.code'), required: true, maxLength: 20 },
                { name: 'title', label: t('edit.title'), required: true, maxLength: 1000 },
              ]}
            />
          )}
        </section>
      ))}
      {canWrite && (
        <QuickForm
          title={t('frameworks.add')}
          onDone={load}
          onSubmit={(v) => api.addFramework(v as In<typeof OrgFrameworkCreate>)}
          fields={[
            {
              name: 'kind',
              label: t('edit.kindLabel'),
              type: 'select',
              required: true,
              options: ['strategic_plan', 'programme_budget'].map((k) => ({ value: k, label: t(`frameworks.kinds.${k}`) })),
            },
            { name: 'code', label: t('edit.code'), required: true, maxLength: 40 },
            { name: 'title', label: t('edit.title'), required: true, maxLength: 300 },
            { name: 'periodStart', label: t('edit.periodStart'), type: 'date', required: true },
            { name: 'periodEnd', label: t('edit.periodEnd'), type: 'date', required: true },
          ]}
        />
      )}
    </section>
  );
}
