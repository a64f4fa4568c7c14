import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Project } from '../../shared/contracts/portfolio.ts';
import { PROJECT_STATUSES } from '../../shared/project-statuses.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';

/** The project portfolio within the user's scope; the status filter is in the URL so a view can be shared. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { name } = useCountries();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const [items, setItems] = useState<Project[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .projects({ status: status || undefined })
      .then((r) => setItems(r.items))
      .catch((e) => setError(e.message));
  }, [status]);
  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">{t('portfolio.projectsTitle')}</h1>
      <p className="intro">{t('portfolio.projectsIntro')}</p>
      {can('projects.write') && (
        <p>
          <Link className="button" to="/projects/new">
            {t('projectForm.newProject')}
          </Link>
        </p>
      )}
      <div className="toolbar">
        <label>
          {t('portfolio.status')}
          <select value={status} onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}>
            <option value="">{t('portfolio.all')}</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`portfolio.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {!items ? (
        <p>{t('errors.loading')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('portfolio.code')}</th>
              <th scope="col">{t('portfolio.title')}</th>
              <th scope="col">{t('portfolio.country')}</th>
              <th scope="col">{t('portfolio.office')}</th>
              <th scope="col">{t('portfolio.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <code>{p.code}</code>
                </td>
                <th scope="row">
                  <Link to={`/projects/${p.id}`}>{p.title}</Link>
                  {p.isSynthetic && (
                    <span className="badge" title={t('app.syntheticHint')}>
                      {t('app.synthetic')}
                    </span>
                  )}
                </th>
                <td>{name(p.countryCode)}</td>
                <td>{p.officeName}</td>
                <td>
                  <span className={`status ${p.status}`}>{t(`portfolio.statuses.${p.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
