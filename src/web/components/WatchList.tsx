import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Flag, WatchList as WatchListAnswer } from '../../shared/contracts/finance.ts';
import type { WarningActionStatus } from '../../shared/finance-labels.ts';
import type { Locale } from '../../shared/locales.ts';
import { reasonText } from '../../shared/warning-reasons.ts';
import type { Query } from '../api/client.ts';
import { api } from '../api.ts';
import { Downloads } from './dashboard/Downloads.tsx';
import { Notice } from './Layout.tsx';

const STATUSES = ['acknowledged', 'action_taken', 'dismissed'] as const satisfies readonly WarningActionStatus[];
const isStatus = (v: FormDataEntryValue | null): v is WarningActionStatus => (STATUSES as readonly unknown[]).includes(v);

/** The watch list: each flag with its rule and reason, what was last done about it, and (with the right) a form to act on it. */
export function WatchList({ asOf, filter, canAct }: { asOf: string; filter: Query; canAct: boolean }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<WatchListAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showHandled, setShowHandled] = useState(false);
  const [acting, setActing] = useState<string | null>(null);
  const key = JSON.stringify([asOf, filter]);
  const load = () => api.warnings({ asOf, ...filter }).then(setData, (e) => setError(e.message));
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the question
  useEffect(() => {
    setData(null);
    load();
  }, [key]);
  const warnings = data?.items ?? [];
  const shown = warnings.filter((w) => showHandled || !w.action || w.action.status === 'acknowledged');
  async function act(e: FormEvent<HTMLFormElement>, w: Flag) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const status = form.get('status');
    if (!isStatus(status)) return;
    try {
      await api.actOnWarning({ projectId: w.projectId, rule: w.rule, status, comment: String(form.get('comment') ?? '') });
      setActing(null);
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <section aria-labelledby="watch-title" className="card">
      <h2 id="watch-title">
        {t('deliveryView.watch')} <Downloads table="watch-list" query={{ asOf, ...filter }} label={t('deliveryView.watch')} />
      </h2>
      <p className="muted small">
        {t('deliveryView.watchIntro', { date: asOf })} {data && data.total > warnings.length && t('deliveryView.truncated', { shown: warnings.length, total: data.total })}
      </p>
      <label className="inline">
        <input type="checkbox" checked={showHandled} onChange={(e) => setShowHandled(e.target.checked)} /> {t('deliveryView.showHandled')}
      </label>
      {error && <Notice kind="error">{error}</Notice>}
      {!data ? (
        <p>{t('errors.loading')}</p>
      ) : shown.length === 0 ? (
        <p>{t('deliveryView.none')}</p>
      ) : (
        <table className="data compact watch">
          <caption className="visually-hidden">{t('deliveryView.watch')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('deliveryView.project')}</th>
              <th scope="col">{t('deliveryView.rule')}</th>
              <th scope="col">{t('deliveryView.reason')}</th>
              <th scope="col">{t('deliveryView.action')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((w) => {
              const id = `${w.projectId}-${w.rule}`;
              return (
                <tr key={id}>
                  <th scope="row">
                    <Link to={`/projects/${w.projectId}`}>{w.code}</Link>
                    <div className="muted small">{w.office}</div>
                  </th>
                  <td>{w.ruleName}</td>
                  <td>{reasonText(w.why, i18n.language as Locale)}</td>
                  <td>
                    {w.action && (
                      <div className="small">
                        <strong>{t(`deliveryView.statuses.${w.action.status}`)}</strong> — {w.action.comment}
                        <div className="muted">
                          {w.action.by}, {w.action.at.slice(0, 10)}
                        </div>
                      </div>
                    )}
                    {acting === id ? (
                      <form className="act" onSubmit={(e) => act(e, w)}>
                        <label>
                          {t('deliveryView.actStatus')}
                          <select name="status" defaultValue="acknowledged">
                            {STATUSES.map((s) => (
                              <option key={s} value={s}>
                                {t(`deliveryView.statuses.${s}`)}
                              </option>
                            ))}
                          </select>
                        </label>
                        <label>
                          {t('deliveryView.comment')}
                          <textarea name="comment" required maxLength={2000} rows={2} />
                        </label>
                        <button type="submit">{t('deliveryView.save')}</button>{' '}
                        <button type="button" className="secondary" onClick={() => setActing(null)}>
                          {t('deliveryView.cancel')}
                        </button>
                      </form>
                    ) : (
                      canAct && (
                        <button type="button" className="secondary small" onClick={() => setActing(id)} aria-label={t('deliveryView.actOn', { code: w.code, rule: w.ruleName })}>
                          {t('deliveryView.act')}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
