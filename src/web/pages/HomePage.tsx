import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DeliveryPage, WatchList } from '../../shared/contracts/finance.ts';
import type { Project } from '../../shared/contracts/portfolio.ts';
import type { CalendarMilestone, CountryPageData } from '../../shared/contracts/programming-answers.ts';
import type { Locale } from '../../shared/locales.ts';
import { reasonText } from '../../shared/warning-reasons.ts';
import { api } from '../api.ts';
import { Kpis } from '../components/dashboard/Kpis.tsx';
import { useFilters, useFormats } from '../components/dashboard/useFilters.ts';
import { Notice } from '../components/Layout.tsx';
import { ReportLinks } from '../components/ReportLinks.tsx';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';
import { useDates } from '../useDates.tsx';

/** How many rows a section of the home shows before its link to the whole list. */
const ROWS = 5;

/** One answer of the server, loaded once: the data, or the error's message. */
function useAnswer<T>(load: () => Promise<T>, key: string): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the question
  useEffect(() => {
    setData(null);
    setError(null);
    load().then(setData, (e) => setError((e as Error).message));
  }, [key]);
  return { data, error };
}

/** A card of the home: its title, its content once loaded, and a link to the page that shows all of it. */
function Section({ id, title, error, loaded, more, children }: { id: string; title: string; error: string | null; loaded: boolean; more?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={id} aria-busy={!loaded && !error} data-home={id}>
      <h2 id={id}>{title}</h2>
      {error ? <Notice kind="error">{error}</Notice> : loaded ? children : <p>{t('errors.loading')}</p>}
      {more && <p className="more">{more}</p>}
    </section>
  );
}

/** The money of the projects within reach: this year's delivery (the dashboards' figures). */
function Figures() {
  const { t } = useTranslation();
  const { year, through } = useFilters();
  const { data, error } = useAnswer<DeliveryPage>(() => api.delivery({ year, through, limit: 1 }), `${year}-${through}`);
  const f = useFormats(data?.currency);
  return (
    <Section id="home-figures" title={t('home.figures.title', { year })} error={error} loaded={Boolean(data)} more={<Link to="/dashboards">{t('home.figures.more')}</Link>}>
      {data && (
        <Kpis
          items={[
            { label: t('home.figures.projects'), value: String(data.totals.projects) },
            { label: t('dash.deliveryRate'), value: f.pct(data.totals.deliveryRate), note: t('dash.throughNote', { month: through, year }) },
            { label: t('dash.expenditure'), value: f.money(data.totals.expenditure), note: t('dash.ofAllocation', { allocation: f.money(data.totals.allocation) }) },
            { label: t('dash.forecastRate'), value: f.pct(data.totals.forecastRate), note: t('dash.forecastNote') },
          ]}
        />
      )}
    </Section>
  );
}

/** The flags of the watch list nobody has acted on yet: what needs doing. */
function Attention({ canOpen }: { canOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const { asOf } = useFilters();
  const { data, error } = useAnswer<WatchList>(() => api.warnings({ asOf, limit: 50 }), asOf);
  const open = (data?.items ?? []).filter((w) => !w.action || w.action.status === 'acknowledged').slice(0, ROWS);
  return (
    <Section
      id="home-watch"
      title={t('home.watch.title')}
      error={error}
      loaded={Boolean(data)}
      more={canOpen && data && data.total > 0 ? <Link to="/delivery">{t('home.watch.more')}</Link> : undefined}
    >
      <p className="muted small">
        {t('home.watch.intro', { date: asOf })} {data && data.total > 0 && t('home.watch.count', { count: data.total })}
      </p>
      {open.length === 0 ? (
        <p>{t('home.watch.none')}</p>
      ) : (
        <ul className="plain home-list">
          {open.map((w) => (
            <li key={`${w.projectId}-${w.rule}`}>
              <Link to={`/projects/${w.projectId}`}>{w.code}</Link> <strong>{w.ruleName}</strong>
              <div className="small">{reasonText(w.why, i18n.language as Locale)}</div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The projects within reach (the list is scoped by the server: office, partner or country); a donor gets its reports. */
function Projects({ title, reports }: { title: string; reports: boolean }) {
  const { t } = useTranslation();
  const { name } = useCountries();
  const { data, error } = useAnswer(() => api.projects({ limit: String(ROWS) }), 'projects');
  const items: Project[] = data?.items ?? [];
  return (
    <Section
      id="home-projects"
      title={title}
      error={error}
      loaded={Boolean(data)}
      more={data && data.total > 0 ? <Link to="/projects">{t('home.projects.more')}</Link> : undefined}
    >
      {data && data.total > 0 && <p className="muted small">{t('home.projects.shown', { shown: items.length, total: data.total })}</p>}
      {items.length === 0 ? (
        <p>{t('home.projects.none')}</p>
      ) : (
        <ul className="plain home-list">
          {items.map((p) => (
            <li key={p.id}>
              <code>{p.code}</code> <Link to={`/projects/${p.id}`}>{p.title}</Link> <span className={`status ${p.status}`}>{t(`portfolio.statuses.${p.status}`)}</span>
              <div className="small muted">{[name(p.countryCode), p.officeName].filter(Boolean).join(' · ')}</div>
              {reports && <ReportLinks kind="donor-progress" subject={p.id} query={{}} label={t('home.projects.report', { code: p.code })} />}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The UN process calendar's next milestones within reach: when, where, what, and by when to tell the constituents. */
function Milestones({ showCountry }: { showCountry: boolean }) {
  const { t } = useTranslation();
  const { name } = useCountries();
  const { day } = useDates();
  const { data, error } = useAnswer(() => api.calendar(), 'calendar');
  const items: CalendarMilestone[] = (data?.items ?? []).slice(0, ROWS);
  return (
    <Section id="home-milestones" title={t('home.milestones.title')} error={error} loaded={Boolean(data)} more={<Link to="/calendar">{t('home.milestones.more')}</Link>}>
      {items.length === 0 ? (
        <p>{t('home.milestones.none')}</p>
      ) : (
        <ul className="plain home-list">
          {items.map((m) => (
            <li key={m.id}>
              <strong>{day(m.dueDate)}</strong> {showCountry && `${name(m.countryCode)}: `}
              {m.title}
              <div className="small muted">
                {t('calendarView.notifyBy')}: {day(m.notifyBy)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** A country's Decent Work Country Programme: its period, status and priorities. */
function CountryProgramme({ code }: { code: string }) {
  const { t } = useTranslation();
  const { name } = useCountries();
  const { date } = useDates();
  const { data, error } = useAnswer<CountryPageData>(() => api.countryPage(code), code);
  const dwcp = data?.dwcp;
  return (
    <Section
      id="home-country"
      title={t('home.country.title', { country: name(code) })}
      error={error}
      loaded={Boolean(data)}
      more={<Link to={`/countries/${code}`}>{t('home.country.more')}</Link>}
    >
      {!dwcp ? (
        <p>{t('home.country.none')}</p>
      ) : (
        <>
          <p>
            <strong>{dwcp.title}</strong>
            <br />
            <span className="muted">{t('home.country.period', { from: date(dwcp.periodStart), to: date(dwcp.periodEnd) })}</span>
          </p>
          <h3>{t('home.country.priorities')}</h3>
          <ul className="plain home-list">
            {dwcp.priorities.map((p) => (
              <li key={p.id}>
                <strong>{p.code}</strong> {p.title}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/**
 * The home: sections chosen by the rights the session lists (never by role), each scoped by the server — money
 * and flags with `finance.read` and `warnings.read`, projects, the calendar and a country's programme with
 * `projects.read` and `programming.read`. A donor (a partner reach) sees the reports of the projects it funds.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const { name } = useCountries();
  if (!user) return null;
  const country = can('programming.read') && user.countryCode ? user.countryCode : null;
  const projectsTitle = user.partnerId
    ? t('home.projects.titlePartner')
    : user.countryCode
      ? t('home.projects.titleCountry', { country: name(user.countryCode) })
      : t('home.projects.title');
  return (
    <section aria-labelledby="home-title" className="home">
      <h1 id="home-title">{t('home.title', { name: user.name })}</h1>
      <p className="intro">{t('home.intro')}</p>
      {can('finance.read') && <Figures />}
      <div className="home-grid">
        {can('warnings.read') && <Attention canOpen={can('finance.read')} />}
        {country && <CountryProgramme code={country} />}
        {can('projects.read') && <Projects title={projectsTitle} reports={Boolean(user.partnerId) && can('finance.read')} />}
        {can('programming.read') && <Milestones showCountry={!country} />}
      </div>
    </section>
  );
}
