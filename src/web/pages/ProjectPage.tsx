import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { ProjectDetail } from '../../shared/contracts/portfolio.ts';
import { type ProjectStatus, TRANSITIONS } from '../../shared/project-statuses.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { ProjectDocuments } from '../components/ProjectDocuments.tsx';
import { ProjectIati } from '../components/ProjectIati.tsx';
import { ProjectIatiCheck } from '../components/ProjectIatiCheck.tsx';
import { ProjectErpLines } from '../components/project/ProjectErpLines.tsx';
import { ProjectMoney } from '../components/project/ProjectMoney.tsx';
import { ProjectResults } from '../components/project/ProjectResults.tsx';
import { RelatedActivities } from '../components/RelatedActivities.tsx';
import { ReportLinks } from '../components/ReportLinks.tsx';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';

/** The statuses a project may move to from its own (the lifecycle, shared with the server). */
const next = (status: ProjectStatus): readonly ProjectStatus[] => TRANSITIONS[status] ?? [];
const MARKERS = { gender: 'markerGender', standards: 'markerStandards', socialDialogue: 'markerSocialDialogue', environment: 'markerEnvironment' } as const;

/** One project: where, who, links, markers, and its lifecycle with the moves the user may make. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { name } = useCountries();
  const { can } = useSession();
  const canWrite = can('projects.write');
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [p, setP] = useState<ProjectDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .project(id)
      .then(setP)
      .catch((e) => setError(e instanceof ApiError && e.status === 404 ? t('errors.notFound') : e.message));
  }, [id, t]);
  useEffect(load, [load]);
  if (error && !p) return <Notice kind="error">{error}</Notice>;
  if (!p) return <p>{t('errors.loading')}</p>;
  const move = async (to: ProjectStatus) => {
    setError(null);
    try {
      await api.transitionProject(id, { to, version: p.version });
    } catch (e) {
      setError((e as Error).message);
    }
    load();
  };
  return (
    <article aria-labelledby="project-title">
      <p>
        <Link to="/projects">← {t('portfolio.projectsTitle')}</Link>
      </p>
      <h1 id="project-title">
        <code>{p.code}</code> {p.title}
        {p.isSynthetic && (
          <span className="badge" title={t('app.syntheticHint')}>
            {t('app.synthetic')}
          </span>
        )}
      </h1>
      {error && <Notice kind="error">{error}</Notice>}
      {saved && <Notice kind="success">{t('projectForm.saved', { code: saved })}</Notice>}
      <dl className="facts">
        <div>
          <dt>{t('portfolio.status')}</dt>
          <dd>
            <span className={`status ${p.status}`}>{t(`portfolio.statuses.${p.status}`)}</span>
            {p.probability && <span className="muted small"> {t('portfolio.probability', { value: Number(p.probability) })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('portfolio.country')}</dt>
          <dd>{p.countryCode ? name(p.countryCode) : p.place}</dd>
        </div>
        <div>
          <dt>{t('portfolio.office')}</dt>
          <dd>{p.officeName}</dd>
        </div>
        <div>
          <dt>{t('portfolio.planned')}</dt>
          <dd>
            {p.plannedStart} – {p.plannedEnd}
          </dd>
        </div>
      </dl>
      {canWrite ? (
        <p className="actions">
          <Link className="button" to={`/projects/${id}/edit`}>
            {t('projectForm.edit')}
          </Link>
          {next(p.status).map((s) => (
            <button key={s} type="button" className="secondary" onClick={() => move(s)}>
              {t('portfolio.moveTo', { status: t(`portfolio.statuses.${s}`) })}
            </button>
          ))}
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="p-partners">
          <h2 id="p-partners">{t('portfolio.partnersOf')}</h2>
          <ul className="plain">
            {p.partners.map((x) => (
              <li key={`${x.id}-${x.role}`}>
                {x.name} <span className="muted">({t(`portfolio.roles.${x.role}`)})</span>
              </li>
            ))}
          </ul>
          <h2>{t('portfolio.agreements')}</h2>
          <ul className="plain">
            {p.agreements.map((a) => (
              <li key={a.id}>
                <code>{a.code}</code> {a.title}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="p-markers">
          <h2 id="p-markers">{t('portfolio.markers')}</h2>
          <ul className="plain">
            {(Object.keys(MARKERS) as (keyof typeof MARKERS)[]).map((m) => {
              const v = p[MARKERS[m]];
              return (
                <li key={m}>
                  {t(`portfolio.markerNames.${m}`)}: <strong>{t(`portfolio.significance.${v}`)}</strong>
                </li>
              );
            })}
          </ul>
          <h2>{t('portfolio.sdg')}</h2>
          <p>
            {p.sdgTargets.map((s) => (
              <span key={s} className="sdg small">
                {s}
              </span>
            ))}
          </p>
        </section>
      </div>
      <ProjectDocuments projectId={id} canWrite={canWrite} />
      <ProjectIatiCheck projectId={id} />
      <ProjectIati projectId={id} canWrite={canWrite} />
      <RelatedActivities project={p} canWrite={canWrite} onChange={load} />
      <ProjectMoney projectId={id} plannedStart={p.plannedStart} plannedEnd={p.plannedEnd} />
      <ProjectErpLines projectId={id} />
      <ProjectResults projectId={id} />
      {can('finance.read') && (
        <section className="card" aria-labelledby="p-report">
          <h2 id="p-report">{t('plans.donorReport')}</h2>
          <ReportLinks kind="donor-progress" subject={id} query={{}} label={t('plans.reportLinks')} />
        </section>
      )}

      <section aria-labelledby="p-history">
        <h2 id="p-history">{t('portfolio.history')}</h2>
        <ol className="plain">
          {p.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{h.at.slice(0, 10)}</time> — {t(`portfolio.statuses.${h.toStatus}`)} <span className="muted">({h.actorLabel})</span> {h.note}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
