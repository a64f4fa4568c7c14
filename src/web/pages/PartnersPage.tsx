import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, Partner } from '../../shared/contracts/portfolio.ts';
import { today } from '../../shared/dates.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';

const money = (lang: string, amount: string, currency: string) => {
  const n = Number(amount);
  // Display only: the stored and computed figure is the exact decimal string.
  return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
};

/** Partners with their due diligence, and agreements with amounts and the coordination levy. */
export function PartnersPage() {
  const { t, i18n } = useTranslation();
  const [partners, setPartners] = useState<Partner[] | null>(null);
  const [agreements, setAgreements] = useState<Agreement[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([api.partners(), api.agreements()])
      .then(([p, a]) => {
        setPartners(p.items);
        setAgreements(a.items);
      })
      .catch((e) => setError(e.message));
  }, []);
  const now = today();
  const dd = (p: Partner) => {
    const latest = p.dueDiligence[0];
    if (!latest) return p.partnerType === 'private_sector' ? <span className="badge warn">{t('portfolio.ddNone')}</span> : '—';
    return latest.validUntil >= now ? (
      t('portfolio.ddValid', { date: latest.validUntil })
    ) : (
      <span className="badge warn">{t('portfolio.ddExpired', { date: latest.validUntil })}</span>
    );
  };
  return (
    <section aria-labelledby="partners-title">
      <h1 id="partners-title">{t('portfolio.partnersTitle')}</h1>
      <p className="intro">{t('portfolio.partnersIntro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!partners ? (
        <p>{t('errors.loading')}</p>
      ) : (
        <>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('portfolio.partner')}</th>
                <th scope="col">{t('portfolio.type')}</th>
                <th scope="col">{t('portfolio.iati')}</th>
                <th scope="col">{t('portfolio.dueDiligence')}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.name}
                    {p.isSynthetic && (
                      <span className="badge" title={t('app.syntheticHint')}>
                        {t('app.synthetic')}
                      </span>
                    )}
                  </th>
                  <td>{t(`portfolio.types.${p.partnerType}`)}</td>
                  <td>{p.organisationRef ? <code>{p.organisationRef}</code> : '—'}</td>
                  <td>{dd(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('portfolio.agreements')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('portfolio.agreement')}</th>
                <th scope="col">{t('portfolio.partner')}</th>
                <th scope="col">{t('portfolio.period')}</th>
                <th scope="col">{t('portfolio.earmarking')}</th>
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
                      <code>{a.code}</code> {a.title}
                    </th>
                    <td>{a.partnerName}</td>
                    <td>
                      {a.periodStart.slice(0, 4)}–{a.periodEnd.slice(0, 4)}
                    </td>
                    <td>{t(`portfolio.earmarkings.${a.earmarking}`)}</td>
                    <td className="num">{money(i18n.language, a.total, a.currency)}</td>
                    <td className="num">
                      {money(i18n.language, a.levyTotal, a.currency)}
                      {exemption && <div className="muted small">{t('portfolio.exempt', { reason: exemption })}</div>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
