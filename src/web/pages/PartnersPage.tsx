import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Agreement, Partner } from '../../shared/contracts/portfolio.ts';
import { today } from '../../shared/dates.ts';
import { api } from '../api.ts';
import { AgreementsTable } from '../components/AgreementsTable.tsx';
import { currentReview } from '../components/DueDiligence.tsx';
import { Notice } from '../components/Layout.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useSession } from '../session.tsx';

/** Partners with their due diligence, and agreements with amounts and the coordination levy. */
export function PartnersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
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
    if (currentReview(p, now)) return t('portfolio.ddValid', { date: latest.validUntil });
    if (latest.decision === 'rejected') return <span className="badge warn">{t('partners.dd.decisions.rejected')}</span>;
    return <span className="badge warn">{t('portfolio.ddExpired', { date: latest.validUntil })}</span>;
  };
  return (
    <section aria-labelledby="partners-title">
      <div className="page-head">
        <h1 id="partners-title">{t('portfolio.partnersTitle')}</h1>
        {can('partners.write') && (
          <Link className="button" to="/partners/new">
            {t('partners.newPartner')}
          </Link>
        )}
      </div>
      <p className="intro">{t('portfolio.partnersIntro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!partners ? (
        <p>{t('errors.loading')}</p>
      ) : (
        <>
          <ScrollRegion labelledBy="partners-title">
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
                      <Link to={`/partners/${p.id}`}>{p.name}</Link>
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
          </ScrollRegion>
          <h2 id="partners-agreements">{t('portfolio.agreements')}</h2>
          <p>
            <Link to="/agreements">{t('partners.agreements.byPartner')}</Link>
          </p>
          <AgreementsTable agreements={agreements} label={t('portfolio.agreements')} />
        </>
      )}
    </section>
  );
}
