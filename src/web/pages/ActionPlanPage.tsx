import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { z } from 'zod';
import type { ActionItemCreate, ActionItemUpdate, StatusInput } from '../../shared/contracts/strategies.ts';
import type { ActionPlanAsAt } from '../../shared/contracts/strategies-answers.ts';
import { api } from '../api.ts';
import { AsOfPicker, useAsOf } from '../components/AsOfPicker.tsx';
import { Notice } from '../components/Layout.tsx';
import { type Field, QuickForm } from '../components/QuickForm.tsx';
import { ReportLinks } from '../components/ReportLinks.tsx';
import { useSession } from '../session.tsx';

const PROGRESS = ['not_started', 'in_progress', 'completed'] as const;

type T = (key: string, options?: Record<string, unknown>) => string;
type Item = ActionPlanAsAt['components'][number]['items'][number];

/** An item's fields; on a revision, what may be cleared is sent as null when left empty. */
const itemFields = (t: T, i?: Item): Field[] => [
  { name: 'number', label: t('editors.plan.number'), required: true, maxLength: 10, defaultValue: i?.number ?? '' },
  { name: 'title', label: t('editors.plan.title'), type: 'textarea', required: true, maxLength: 2000, defaultValue: i?.title ?? '' },
  { name: 'responsibleUnit', label: t('editors.plan.responsibleUnit'), maxLength: 200, nullable: Boolean(i), defaultValue: i?.responsibleUnit ?? '' },
  { name: 'dueText', label: t('editors.plan.dueText'), required: true, maxLength: 300, defaultValue: i?.dueText ?? '' },
  { name: 'dueDate', label: t('editors.plan.dueDate'), type: 'date', nullable: Boolean(i), defaultValue: i?.dueDate ?? '' },
];

/** An action plan as at a date: components, numbered items, the status reported by then, overdue flags, history. */
export function ActionPlanPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { can } = useSession();
  const canWrite = can('strategies.write');
  const [asOf, setAsOf] = useAsOf();
  const [plan, setPlan] = useState<ActionPlanAsAt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [symbol, setSymbol] = useState('');
  const [session, setSession] = useState('');
  const load = useCallback(() => {
    setError(null);
    api
      .actionPlan(code, asOf)
      .then(setPlan)
      .catch((e) => {
        setPlan(null);
        setError(e.message);
      });
  }, [code, asOf]);
  useEffect(load, [load]);
  const items = plan?.components.flatMap((c) => c.items) ?? [];
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <section aria-labelledby="plan-title">
      <h1 id="plan-title">{plan?.plan.title ?? code}</h1>
      {plan && <p className="muted small">{t('plans.adopted', { date: plan.plan.adoptedOn })}</p>}
      <div className="toolbar">
        <AsOfPicker asOf={asOf} onChange={setAsOf} />
        {plan && <span className={overdue ? 'badge warn' : 'badge'}>{t('plans.overdueCount', { count: overdue })}</span>}
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {plan && (
        <section className="card" aria-labelledby="plan-reports">
          <h2 id="plan-reports">{t('plans.reports')}</h2>
          <div className="inline-fields">
            <label>
              <span>{t('plans.symbol')}</span>
              <input value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder="GB.338/INS/9" maxLength={60} />
            </label>
            <label>
              <span>{t('plans.session')}</span>
              <input value={session} onChange={(e) => setSession(e.target.value)} placeholder="338th Session, Geneva, 12–26 March 2020" maxLength={200} />
            </label>
          </div>
          <ReportLinks kind="plan-progress" subject={code} query={{ asOf, symbol, session }} label={t('plans.reportLinks')} />
        </section>
      )}
      {plan?.components.map((c) => (
        <section key={c.id} className="card" aria-labelledby={`component-${c.id}`}>
          <h2 id={`component-${c.id}`}>
            {plan.plan.divisionLabel} {c.number}: {c.title}
          </h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls inside its card, and a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <table className="data plan-items" tabIndex={0}>
            <caption className="visually-hidden">
              {plan.plan.divisionLabel} {c.number}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.item')}</th>
                <th scope="col">{t('plans.due')}</th>
                <th scope="col">{t('plans.status')}</th>
              </tr>
            </thead>
            <tbody>
              {c.items.map((i) => (
                <tr key={i.id} className={i.overdue ? 'overdue' : undefined}>
                  <td>
                    <strong>{i.number}</strong> {i.title}
                    {i.responsibleUnit && <div className="small muted">{i.responsibleUnit}</div>}
                    {canWrite && (
                      <QuickForm
                        title={t('editors.plan.editItem', { number: i.number })}
                        partial
                        buttonLabel={t('editors.edit')}
                        onDone={load}
                        onSubmit={(v) => api.updateActionItem(i.id, { ...v, version: i.version } as z.input<typeof ActionItemUpdate>)}
                        fields={itemFields(t, i)}
                      />
                    )}
                  </td>
                  <td>
                    {i.dueText}
                    {i.overdue && <span className="badge warn">{t('plans.overdue')}</span>}
                  </td>
                  <td>
                    {i.status ? (
                      <>
                        {i.status.status}
                        <div className="small muted">
                          {t(`plans.progresses.${i.status.progress}`)} · {i.status.asOf}
                        </div>
                      </>
                    ) : (
                      <span className="muted">{t('plans.noStatus')}</span>
                    )}
                    {i.history.length > 1 && (
                      <details>
                        <summary className="small">{t('plans.history')}</summary>
                        <ul className="plain small">
                          {i.history.map((h) => (
                            <li key={h.id}>
                              {h.asOf}: {h.status}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                    {canWrite && (
                      <QuickForm
                        title={t('plans.addStatus')}
                        onDone={load}
                        onSubmit={(v) => api.addItemStatus(i.id, v as z.input<typeof StatusInput>)}
                        fields={[
                          { name: 'asOf', label: t('plans.asOf'), type: 'date', required: true, defaultValue: asOf },
                          { name: 'status', label: t('plans.statusText'), required: true, maxLength: 4000 },
                          {
                            name: 'progress',
                            label: t('plans.progress'),
                            type: 'select',
                            required: true,
                            options: PROGRESS.map((p) => ({ value: p, label: t(`plans.progresses.${p}`) })),
                          },
                          { name: 'narrative', label: t('plans.narrative'), type: 'textarea', maxLength: 20000 },
                        ]}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canWrite && (
            <QuickForm
              title={t('editors.plan.addItem', { division: plan.plan.divisionLabel, number: c.number })}
              onDone={load}
              onSubmit={(v) => api.addActionItem(c.id, v as z.input<typeof ActionItemCreate>)}
              fields={itemFields(t)}
            />
          )}
        </section>
      ))}
    </section>
  );
}
