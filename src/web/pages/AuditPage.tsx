import { type FormEvent, Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../shared/contracts/audit.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';

type Filter = Record<string, string | undefined>;

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** What changed between before and after, field by field. */
function Changes({ e }: { e: AuditEntry }) {
  const { t } = useTranslation();
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const hidden = new Set(['id', 'createdAt', 'updatedAt', 'created_at', 'updated_at', 'version', 'path']);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => show(before[k]) !== show(after[k]) && !hidden.has(k));
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="changes">
      {keys.map((k) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>
            {e.before ? (
              <del>
                <span className="visually-hidden">{t('audit.before')}: </span>
                {show(before[k])}
              </del>
            ) : null}
            {e.before && e.after ? ' → ' : null}
            {e.after ? (
              <ins>
                <span className="visually-hidden">{t('audit.after')}: </span>
                {show(after[k])}
              </ins>
            ) : null}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function AuditTable({ filter }: { filter: Filter }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });

  // The filter arrives as a new object on every render of the parent: depend on its content.
  const key = JSON.stringify(filter);
  const load = useCallback(
    (before?: number) => {
      api
        .audit({ ...JSON.parse(key), before, limit: 50 })
        .then((page) => {
          setItems((old) => (before && old ? [...old, ...page.items] : page.items));
          setNext(page.next);
        })
        .catch((e) => setError(e instanceof ApiError && e.status === 403 ? t('errors.forbidden') : String(e.message)));
    },
    [key, t],
  );
  useEffect(() => load(), [load]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!items) return <p>{t('errors.loading')}</p>;
  if (items.length === 0) return <p>{t('audit.none')}</p>;
  return (
    <>
      <table className="data audit">
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.via')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} className={e.action.endsWith('.rejected') ? 'rejected' : undefined}>
              <td>
                <time dateTime={e.at}>{fmt.format(new Date(e.at))}</time>
              </td>
              <td>{e.actorLabel}</td>
              <td>{e.via}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.entityType} <span className="muted">{e.entityId?.slice(0, 8)}</span>
              </td>
              <td>
                <Changes e={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <button type="button" onClick={() => load(next)}>
          {t('audit.more')}
        </button>
      )}
    </>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setFilter({
      entityType: String(f.get('entityType') || '') || undefined,
      action: String(f.get('action') || '') || undefined,
      from: String(f.get('from') || '') || undefined,
      to: String(f.get('to') || '') || undefined,
    });
  }

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p className="intro">{t('audit.intro')}</p>
      <form className="toolbar" onSubmit={apply}>
        <label>
          {t('audit.filterEntity')}
          <select name="entityType" defaultValue="">
            <option value="">—</option>
            <option value="office">office</option>
            <option value="user">user</option>
            <option value="partner">partner</option>
          </select>
        </label>
        <label>
          {t('audit.filterAction')}
          <input name="action" placeholder="update" size={12} />
        </label>
        <label>
          {t('audit.from')}
          <input name="from" type="date" />
        </label>
        <label>
          {t('audit.to')}
          <input name="to" type="date" />
        </label>
        <button type="submit">{t('audit.apply')}</button>
      </form>
      <AuditTable filter={filter} />
    </section>
  );
}
