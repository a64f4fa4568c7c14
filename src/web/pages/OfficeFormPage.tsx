import { type FormEvent, type ReactElement, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Office } from '../../shared/contracts/offices.ts';
import { OFFICE_TYPES, type OfficeType } from '../../shared/office-types.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';
import { AuditTable } from './AuditPage.tsx';

interface Draft {
  code: string;
  name: string;
  officeType: OfficeType;
  parentId: string;
  countryCode: string;
  city: string;
  email: string;
}

const toDraft = (o?: Office): Draft => ({
  code: o?.code ?? '',
  name: o?.name ?? '',
  officeType: o?.officeType ?? 'country_office',
  parentId: o?.parentId ?? '',
  countryCode: o?.countryCode ?? '',
  city: o?.city ?? '',
  email: o?.email ?? '',
});

/** Create or edit one office. A stale save (someone else changed it) is refused by the server and explained here. */
export function OfficeFormPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, can } = useSession();
  const { countries, countryName, lang } = useCountries();
  const [office, setOffice] = useState<Office | undefined>();
  const [offices, setOffices] = useState<Office[]>([]);
  const [draft, setDraft] = useState<Draft>(toDraft());
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const canWrite = can('offices.write');
  const canAudit = can('audit.read');

  const load = useCallback(async () => {
    setConflict(false);
    setError(null);
    try {
      const all = await api.offices();
      setOffices(all.items);
      if (!isNew && id) {
        const o = await api.office(id);
        setOffice(o);
        setDraft(toDraft(o));
      } else {
        setDraft((d) => ({ ...d, parentId: d.parentId || all.items.find((o) => o.id === user?.officeId)?.id || all.items[0]?.id || '' }));
      }
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t('errors.notFound') : t('errors.generic', { message: (e as Error).message }));
    }
  }, [id, isNew, t, user?.officeId]);
  useEffect(() => {
    load();
  }, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const body = {
      code: draft.code,
      name: draft.name,
      officeType: draft.officeType,
      parentId: draft.officeType === 'headquarters' ? null : draft.parentId || null,
      countryCode: draft.countryCode || null,
      city: draft.city || null,
      email: draft.email || null,
    };
    try {
      const saved = isNew ? await api.createOffice(body) : await api.updateOffice(id as string, { ...body, version: office?.version ?? 0 });
      navigate('/offices', { state: { saved: saved.name } });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT' && err.details?.currentVersion) setConflict(true);
      else if (err instanceof ApiError && err.code === 'INVALID_INPUT') {
        const issues = err.details?.issues ?? (err.details?.field ? [{ field: err.details.field, message: err.message }] : []);
        setFieldErrors(Object.fromEntries(issues.map((i) => [i.field ?? '', i.message])));
        setError(err.message);
      } else setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof Draft, label: string, input: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactElement, required = false) => {
    const err = fieldErrors[key];
    const props = { id: `f-${key}`, 'aria-invalid': Boolean(err), ...(err ? { 'aria-describedby': `e-${key}` } : {}) };
    return (
      <div className={`field${err ? ' invalid' : ''}`}>
        <label htmlFor={props.id}>
          {label}
          {required && <span className="req"> ({t('officeForm.required')})</span>}
        </label>
        {input(props)}
        {err && (
          <span className="field-error" id={`e-${key}`}>
            {err}
          </span>
        )}
      </div>
    );
  };
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const parents = offices.filter((o) => o.id !== id).sort((a, b) => a.name.localeCompare(b.name, lang));

  return (
    <section aria-labelledby="form-title" className="form-page">
      <p>
        <Link to="/offices">← {t('offices.title')}</Link>
      </p>
      <h1 id="form-title">{isNew ? t('officeForm.createTitle') : t('officeForm.editTitle', { name: office?.name ?? '' })}</h1>
      {conflict && (
        <Notice kind="error">
          {t('officeForm.conflict')}{' '}
          <button type="button" onClick={load}>
            {t('officeForm.reload')}
          </button>
        </Notice>
      )}
      {error && !conflict && <Notice kind="error">{error}</Notice>}
      <form onSubmit={save} noValidate>
        <fieldset disabled={!canWrite || busy}>
          {field(
            'name',
            t('offices.name'),
            (p) => (
              <input {...p} value={draft.name} onChange={set('name')} required maxLength={200} />
            ),
            true,
          )}
          {field(
            'code',
            t('offices.code'),
            (p) => (
              <input {...p} value={draft.code} onChange={set('code')} required maxLength={32} />
            ),
            true,
          )}
          {field('officeType', t('offices.type'), (p) => (
            <select {...p} value={draft.officeType} onChange={set('officeType')}>
              {OFFICE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`officeTypes.${type}`)}
                </option>
              ))}
            </select>
          ))}
          {draft.officeType !== 'headquarters' &&
            field('parentId', t('offices.parent'), (p) => (
              <select {...p} value={draft.parentId} onChange={set('parentId')}>
                {parents.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name} ({o.code})
                  </option>
                ))}
              </select>
            ))}
          {field('countryCode', t('offices.country'), (p) => (
            <select {...p} value={draft.countryCode} onChange={set('countryCode')}>
              <option value="">—</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {countryName(c)}
                </option>
              ))}
            </select>
          ))}
          {field('city', t('offices.city'), (p) => (
            <input {...p} value={draft.city} onChange={set('city')} maxLength={100} />
          ))}
          {field('email', t('offices.email'), (p) => (
            <input {...p} type="email" value={draft.email} onChange={set('email')} maxLength={254} />
          ))}
          {canWrite && (
            <div className="form-actions">
              <button type="submit">{busy ? t('officeForm.saving') : t('officeForm.save')}</button>
              <Link to="/offices">{t('officeForm.cancel')}</Link>
            </div>
          )}
        </fieldset>
      </form>
      {!isNew && canAudit && id && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('officeForm.history')}</h2>
          <AuditTable filter={{ entityType: 'office', entityId: id }} />
        </section>
      )}
    </section>
  );
}
