import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Office } from '../../shared/contracts/offices.ts';
import { type Partner, PROJECT_MARKERS, type PROJECT_SORTS, type Project } from '../../shared/contracts/portfolio.ts';
import type { FundingSource } from '../../shared/contracts/reference.ts';
import { PROJECT_STATUSES } from '../../shared/project-statuses.ts';
import { qs } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { Pager } from '../components/Pager.tsx';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';

const PAGE = 50;
/** The list's filters, as the URL and the API name them. */
const FILTERS = ['q', 'status', 'country', 'office', 'partner', 'fundingSource', 'marker'] as const;

/**
 * The project portfolio within the user's scope: words, filters, order and page are in the URL so a view can be
 * shared; the filtered list downloads as CSV or XLSX.
 */
export function ProjectsPage() {
  const { t, i18n } = useTranslation();
  const { name, countries, countryName } = useCountries();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [result, setResult] = useState<{ items: Project[]; total: number } | null>(null);
  const [choices, setChoices] = useState<{ offices: Office[]; partners: Partner[]; sources: FundingSource[] }>({ offices: [], partners: [], sources: [] });
  const [error, setError] = useState<string | null>(null);
  const filter = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const sort = params.get('sort') ?? 'code';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const query = { ...filter, sort, dir };
  const key = JSON.stringify([query, page]);

  useEffect(() => {
    Promise.all([api.offices(), can('partners.read') ? api.partners() : Promise.resolve({ items: [] as Partner[] }), api.fundingSources()])
      .then(([o, p, s]) => setChoices({ offices: o.items, partners: p.items, sources: s.items }))
      .catch(() => undefined);
  }, [can]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the query and the page
  useEffect(() => {
    let live = true;
    api
      .projects({ ...query, limit: String(PAGE), offset: String((page - 1) * PAGE) })
      .then((r) => live && setResult(r))
      .catch((e) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [key]);

  const change = (next: Record<string, string>) => {
    const merged = { ...Object.fromEntries(params), ...next };
    if (!('page' in next)) delete merged.page;
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };
  const search = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    change({ q: String(new FormData(e.currentTarget).get('q') ?? '').trim() });
  };
  const sortBy = (column: string) => change({ sort: column, dir: sort === column && dir === 'asc' ? 'desc' : 'asc' });
  const header = (column: (typeof PROJECT_SORTS)[number], label: string) => (
    <th scope="col" aria-sort={sort === column ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="link sort" onClick={() => sortBy(column)}>
        {label}
        {sort === column ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const lang = i18n.language === 'fr' ? 'Fr' : i18n.language === 'es' ? 'Es' : 'En';
  const select = (f: (typeof FILTERS)[number], label: string, options: { value: string; label: string }[]) => (
    <span className="filter">
      <label htmlFor={`pl-${f}`}>{label}</label>
      <select id={`pl-${f}`} value={filter[f]} onChange={(e) => change({ [f]: e.target.value })}>
        <option value="">{t('portfolio.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE)) : 1;
  const download = (format: 'csv' | 'xlsx') => `/api/projects/table?${qs({ ...query, format, lang: i18n.language })}`;

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
      <search aria-label={t('projectList.search')}>
        <form className="toolbar" onSubmit={search}>
          <label>
            {t('projectList.words')}
            <input type="search" name="q" defaultValue={filter.q} key={filter.q} maxLength={100} />
          </label>
          <button type="submit">{t('projectList.find')}</button>
        </form>
      </search>
      <div className="toolbar filters">
        {select(
          'status',
          t('portfolio.status'),
          PROJECT_STATUSES.map((s) => ({ value: s, label: t(`portfolio.statuses.${s}`) })),
        )}
        {select(
          'country',
          t('portfolio.country'),
          countries.map((c) => ({ value: c.code, label: countryName(c) })),
        )}
        {select(
          'office',
          t('portfolio.office'),
          choices.offices.map((o) => ({ value: o.id, label: o.name })),
        )}
        {choices.partners.length > 0 &&
          select(
            'partner',
            t('formErrors.fields.partnerId'),
            choices.partners.map((p) => ({ value: p.id, label: p.name })),
          )}
        {select(
          'fundingSource',
          t('formErrors.fields.fundingSource'),
          choices.sources.map((s) => ({ value: s.code, label: s[`name${lang}`] })),
        )}
        {select(
          'marker',
          t('projectList.marker'),
          PROJECT_MARKERS.map((m) => ({ value: m, label: t(`portfolio.markerNames.${m}`) })),
        )}
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {!result ? (
        <p>{t('errors.loading')}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('projectList.count', { count: result.total })}{' '}
            <a href={download('csv')} download>
              CSV
            </a>{' '}
            <a href={download('xlsx')} download>
              XLSX
            </a>
          </p>
          <div className="table-scroll">
            <table className="data projects">
              <thead>
                <tr>
                  {header('code', t('portfolio.code'))}
                  {header('title', t('portfolio.title'))}
                  {header('country', t('portfolio.country'))}
                  {header('office', t('portfolio.office'))}
                  {header('status', t('portfolio.status'))}
                  {header('plannedStart', t('formErrors.fields.plannedStart'))}
                </tr>
              </thead>
              <tbody>
                {result.items.map((p) => (
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
                    <td>{p.plannedStart}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && <Pager page={page} pages={pages} onPage={(n) => change({ page: String(n) })} label={t('projectList.pages')} />}
        </>
      )}
    </section>
  );
}
