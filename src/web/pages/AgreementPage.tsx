import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Agreement, Partner } from '../../shared/contracts/portfolio.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { AgreementForm } from '../components/AgreementForm.tsx';
import { Notice } from '../components/Layout.tsx';
import { LevyTable } from '../components/LevyTable.tsx';
import { useSession } from '../session.tsx';
import { useDates } from '../useDates.tsx';

/**
 * One agreement: its fields, amounts by year and the coordination levy; an Edit button opens the form. At
 * /agreements/new (?partner= to start from a partner) the form alone.
 */
export function AgreementPage() {
  const { id } = useParams();
  const isNew = id === 'new';
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { day } = useDates();
  const navigate = useNavigate();
  const { state } = useLocation() as { state: { saved?: string } | null };
  const { can } = useSession();
  const [agreement, setAgreement] = useState<Agreement | undefined>();
  const [partners, setPartners] = useState<Partner[]>([]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(state?.saved ?? null);
  const [error, setError] = useState<string | null>(null);
  const canWrite = can('partners.write');
  // A save that moved here from the new form (same page, new id) says so.
  useEffect(() => {
    if (state?.saved) setSaved(state.saved);
  }, [state]);

  const load = useCallback(async () => {
    try {
      if (isNew) {
        setPartners((await api.partners()).items);
        return undefined;
      }
      const a = await api.agreement(id as string);
      setAgreement(a);
      return a;
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t('errors.notFound') : t('errors.generic', { message: (e as Error).message }));
      return undefined;
    }
  }, [id, isNew, t]);
  useEffect(() => {
    load();
  }, [load]);

  const from = params.get('partner') ?? agreement?.partnerId;
  const fromName = agreement?.partnerName ?? partners.find((p) => p.id === from)?.name;
  const back = (
    <p>
      {from && fromName && (
        <>
          <Link to={`/partners/${from}`}>← {fromName}</Link>
          {' · '}
        </>
      )}
      <Link to="/agreements">{t('partners.agreements.all')}</Link>
    </p>
  );
  if (error)
    return (
      <section aria-labelledby="agreement-heading">
        {back}
        <h1 id="agreement-heading">{t('portfolio.agreement')}</h1>
        <Notice kind="error">{error}</Notice>
      </section>
    );
  if (isNew)
    return (
      <section aria-labelledby="agreement-heading" className="form-page">
        {back}
        <h1 id="agreement-heading">{t('partners.agreements.newTitle')}</h1>
        {!canWrite ? (
          <Notice kind="error">{t('errors.forbidden')}</Notice>
        ) : partners.length ? (
          <AgreementForm
            partners={partners}
            partnerId={params.get('partner') ?? ''}
            onSaved={(a) => navigate(`/agreements/${a.id}`, { state: { saved: t('partners.agreements.created', { code: a.code }) } })}
            onCancel={() => navigate(from ? `/partners/${from}` : '/agreements')}
            reload={async () => undefined}
          />
        ) : (
          <p>{t('errors.loading')}</p>
        )}
      </section>
    );
  if (!agreement) return <p className="loading">{t('errors.loading')}</p>;
  return (
    <article aria-labelledby="agreement-heading" className="form-page">
      {back}
      <div className="page-head">
        <h1 id="agreement-heading">
          {editing ? (
            t('partners.agreements.editTitle', { code: agreement.code })
          ) : (
            <>
              <code>{agreement.code}</code> {agreement.title}
            </>
          )}
        </h1>
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
        <AgreementForm
          agreement={agreement}
          partners={[]}
          onSaved={(a) => {
            setAgreement(a);
            setEditing(false);
            setSaved(t('partners.agreements.saved', { code: a.code }));
          }}
          onCancel={() => setEditing(false)}
          reload={load}
        />
      ) : (
        <dl className="facts wrap">
          <div>
            <dt>{t('partners.agreements.fields.partnerId')}</dt>
            <dd>
              <Link to={`/partners/${agreement.partnerId}`}>{agreement.partnerName}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('partners.agreements.period')}</dt>
            <dd>
              {day(agreement.periodStart)} – {day(agreement.periodEnd)}
            </dd>
          </div>
          <div>
            <dt>{t('partners.agreements.fields.status')}</dt>
            <dd>{t(`partners.agreements.statuses.${agreement.status}`)}</dd>
          </div>
          <div>
            <dt>{t('partners.agreements.fields.earmarking')}</dt>
            <dd>{t(`portfolio.earmarkings.${agreement.earmarking}`)}</dd>
          </div>
          <div>
            <dt>{t('partners.agreements.fields.fundingSource')}</dt>
            <dd>{agreement.fundingSource}</dd>
          </div>
          <div>
            <dt>{t('partners.agreements.fields.currency')}</dt>
            <dd>{agreement.currency}</dd>
          </div>
        </dl>
      )}
      <LevyTable agreement={agreement} />
    </article>
  );
}
