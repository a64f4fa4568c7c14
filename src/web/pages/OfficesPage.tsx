import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Office } from '../../shared/contracts/offices.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';

interface Row {
  office: Office;
  depth: number;
  hasChildren: boolean;
}

/** Depth-first rows of the tree, children by name; offices whose parent is out of sight are roots. */
function treeRows(offices: Office[], collapsed: Set<string>, locale: string): Row[] {
  const ids = new Set(offices.map((o) => o.id));
  const children = new Map<string | null, Office[]>();
  for (const o of offices) {
    const key = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(key, [...(children.get(key) ?? []), o]);
  }
  const rows: Row[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, locale));
    for (const office of list) {
      const hasChildren = (children.get(office.id) ?? []).length > 0;
      rows.push({ office, depth, hasChildren });
      if (hasChildren && !collapsed.has(office.id)) walk(office.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

export function OfficesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { name: countryName } = useCountries();
  const location = useLocation();
  const [offices, setOffices] = useState<Office[] | null>(null);
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(
    (location.state as { saved?: string } | null)?.saved ? { kind: 'success', text: t('offices.saved', { name: (location.state as { saved: string }).saved }) } : null,
  );
  const canWrite = can('offices.write');

  const load = useCallback(() => {
    api
      .offices()
      .then((r) => setOffices(r.items))
      .catch((e) => setMessage({ kind: 'error', text: e instanceof ApiError && e.status === 403 ? t('errors.forbidden') : t('errors.generic', { message: e.message }) }));
  }, [t]);
  useEffect(load, [load]);

  const rows = useMemo(() => {
    if (!offices) return [];
    const q = query.trim().toLowerCase();
    if (!q) return treeRows(offices, collapsed, i18n.language);
    return offices
      .filter((o) => [o.name, o.code, o.city ?? '', countryName(o.countryCode)].some((v) => v.toLowerCase().includes(q)))
      .map((office) => ({ office, depth: 0, hasChildren: false }));
  }, [offices, query, collapsed, i18n.language, countryName]);

  const toggle = (id: string) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function remove(o: Office) {
    if (!window.confirm(t('offices.confirmDelete', { name: o.name }))) return;
    try {
      await api.deleteOffice(o.id, o.version);
      setMessage({ kind: 'success', text: t('offices.deleted', { name: o.name }) });
      load();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  }

  return (
    <section aria-labelledby="offices-title">
      <div className="page-head">
        <div>
          <h1 id="offices-title">{t('offices.title')}</h1>
          <p className="intro">{t('offices.intro')}</p>
        </div>
        {canWrite && (
          <Link className="button" to="/offices/new">
            {t('offices.new')}
          </Link>
        )}
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <div className="toolbar">
        <label>
          <span className="visually-hidden">{t('offices.search')}</span>
          <input type="search" placeholder={t('offices.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {offices && <span className="count">{t('offices.count', { count: rows.length })}</span>}
      </div>
      {!offices ? (
        <p>{t('errors.loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('offices.empty')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('offices.name')}</th>
              <th scope="col">{t('offices.code')}</th>
              <th scope="col">{t('offices.type')}</th>
              <th scope="col">{t('offices.country')}</th>
              <th scope="col">{t('offices.city')}</th>
              {canWrite && <th scope="col">{t('offices.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ office: o, depth, hasChildren }) => (
              <tr key={o.id}>
                <th scope="row" style={{ paddingLeft: `${0.75 + depth * 1.4}rem` }}>
                  {hasChildren ? (
                    <button
                      type="button"
                      className="toggle"
                      aria-expanded={!collapsed.has(o.id)}
                      aria-label={t(collapsed.has(o.id) ? 'offices.expand' : 'offices.collapse', { name: o.name })}
                      onClick={() => toggle(o.id)}
                    >
                      {collapsed.has(o.id) ? '▸' : '▾'}
                    </button>
                  ) : (
                    <span className="toggle-space" aria-hidden="true" />
                  )}
                  <Link to={`/offices/${o.id}`}>{o.name}</Link>
                  {o.isSynthetic && (
                    <span className="badge" title={t('app.syntheticHint')}>
                      {t('app.synthetic')}
                    </span>
                  )}
                </th>
                <td>
                  <code>{o.code}</code>
                </td>
                <td>{t(`officeTypes.${o.officeType}`)}</td>
                <td>{countryName(o.countryCode)}</td>
                <td>{o.city}</td>
                {canWrite && (
                  <td className="actions">
                    <Link to={`/offices/${o.id}`}>{t('offices.edit')}</Link>
                    <button type="button" className="link danger" aria-label={t('offices.deleteNamed', { name: o.name })} onClick={() => remove(o)}>
                      {t('offices.delete')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
