import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { AGREEMENT_STATUSES, type Agreement } from '../../shared/contracts/portfolio.ts';
import { api } from '../api.ts';
import { AgreementsTable } from '../components/AgreementsTable.tsx';
import { Notice } from '../components/Layout.tsx';
import { useSession } from '../session.tsx';

/** Every agreement within reach, grouped by partner; filtered by partner and status (kept in the URL). */
export function AgreementsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [agreements, setAgreements] = useState<Agreement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.agreements().then(
      (r) => setAgreements(r.items),
      (e) => setError(t('errors.generic', { message: e.message })),
    );
  }, [t]);
  const partner = params.get('partner') ?? '';
  const status = params.get('status') ?? '';
  const choose = (key: string) => (e: { target: { value: string } }) => {
    const next = new URLSearchParams(params);
    if (e.target.value) next.set(key, e.target.value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const partners = [...new Map((agreements ?? []).map((a) => [a.partnerId, a.partnerName])).entries()].sort((a, b) => a[1].localeCompare(b[1], i18n.language));
  const shown = (agreements ?? []).filter((a) => (!partner || a.partnerId === partner) && (!status || a.status === status));
  const groups = partners.filter(([id]) => shown.some((a) => a.partnerId === id));
  return (
    <section aria-labelledby="agreements-title">
      <p>
        <Link to="/partners">← {t('partners.allPartners')}</Link>
      </p>
      <div className="page-head">
        <h1 id="agreements-title">{t('partners.agreements.title')}</h1>
        {can('partners.write') && (
          <Link className="button" to={partner ? `/agreements/new?partner=${partner}` : '/agreements/new'}>
            {t('partners.agreements.new')}
          </Link>
        )}
      </div>
      <p className="intro">{t('partners.agreements.intro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="toolbar">
        <label>
          {t('partners.agreements.fields.partnerId')}{' '}
          <select value={partner} onChange={choose('partner')}>
            <option value="">{t('partners.agreements.allOption')}</option>
            {partners.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('partners.agreements.fields.status')}{' '}
          <select value={status} onChange={choose('status')}>
            <option value="">{t('partners.agreements.allOption')}</option>
            {AGREEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`partners.agreements.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!agreements ? (
        <p>{t('errors.loading')}</p>
      ) : groups.length === 0 ? (
        <p>{t('partners.agreements.none')}</p>
      ) : (
        groups.map(([id, name]) => (
          <section key={id} aria-labelledby={`group-${id}`} className="agreement-group">
            <h2 id={`group-${id}`}>
              <Link to={`/partners/${id}`}>{name}</Link>
            </h2>
            <AgreementsTable agreements={shown.filter((a) => a.partnerId === id)} showPartner={false} label={t('partners.agreements.of', { name })} />
          </section>
        ))
      )}
    </section>
  );
}
