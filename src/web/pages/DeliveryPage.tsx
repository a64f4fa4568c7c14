import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DELIVERY_SORTS } from '../../shared/finance-labels.ts';
import { api } from '../api.ts';
import { DataTable } from '../components/dashboard/DataTable.tsx';
import { Downloads } from '../components/dashboard/Downloads.tsx';
import { Filters } from '../components/dashboard/Filters.tsx';
import { useFilters, useFormats } from '../components/dashboard/useFilters.ts';
import { Notice } from '../components/Layout.tsx';
import { RuleEditor } from '../components/RuleEditor.tsx';
import { WatchList } from '../components/WatchList.tsx';
import { useSession } from '../session.tsx';

const PAGE = 100;

/** Delivery project by project (a page at a time, the question in the URL) and the watch list an office manager acts on. */
export function DeliveryPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { year, through, filter, params, set, asOf } = useFilters();
  const page = Math.max(0, Number(params.get('page') ?? 0));
  const sort = params.get('sort') ?? 'code';
  const [data, setData] = useState<Awaited<ReturnType<typeof api.delivery>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([year, through, filter, page, sort]);
  const money = can('finance.read');
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the question
  useEffect(() => {
    setData(null);
    if (!money) return;
    api.delivery({ year, through, ...filter, sort, limit: PAGE, offset: page * PAGE }).then(setData, (e) => setError(e.message));
  }, [key]);
  const f = useFormats(data?.currency);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  if (!money) return <Notice kind="error">{t('errors.forbidden')}</Notice>;
  return (
    <section aria-labelledby="delivery-title">
      <h1 id="delivery-title">{t('deliveryView.title')}</h1>
      <p className="intro">{t('deliveryView.intro', { currency: data?.currency ?? '' })}</p>
      <Filters />
      <div className="toolbar">
        <label>
          {t('deliveryView.sort')}
          <select value={sort} onChange={(e) => set({ sort: e.target.value, page: null })}>
            {DELIVERY_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`deliveryView.sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <Downloads table="delivery-projects" query={{ year, through, ...filter }} label={t('deliveryView.title')} />
        {can('finance.import') && <Link to="/imports">{t('deliveryView.importLink')}</Link>}
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {!data ? (
        <p>{t('errors.loading')}</p>
      ) : (
        <>
          <DataTable
            caption={t('deliveryView.title')}
            currency={data.currency}
            rows={data.items}
            footer={{ ...data.totals, code: t('deliveryView.total') }}
            columns={[
              {
                key: 'code',
                label: t('deliveryView.project'),
                render: (r) =>
                  r.projectId ? (
                    <>
                      <Link to={`/projects/${r.projectId}`}>
                        <code>{r.code}</code> {r.title}
                      </Link>
                      {r.basis.length > 0 && (
                        <div className="muted small" title={r.basis.join('\n')}>
                          {t('deliveryView.rates')}: {r.basis.length}
                        </div>
                      )}
                      {r.problems.map((p) => (
                        <div key={p} className="field-error small">
                          {p}
                        </div>
                      ))}
                    </>
                  ) : (
                    r.code
                  ),
              },
              { key: 'office', label: t('dash.groups.office'), kind: 'text' },
              { key: 'allocation', label: t('deliveryView.allocation'), kind: 'money' },
              { key: 'expenditure', label: t('deliveryView.expenditure'), kind: 'money' },
              { key: 'commitment', label: t('dash.commitments'), kind: 'money' },
              { key: 'deliveryRate', label: t('deliveryView.rate'), kind: 'pct', bar: true },
              { key: 'forecast', label: t('dash.forecast'), kind: 'money' },
            ]}
          />
          <nav className="pager" aria-label={t('deliveryView.pages')}>
            <button type="button" className="secondary" disabled={page === 0} onClick={() => set({ page: String(page - 1) })}>
              {t('deliveryView.previous')}
            </button>
            <span>{t('deliveryView.pageOf', { page: page + 1, pages, count: data.total })}</span>
            <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => set({ page: String(page + 1) })}>
              {t('deliveryView.next')}
            </button>
          </nav>
          <p className="muted small">{t('deliveryView.totals', { expenditure: f.money(data.totals.expenditure), forecast: f.money(data.totals.forecast) })}</p>
        </>
      )}
      {can('warnings.read') && <WatchList asOf={asOf} filter={filter} canAct={can('warnings.act')} />}
      {can('finance.configure') && <RuleEditor />}
    </section>
  );
}
