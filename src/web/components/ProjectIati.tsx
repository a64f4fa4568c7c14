import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IatiActivity, ProjectIati as ProjectIatiAnswer } from '../../shared/contracts/iati.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from './Layout.tsx';

/**
 * A project in IATI: its activity identifier, other publishers' activities linked to it (co-financing),
 * and their transactions that name it (traceability); linking by search when the user may change the project.
 */
export function ProjectIati({ projectId, canWrite }: { projectId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const [data, setData] = useState<ProjectIatiAnswer | null>(null);
  const [found, setFound] = useState<IatiActivity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.projectIati(projectId).then(setData, (e) => setError(e.message));
  }, [projectId]);
  useEffect(load, [load]);
  const search = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    if (q) setFound((await api.iatiActivities(q)).items);
  };
  const link = async (a: IatiActivity, to: string | null) => {
    setError(null);
    try {
      await api.linkIatiActivity(a.id, { projectId: to, version: a.version });
      setFound(null);
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      load();
    }
  };
  if (!data) return error ? <Notice kind="error">{error}</Notice> : null;
  return (
    <section className="card" aria-labelledby="p-iati">
      <h2 id="p-iati">{t('projectIati.title')}</h2>
      <p className="muted small">
        {t('projectIati.identifier')} <code>{data.identifier}</code>
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      <h3>{t('projectIati.linked')}</h3>
      {data.linked.length === 0 ? (
        <p className="muted">{t('projectIati.noLinked')}</p>
      ) : (
        <ul>
          {data.linked.map((a) => (
            <li key={a.id}>
              <code>{a.identifier}</code> {a.title} <span className="muted small">({a.reportingOrg})</span>{' '}
              {canWrite && (
                <button type="button" className="link" onClick={() => link(a, null)}>
                  {t('projectIati.unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form onSubmit={search} className="inline" aria-label={t('projectIati.search')}>
          <label htmlFor="iati-q">{t('projectIati.search')}</label> <input id="iati-q" name="q" type="search" maxLength={200} />{' '}
          <button type="submit" className="secondary">
            {t('projectIati.find')}
          </button>
        </form>
      )}
      {found && (
        <ul aria-label={t('projectIati.results')}>
          {found.length === 0 && <li className="muted">{t('projectIati.none')}</li>}
          {found.map((a) => (
            <li key={a.id}>
              <code>{a.identifier}</code> {a.title} <span className="muted small">({a.reportingOrg})</span>{' '}
              <button type="button" className="secondary" onClick={() => link(a, projectId)} disabled={a.projectId === projectId}>
                {t('projectIati.link')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('projectIati.traced')}</h3>
      {data.traced.length === 0 ? (
        <p className="muted">{t('projectIati.noTraced')}</p>
      ) : (
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">{t('projectIati.date')}</th>
              <th scope="col">{t('projectIati.activity')}</th>
              <th scope="col">{t('projectIati.publisher')}</th>
              <th scope="col">{t('projectIati.ourRole')}</th>
              <th scope="col">{t('projectIati.value')}</th>
            </tr>
          </thead>
          <tbody>
            {data.traced.map((tr, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: transactions have no identity of their own here
              <tr key={i}>
                <td>{tr.date}</td>
                <td>
                  <code>{tr.activity}</code>
                </td>
                <td>{tr.publisher}</td>
                <td>{t(`projectIati.roles.${tr.ourRole}`)}</td>
                <td className="num">
                  {Number(tr.value).toLocaleString()} {tr.currency}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
