import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { qs } from '../api/client.ts';
import { AlignmentView } from '../components/dashboard/AlignmentView.tsx';
import { DeliveryView } from '../components/dashboard/DeliveryView.tsx';
import { Filters } from '../components/dashboard/Filters.tsx';
import { PortfolioView } from '../components/dashboard/PortfolioView.tsx';
import { useFilters } from '../components/dashboard/useFilters.ts';
import { Notice } from '../components/Layout.tsx';
import { useSession } from '../session.tsx';

const VIEWS = ['delivery', 'portfolio', 'alignment'] as const;

/** The dashboards (C15): delivery and early warning, the portfolio, alignment and gaps; the question is in the URL. */
export function DashboardsPage() {
  const { t } = useTranslation();
  const { params } = useFilters();
  const { can } = useSession();
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as (typeof VIEWS)[number]) : 'delivery';
  const link = (v: string) => {
    const next = new URLSearchParams(params);
    next.set('view', v);
    return `/dashboards?${qs(Object.fromEntries(next))}`;
  };
  // Every view is money: without the right the page says so rather than fail on each call.
  if (!can('finance.read')) return <Notice kind="error">{t('errors.forbidden')}</Notice>;
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">{t('dash.title')}</h1>
      <nav className="tabs" aria-label={t('dash.views')}>
        {VIEWS.map((v) => (
          <Link key={v} to={link(v)} aria-current={v === view ? 'page' : undefined}>
            {t(`dash.view.${v}`)}
          </Link>
        ))}
      </nav>
      <Filters months={view === 'delivery'} />
      {view === 'delivery' && <DeliveryView />}
      {view === 'portfolio' && <PortfolioView />}
      {view === 'alignment' && <AlignmentView />}
    </section>
  );
}
