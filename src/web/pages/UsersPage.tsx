import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import type { Office } from '../../shared/contracts/offices.ts';
import type { User, UserListQuery } from '../../shared/contracts/users.ts';
import { ROLES } from '../../shared/rights.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';

/** What a user works over, in words: the whole organisation, an office, a partner or a country. */
export function useScopeName(offices: Office[], partners: { id: string; name: string }[]) {
  const { t } = useTranslation();
  const { name: countryName } = useCountries();
  return (u: Pick<User, 'officeId' | 'partnerId' | 'countryCode'>) => {
    if (u.officeId) return offices.find((o) => o.id === u.officeId)?.name ?? u.officeId;
    if (u.partnerId) return partners.find((p) => p.id === u.partnerId)?.name ?? u.partnerId;
    if (u.countryCode) return countryName(u.countryCode);
    return t('users.organisation');
  };
}

const FILTERS = ['q', 'role', 'officeId', 'active'] as const;

/** The organisation's accounts (administrators): filtered by role, office and status, searched by name or e-mail; the filters live in the URL. */
export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [users, setUsers] = useState<User[] | null>(null);
  const [offices, setOffices] = useState<Office[]>([]);
  const [partners, setPartners] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const saved = (location.state as { saved?: string } | null)?.saved;
  const scopeName = useScopeName(offices, partners);

  const filter = useMemo(() => Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)) as UserListQuery, [params]);

  useEffect(() => {
    api
      .offices()
      .then((r) => setOffices(r.items))
      .catch(() => setOffices([]));
    api
      .partners()
      .then((r) => setPartners(r.items))
      .catch(() => setPartners([]));
  }, []);

  useEffect(() => {
    setUsers(null);
    api
      .users(filter)
      .then((r) => setUsers(r.items))
      .catch((e) => setError(e instanceof ApiError && e.status === 403 ? t('errors.forbidden') : t('errors.generic', { message: (e as Error).message })));
  }, [filter, t]);

  // The search is sent a moment after typing stops, not on every key.
  useEffect(() => {
    const id = setTimeout(() => set('q', search.trim()), 300);
    return () => clearTimeout(id);
  });

  function set(key: (typeof FILTERS)[number], value: string) {
    if ((params.get(key) ?? '') === value) return;
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const sortedOffices = [...offices].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section aria-labelledby="users-title">
      <div className="page-head">
        <div>
          <h1 id="users-title">{t('users.title')}</h1>
          <p className="intro">{t('users.intro')}</p>
        </div>
        {can('users.write') && (
          <Link className="button" to="/users/new">
            {t('users.new')}
          </Link>
        )}
      </div>
      {saved && <Notice kind="success">{t('users.saved', { name: saved })}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <form className="toolbar filters user-filters" aria-label={t('users.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('users.search')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} />
        </label>
        <label>
          {t('users.filterRole')}
          <select value={params.get('role') ?? ''} onChange={(e) => set('role', e.target.value)}>
            <option value="">{t('users.any')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('users.filterOffice')}
          <select value={params.get('officeId') ?? ''} onChange={(e) => set('officeId', e.target.value)}>
            <option value="">{t('users.any')}</option>
            {sortedOffices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('users.filterActive')}
          <select value={params.get('active') ?? ''} onChange={(e) => set('active', e.target.value)}>
            <option value="">{t('users.any')}</option>
            <option value="true">{t('users.active')}</option>
            <option value="false">{t('users.inactive')}</option>
          </select>
        </label>
        {users && (
          <span className="count" role="status">
            {t('users.count', { count: users.length })}
          </span>
        )}
      </form>
      {!users ? (
        !error && <p>{t('errors.loading')}</p>
      ) : users.length === 0 ? (
        <p>{t('users.empty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is reached by keyboard to scroll it
        <section className="table-wrap" tabIndex={0} aria-labelledby="users-title">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.scope')}</th>
                <th scope="col">{t('users.language')}</th>
                <th scope="col">{t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link to={`/users/${u.id}`}>{u.name}</Link>
                  </th>
                  <td>{u.email}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td>{scopeName(u)}</td>
                  <td lang={u.locale}>{LANGUAGE_NAMES[u.locale]}</td>
                  <td>{u.active ? t('users.active') : <span className="badge warn">{t('users.inactive')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
