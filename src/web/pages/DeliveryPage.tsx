import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Rec } from '../api.ts';
import { Notice } from '../components/Layout.tsx';

/** Delivery by project for a year (in the URL, so the view can be shared) and the early-warning watch list. */
export function DeliveryPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getUTCFullYear();
  const year = Number(params.get('year') ?? thisYear);
  const asOf = year === thisYear ? new Date().toISOString().slice(0, 10) : `${year}-12-31`;
  const [data, setData] = useState<{ currency: string; rows: Rec[]; total: Rec } | null>(null);
  const [watch, setWatch] = useState<Rec[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    Promise.all([api.delivery(year), api.warnings(asOf)])
      .then(([d, w]) => {
        setData(d);
        setWatch(w.warnings);
      })
      .catch((e) => setError(e.message));
  }, [year, asOf]);
  const money = (v: string) =>
    data && v !== '' ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency: data.currency, maximumFractionDigits: 0 }).format(Number(v)) : '—';
  const pct = (v: string | null) => (v === null ? '—' : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(Number(v)));
  return (
    <section aria-labelledby="delivery-title">
      <h1 id="delivery-title">{t('deliveryView.title')}</h1>
      <p className="intro">{t('deliveryView.intro', { currency: data?.currency ?? '' })}</p>
      <div className="toolbar">
        <label>
          {t('deliveryView.year')}
          <select value={year} onChange={(e) => setParams({ year: e.target.value })}>
            {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <a className="button secondary" href={`/api/delivery/export?year=${year}&format=csv`} download>
          CSV
        </a>
        <a className="button secondary" href={`/api/delivery/export?year=${year}&format=xlsx`} download>
          XLSX
        </a>
        {(['office', 'country', 'funding_source', 'partner'] as const).map((by) => (
          <a key={by} className="small" href={`/api/delivery/export?year=${year}&format=xlsx&by=${by}`} download>
            {t('deliveryView.byLink', { by: t(`deliveryView.by.${by}`) })}
          </a>
        ))}
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {!data ? (
        <p>{t('errors.loading')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('deliveryView.project')}</th>
              <th scope="col" className="num">
                {t('deliveryView.allocation')}
              </th>
              <th scope="col" className="num">
                {t('deliveryView.expenditure')}
              </th>
              <th scope="col">{t('deliveryView.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.projectId}>
                <th scope="row">
                  <Link to={`/projects/${r.projectId}`}>
                    <code>{r.code}</code> {r.title}
                  </Link>
                  {r.basis.length > 0 && (
                    <div className="muted small" title={r.basis.join('\n')}>
                      {t('deliveryView.rates')}: {r.basis.length}
                    </div>
                  )}
                  {r.problems.map((p: string) => (
                    <div key={p} className="field-error small">
                      {p}
                    </div>
                  ))}
                </th>
                <td className="num">{money(r.allocation)}</td>
                <td className="num">{money(r.expenditure)}</td>
                <td>
                  <span className="bar" aria-hidden="true">
                    <span className="fully" style={{ width: `${Math.min(100, 100 * Number(r.deliveryRate ?? 0))}%` }} />
                  </span>{' '}
                  {pct(r.deliveryRate)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('deliveryView.total')}</th>
              <td className="num">{money(data.total.allocation)}</td>
              <td className="num">{money(data.total.expenditure)}</td>
              <td>{pct(data.total.deliveryRate)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <section aria-labelledby="watch-title" className="card">
        <h2 id="watch-title">{t('deliveryView.watch')}</h2>
        <p className="muted small">{t('deliveryView.watchIntro', { date: asOf })}</p>
        {watch.length === 0 ? (
          <p>{t('deliveryView.none')}</p>
        ) : (
          <table className="data compact">
            <thead>
              <tr>
                <th scope="col">{t('deliveryView.project')}</th>
                <th scope="col">{t('deliveryView.rule')}</th>
                <th scope="col">{t('deliveryView.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {watch.map((w) => (
                <tr key={`${w.projectId}-${w.rule}`}>
                  <th scope="row">
                    <Link to={`/projects/${w.projectId}`}>{w.code}</Link>
                  </th>
                  <td>{w.ruleName}</td>
                  <td>{w.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
