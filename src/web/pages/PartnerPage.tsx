import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Agreement, Partner } from '../../shared/contracts/portfolio.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { AgreementsTable } from '../components/AgreementsTable.tsx';
import { DueDiligence } from '../components/DueDiligence.tsx';
import { Notice } from '../components/Layout.tsx';
import { PartnerForm } from '../components/PartnerForm.tsx';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';

/**
 * One partner: its fields (an Edit button opens the form), its due diligence and its agreements. At /partners/new
 * the form alone, to register a partner.
 */
export function PartnerPage() {
  const { id } = useParams();
  const isNew = id === 'new';
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state } = useLocation() as { state: { saved?: string } | null };
  const { can } = useSession();
  const { name: countryName } = useCountries();
  const [partner, setPartner] = useState<Partner | undefined>();
  const [agreements, setAgreements] = useState<Agreement[]>([]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(state?.saved ?? null);
  const [error, setError] = useState<string | null>(null);
  const canWrite = can('partners.write');
  // A save that moved here from the new form (same page, new id) says so.
  useEffect(() => {
    if (state?.saved) setSaved(state.saved);
  }, [state]);

  const load = useCallback(async () => {
    if (isNew || !id) return undefined;
    try {
      const [p, a] = await Promise.all([api.partner(id), api.agreements()]);
      setPartner(p);
      setAgreements(a.items.filter((x) => x.partnerId === id));
      return p;
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t('errors.notFound') : t('errors.generic', { message: (e as Error).message }));
      return undefined;
    }
  }, [id, isNew, t]);
  useEffect(() => {
    load();
  }, [load]);

  const back = (
    <p>
      <Link to="/partners">← {t('partners.allPartners')}</Link>
    </p>
  );
  if (isNew)
    return (
      <section aria-labelledby="partner-heading" className="form-page">
        {back}
        <h1 id="partner-heading">{t('partners.newTitle')}</h1>
        {canWrite ? (
          <PartnerForm
            onSaved={(p) => navigate(`/partners/${p.id}`, { state: { saved: t('partners.created', { name: p.name }) } })}
            onCancel={() => navigate('/partners')}
            reload={async () => undefined}
          />
        ) : (
          <Notice kind="error">{t('errors.forbidden')}</Notice>
        )}
      </section>
    );
  if (error)
    return (
      <section aria-labelledby="partner-heading">
        {back}
        <h1 id="partner-heading">{t('portfolio.partner')}</h1>
        <Notice kind="error">{error}</Notice>
      </section>
    );
  if (!partner) return <p className="loading">{t('errors.loading')}</p>;
  return (
    <article aria-labelledby="partner-heading" className="form-page">
      {back}
      <div className="page-head">
        <h1 id="partner-heading">{editing ? t('partners.editTitle', { name: partner.name }) : partner.name}</h1>
        {canWrite && !editing && (
          <button
            type="button"
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            {t('forms.edit')}
          </button>
        )}
      </div>
      {saved && <Notice kind="success">{saved}</Notice>}
      {editing ? (
        <PartnerForm
          partner={partner}
          onSaved={(p) => {
            setPartner(p);
            setEditing(false);
            setSaved(t('partners.saved', { name: p.name }));
          }}
          onCancel={() => setEditing(false)}
          reload={load}
        />
      ) : (
        <dl className="facts wrap">
          <div>
            <dt>{t('partners.fields.code')}</dt>
            <dd>
              <code>{partner.code}</code>
            </dd>
          </div>
          <div>
            <dt>{t('partners.fields.partnerType')}</dt>
            <dd>{t(`portfolio.types.${partner.partnerType}`)}</dd>
          </div>
          <div>
            <dt>{t('partners.fields.organisationRef')}</dt>
            <dd>{partner.organisationRef ? <code>{partner.organisationRef}</code> : '—'}</dd>
          </div>
          <div>
            <dt>{t('partners.fields.countryCode')}</dt>
            <dd>{partner.countryCode ? countryName(partner.countryCode) : '—'}</dd>
          </div>
          <div>
            <dt>{t('partners.fields.confidential')}</dt>
            <dd>{partner.confidential ? t('partners.yes') : t('partners.no')}</dd>
          </div>
        </dl>
      )}
      <DueDiligence partner={partner} canWrite={canWrite} onRecorded={load} />
      <section aria-labelledby="partner-agreements" className="card">
        <div className="page-head">
          <h2 id="partner-agreements">{t('partners.agreements.of', { name: partner.name })}</h2>
          {canWrite && (
            <Link className="button" to={`/agreements/new?partner=${partner.id}`}>
              {t('partners.agreements.new')}
            </Link>
          )}
        </div>
        <AgreementsTable agreements={agreements} showPartner={false} label={t('partners.agreements.of', { name: partner.name })} empty={t('partners.agreements.noneYet')} />
      </section>
    </article>
  );
}
