import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import type { Locale } from '../../shared/locales.ts';
import { LANGUAGE_NAMES, setLocale } from '../i18n/index.ts';
import { useSession } from '../session.tsx';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t('nav.language')}</span>
      <select value={i18n.language} onChange={(e) => setLocale(e.target.value as Locale)}>
        {(Object.keys(LANGUAGE_NAMES) as Locale[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The product's name and purpose, as the header and the sign-in card show them. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <span className="logo" aria-hidden="true" />
      <span>
        <strong>{t('app.name')}</strong>
        <small>{t('app.tagline')}</small>
      </span>
    </div>
  );
}

/** The frame of every signed-in page: skip link, header with navigation, language and account, then the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, signOut, can } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <Brand />
        {/* Each entry only for a user holding the right its page's API needs (src/shared/rights.ts): never by role. */}
        <nav aria-label={t('nav.main')}>
          <NavLink to="/" end>
            {t('home.nav')}
          </NavLink>
          {can('finance.read') && <NavLink to="/dashboards">{t('nav.dashboards')}</NavLink>}
          {can('projects.read') && <NavLink to="/projects">{t('nav.projects')}</NavLink>}
          {can('finance.read') && <NavLink to="/delivery">{t('nav.delivery')}</NavLink>}
          {can('partners.read') && <NavLink to="/partners">{t('nav.partners')}</NavLink>}
          {can('programming.read') && <NavLink to="/countries">{t('nav.countries')}</NavLink>}
          {can('programming.read') && <NavLink to="/calendar">{t('nav.calendar')}</NavLink>}
          {can('programming.read') && <NavLink to="/alignment">{t('nav.alignment')}</NavLink>}
          {can('frameworks.read') && <NavLink to="/frameworks">{t('nav.frameworks')}</NavLink>}
          {can('strategies.read') && <NavLink to="/plans">{t('plans.nav')}</NavLink>}
          {can('iati.validate') && <NavLink to="/iati">{t('nav.iati')}</NavLink>}
          {can('offices.read') && <NavLink to="/offices">{t('nav.offices')}</NavLink>}
          {can('audit.read') && <NavLink to="/audit">{t('nav.audit')}</NavLink>}
          <a href="/api/docs">{t('nav.api')}</a>
        </nav>
        <div className="account">
          <LanguageSwitch />
          {user && <span className="who">{t('nav.signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}</span>}
          <NavLink to="/account">{t('account.nav')}</NavLink>
          <button type="button" className="link" onClick={() => signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** A message announced to screen readers as it appears. */
export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
