import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Agreement } from '../../shared/contracts/portfolio.ts';
import { formatMoney } from '../money.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/** Agreements as a table: each links to its page; total and levy in the agreement's currency, an exemption named. */
export function AgreementsTable({ agreements, showPartner = true, label, empty }: { agreements: Agreement[]; showPartner?: boolean; label: string; empty?: string }) {
  const { t, i18n } = useTranslation();
  const money = (v: string, currency: string) => formatMoney(i18n.language, v, currency);
  if (!agreements.length) return <p>{empty ?? t('partners.agreements.none')}</p>;
  return (
    <ScrollRegion label={label}>
      <table className="data agreements">
        <thead>
          <tr>
            <th scope="col">{t('portfolio.agreement')}</th>
            {showPartner && <th scope="col">{t('portfolio.partner')}</th>}
            <th scope="col">{t('portfolio.period')}</th>
            <th scope="col">{t('portfolio.earmarking')}</th>
            <th scope="col">{t('partners.agreements.fields.status')}</th>
            <th scope="col" className="num">
              {t('portfolio.total')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.levy')}
            </th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((a) => {
            const exemption = a.levy.find((l) => l.exemption)?.exemption;
            return (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/agreements/${a.id}`}>
                    <code>{a.code}</code> {a.title}
                  </Link>
                </th>
                {showPartner && (
                  <td>
                    <Link to={`/partners/${a.partnerId}`}>{a.partnerName}</Link>
                  </td>
                )}
                <td>
                  {a.periodStart.slice(0, 4)}–{a.periodEnd.slice(0, 4)}
                </td>
                <td>{t(`portfolio.earmarkings.${a.earmarking}`)}</td>
                <td>{t(`partners.agreements.statuses.${a.status}`)}</td>
                <td className="num">{money(a.total, a.currency)}</td>
                <td className="num">
                  {money(a.levyTotal, a.currency)}
                  {exemption && <div className="muted small">{t('portfolio.exempt', { reason: exemption })}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
