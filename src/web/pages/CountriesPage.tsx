import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CountryProgramme } from '../../shared/contracts/programming-answers.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { ProgrammeImport } from '../components/ProgrammeImport.tsx';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';

/** The country programmes within the user's scope. */
export function CountriesPage() {
  const { t } = useTranslation();
  const { name } = useCountries();
  const [items, setItems] = useState<CountryProgramme[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { can } = useSession();
  const canWrite = can('programming.write');
  const load = useCallback(() => {
    api
      .programmes()
      .then((r) => setItems(r.items))
      .catch((e) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const sorted = (items ?? []).slice().sort((a, b) => name(a.countryCode).localeCompare(name(b.countryCode)));
  return (
    <section aria-labelledby="countries-title">
      <h1 id="countries-title">{t('countries.title')}</h1>
      <p className="intro">{t('countries.intro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!items ? (
        <p>{t('errors.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('countries.none')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('countries.country')}</th>
              <th scope="col">{t('countries.presence')}</th>
              <th scope="col">{t('countries.coveringOffice')}</th>
              <th scope="col">{t('countries.dao')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => (
              <tr key={p.countryCode}>
                <th scope="row">
                  <Link to={`/countries/${p.countryCode}`}>{name(p.countryCode)}</Link>
                  {p.isSynthetic && (
                    <span className="badge" title={t('app.syntheticHint')}>
                      {t('app.synthetic')}
                    </span>
                  )}
                </th>
                <td>{t(`countries.${p.presence}`)}</td>
                <td>{p.coveringOfficeName}</td>
                <td>{p.deliveringAsOne ? '✓' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && <ProgrammeImport onImported={load} />}
    </section>
  );
}
