import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ActionPlan, Strategy } from '../../shared/contracts/strategies-answers.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { PlanUpload } from '../components/PlanUpload.tsx';
import { useSession } from '../session.tsx';

/** Strategies and action plans: the list, each opening to its status as at a date and its reports. */
export function PlansPage() {
  const { t } = useTranslation();
  const [strategies, setStrategies] = useState<Strategy[] | null>(null);
  const [plans, setPlans] = useState<ActionPlan[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { can } = useSession();
  const canWrite = can('strategies.write');
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    void generation;
    Promise.all([api.strategies(), api.actionPlans()])
      .then(([s, p]) => {
        setStrategies(s.items);
        setPlans(p.items);
      })
      .catch((e) => setError(e.message));
  }, [generation]);
  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">{t('plans.title')}</h1>
      <p className="intro">{t('plans.intro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!error && !strategies && <p className="loading">{t('errors.loading')}</p>}
      <div className="plans-grid">
        <section className="card" aria-labelledby="strategies-title">
          <h2 id="strategies-title">{t('plans.strategies')}</h2>
          <ul className="plain spaced">
            {strategies?.map((s) => (
              <li key={s.id}>
                <Link to={`/plans/strategies/${s.code}`}>{s.title}</Link>
                <div className="small muted">
                  {s.documentSymbol ? `${s.documentSymbol} · ` : ''}
                  {t('plans.period', { from: s.periodStart, to: s.periodEnd })}
                </div>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="action-plans-title">
          <h2 id="action-plans-title">{t('plans.plans')}</h2>
          <ul className="plain spaced">
            {plans?.map((p) => (
              <li key={p.id}>
                <Link to={`/plans/actions/${p.code}`}>{p.title}</Link>
                <div className="small muted">{t('plans.adopted', { date: p.adoptedOn })}</div>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {canWrite && <PlanUpload onDone={() => setGeneration((g) => g + 1)} />}
    </section>
  );
}
