import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErpLinePage } from '../../../shared/contracts/finance.ts';
import { api } from '../../api.ts';
import { useSession } from '../../session.tsx';
import { useDates } from '../../useDates.tsx';
import { Notice } from '../Layout.tsx';
import { Pager } from '../Pager.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';

const PAGE_SIZE = 10;

/** The project's lines imported from the ERP, by month, a page at a time (readers of money only). */
export function ProjectErpLines({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { date } = useDates();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ErpLinePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const allowed = can('finance.read');
  useEffect(() => {
    if (!allowed) return;
    api
      .projectErpLines(projectId, page, PAGE_SIZE)
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [projectId, page, allowed]);
  if (!allowed) return null;
  const amount = (v: string, currency: string) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(Number(v));
  const month = (iso: string) => new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return (
    <section className="card" aria-labelledby="p-erp">
      <h2 id="p-erp">{t('money.erp.title')}</h2>
      <p className="muted small">{t('money.erp.intro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!data ? (
        !error && <p>{t('errors.loading')}</p>
      ) : data.total === 0 ? (
        <p>{t('money.erp.none')}</p>
      ) : (
        <>
          <p className="muted small">{t('money.erp.count', { count: data.total })}</p>
          <ScrollRegion label={t('money.erp.title')}>
            <table className="data">
              <caption className="visually-hidden">{t('money.erp.caption', { page: data.page, pages: data.pages })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('money.erp.period')}</th>
                  <th scope="col">{t('money.erp.kind')}</th>
                  <th scope="col" className="num">
                    {t('money.erp.amount')}
                  </th>
                  <th scope="col">{t('money.erp.reference')}</th>
                  <th scope="col">{t('money.erp.file')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((l) => (
                  <tr key={l.id}>
                    <td>
                      <time dateTime={l.period.slice(0, 7)}>{month(l.period)}</time>
                    </td>
                    <td>{t(`money.erp.kinds.${l.kind as 'expenditure'}`, { defaultValue: l.kind })}</td>
                    <td className="num">{amount(l.amount, l.currency)}</td>
                    <td>
                      <code>{l.sourceRef}</code>
                    </td>
                    <td className="small">{l.importFile ? `${l.importFile}${l.importedAt ? `, ${date(l.importedAt)}` : ''}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pager page={data.page} pages={data.pages} onPage={setPage} label={t('money.erp.title')} />
        </>
      )}
    </section>
  );
}
