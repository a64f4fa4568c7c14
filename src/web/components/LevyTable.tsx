import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../shared/contracts/portfolio.ts';
import { formatMoney } from '../money.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/**
 * An agreement's amounts by year with the coordination levy of each, as the server computed it: the rate and the
 * rule that set it, or the exemption that waived it; the totals below.
 */
export function LevyTable({ agreement }: { agreement: Agreement }) {
  const { t, i18n } = useTranslation();
  const money = (v: string) => formatMoney(i18n.language, v, agreement.currency);
  const pct = (rate: string) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 }).format(rate as Intl.StringNumericLiteral);
  return (
    <section aria-labelledby="levy-title" className="card">
      <h2 id="levy-title">{t('partners.agreements.levyTitle')}</h2>
      <p className="muted small">{t('partners.agreements.levyIntro')}</p>
      {agreement.levy.length === 0 ? (
        <p>{t('partners.agreements.noAmounts')}</p>
      ) : (
        <ScrollRegion labelledBy="levy-title">
          <table className="data levy">
            <thead>
              <tr>
                <th scope="col">{t('partners.agreements.fields.year')}</th>
                <th scope="col" className="num">
                  {t('partners.agreements.fields.amount')}
                </th>
                <th scope="col" className="num">
                  {t('partners.agreements.levy')}
                </th>
                <th scope="col">{t('partners.agreements.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {agreement.levy.map((l) => (
                <tr key={l.year}>
                  <th scope="row">{l.year}</th>
                  <td className="num">{money(l.amount)}</td>
                  <td className="num">{money(l.levy)}</td>
                  <td>{l.exemption ? t('partners.agreements.exempt') : l.rate ? pct(l.rate) : <span className="muted">{t('partners.agreements.noRule')}</span>}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('partners.agreements.total')}</th>
                <td className="num">{money(agreement.total)}</td>
                <td className="num">{money(agreement.levyTotal)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      )}
      {[...new Set(agreement.levy.map((l) => l.rule).filter(Boolean))].map((rule) => (
        <p key={rule} className="small" data-levy="rule">
          <strong>{t('partners.agreements.rule')}:</strong> {rule}
        </p>
      ))}
      {[...new Set(agreement.levy.map((l) => l.exemption).filter(Boolean))].map((exemption) => (
        <p key={exemption} className="small" data-levy="exemption">
          <strong>{t('partners.agreements.exemption')}:</strong> {exemption}
        </p>
      ))}
    </section>
  );
}
