import { type FormEvent, type ReactElement, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { ErrorDetails } from '../../shared/contracts/errors.ts';
import type { Office } from '../../shared/contracts/offices.ts';
import type { User, UserCreate, UserUpdate } from '../../shared/contracts/users.ts';
import { LOCALES, type Locale } from '../../shared/locales.ts';
import { ROLE_SCOPE, ROLES, type Role } from '../../shared/rights.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { ErrorSummary, type FieldError, StaleNotice } from '../components/FormErrors.tsx';
import { Notice } from '../components/Layout.tsx';
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { useSession } from '../session.tsx';
import { useCountries } from '../useCountries.ts';
import { usePasswordRefusal } from './AccountPage.tsx';
import { AuditTable } from './AuditPage.tsx';
import { useScopeName } from './UsersPage.tsx';

interface Draft {
  name: string;
  email: string;
  role: Role;
  officeId: string;
  partnerId: string;
  countryCode: string;
  locale: Locale;
  password: string;
}

const toDraft = (u?: User, locale: Locale = 'en'): Draft => ({
  name: u?.name ?? '',
  email: u?.email ?? '',
  role: u?.role ?? 'programme_officer',
  officeId: u?.officeId ?? '',
  partnerId: u?.partnerId ?? '',
  countryCode: u?.countryCode ?? '',
  locale: u?.locale ?? locale,
  password: '',
});

/** The anchor field a role needs, if any. */
const scopeField = (role: Role) =>
  ({ office: 'officeId', partner: 'partnerId', country: 'countryCode', global: null })[ROLE_SCOPE[role]] as 'officeId' | 'partnerId' | 'countryCode' | null;

type Refusal = { fields: FieldError[]; notice?: string; stale?: ErrorDetails };

/** A refusal of the server, in the reader's language: each field's problem in plain words, or a stale save. */
function useRefusal() {
  const { t, i18n } = useTranslation();
  const passwordRefusal = usePasswordRefusal();
  const labels: Record<string, string> = {
    name: t('users.name'),
    email: t('users.email'),
    role: t('users.role'),
    officeId: t('users.office'),
    partnerId: t('users.partner'),
    countryCode: t('users.country'),
    locale: t('users.language'),
    password: t('users.form.password'),
    active: t('users.activation.title'),
  };
  return (err: unknown): Refusal => {
    if (!(err instanceof ApiError)) return { fields: [], notice: t('errors.generic', { message: String(err) }) };
    const d = err.details;
    if (err.code === 'CONFLICT' && d?.currentVersion) return { fields: [], stale: d };
    if (err.code === 'CONFLICT' && d?.field === 'email') return { fields: [{ field: 'email', label: labels.email as string, message: t('users.errors.emailTaken') }] };
    if (d?.reason === 'last_admin') return { fields: [], notice: t(d.field === 'role' ? 'users.errors.lastAdminRole' : 'users.errors.lastAdminActive') };
    if (d?.reason === 'own_account') return { fields: [], notice: t('users.reset.own') };
    if (err.code !== 'INVALID_INPUT') return { fields: [], notice: err.status === 403 ? t('errors.forbidden') : t('errors.generic', { message: err.message }) };
    const issues = d?.issues ?? (d?.field ? [{ field: d.field, message: err.message }] : []);
    const fields = issues.map(({ field = '', message }) => {
      const words =
        field === 'password'
          ? (passwordRefusal(d?.field === 'password' ? d : undefined) ?? t('account.weak.tooShort'))
          : i18n.exists(`users.errors.${field}`)
            ? t(`users.errors.${field}`)
            : message;
      return { field, label: labels[field] ?? field, message: words };
    });
    // In the form's order, so the summary reads as the form does.
    const order = Object.keys(labels);
    fields.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    return fields.length ? { fields } : { fields: [], notice: t('errors.generic', { message: err.message }) };
  };
}

/** The inputs of a user: name, e-mail, role, what the role works over, language, and a first password when creating. */
function UserFields({ draft, setDraft, errors, withPassword }: { draft: Draft; setDraft: (f: (d: Draft) => Draft) => void; errors: FieldError[]; withPassword: boolean }) {
  const { t } = useTranslation();
  const { countries, countryName } = useCountries();
  const [offices, setOffices] = useState<Office[]>([]);
  const [partners, setPartners] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    api
      .offices()
      .then((r) => setOffices([...r.items].sort((a, b) => a.name.localeCompare(b.name))))
      .catch(() => setOffices([]));
    api
      .partners()
      .then((r) => setPartners([...r.items].sort((a, b) => a.name.localeCompare(b.name))))
      .catch(() => setPartners([]));
  }, []);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const field = (
    key: keyof Draft,
    label: string,
    input: (p: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactElement,
    opts: { required?: boolean; hint?: string } = {},
  ) => {
    const err = errors.find((e) => e.field === key)?.message;
    const described = [opts.hint ? `h-${key}` : '', err ? `e-${key}` : ''].filter(Boolean).join(' ');
    const props = { id: `f-${key}`, 'aria-invalid': Boolean(err), ...(described ? { 'aria-describedby': described } : {}) };
    return (
      <div className={`field${err ? ' invalid' : ''}`}>
        <label htmlFor={props.id}>
          {label}
          {opts.required && <span className="req"> ({t('users.form.required')})</span>}
        </label>
        {input(props)}
        {opts.hint && (
          <span className="hint" id={`h-${key}`}>
            {opts.hint}
          </span>
        )}
        {err && (
          <span className="field-error" id={`e-${key}`}>
            {err}
          </span>
        )}
      </div>
    );
  };
  const anchor = scopeField(draft.role);
  return (
    <>
      {field(
        'name',
        t('users.name'),
        (p) => (
          <input {...p} value={draft.name} onChange={set('name')} maxLength={200} autoComplete="off" />
        ),
        { required: true },
      )}
      {field(
        'email',
        t('users.email'),
        (p) => (
          <input {...p} type="email" value={draft.email} onChange={set('email')} maxLength={254} autoComplete="off" />
        ),
        { required: true },
      )}
      {field('role', t('users.role'), (p) => (
        <select {...p} value={draft.role} onChange={set('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      ))}
      {anchor === 'officeId' &&
        field(
          'officeId',
          t('users.office'),
          (p) => (
            <select {...p} value={draft.officeId} onChange={set('officeId')}>
              <option value="">—</option>
              {offices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.code})
                </option>
              ))}
            </select>
          ),
          { required: true },
        )}
      {anchor === 'partnerId' &&
        field(
          'partnerId',
          t('users.partner'),
          (p) => (
            <select {...p} value={draft.partnerId} onChange={set('partnerId')}>
              <option value="">—</option>
              {partners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          ),
          { required: true },
        )}
      {anchor === 'countryCode' &&
        field(
          'countryCode',
          t('users.country'),
          (p) => (
            <select {...p} value={draft.countryCode} onChange={set('countryCode')}>
              <option value="">—</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {countryName(c)}
                </option>
              ))}
            </select>
          ),
          { required: true },
        )}
      {field('locale', t('users.language'), (p) => (
        <select {...p} value={draft.locale} onChange={set('locale')}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      ))}
      {withPassword &&
        field(
          'password',
          t('users.form.password'),
          (p) => <input {...p} type="password" value={draft.password} onChange={set('password')} maxLength={200} autoComplete="new-password" />,
          {
            required: true,
            hint: t('users.form.passwordHint'),
          },
        )}
    </>
  );
}

/** The scope of a draft as the API takes it: the role's anchor, the others null. */
function scopeOf(d: Draft) {
  const anchor = scopeField(d.role);
  return {
    officeId: anchor === 'officeId' ? d.officeId || null : null,
    partnerId: anchor === 'partnerId' ? d.partnerId || null : null,
    countryCode: anchor === 'countryCode' ? d.countryCode || null : null,
  };
}

/** A new user (administrators): the form is the page. */
export function NewUserPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const refusal = useRefusal();
  const [draft, setDraft] = useState<Draft>(() => toDraft(undefined, (LOCALES as readonly string[]).includes(i18n.language) ? (i18n.language as Locale) : 'en'));
  const [problem, setProblem] = useState<Refusal>({ fields: [] });
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem({ fields: [] });
    const body: UserCreate = { name: draft.name, email: draft.email, role: draft.role, locale: draft.locale, password: draft.password, ...scopeOf(draft) };
    try {
      const u = await api.createUser(body);
      navigate(`/users/${u.id}`, { state: { created: u.name } });
    } catch (err) {
      setProblem(refusal(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="form-title" className="form-page">
      <p>
        <Link to="/users">← {t('users.title')}</Link>
      </p>
      <h1 id="form-title">{t('users.form.createTitle')}</h1>
      <p className="intro">{t('users.form.intro')}</p>
      <ErrorSummary errors={problem.fields} />
      {problem.notice && <Notice kind="error">{problem.notice}</Notice>}
      <form onSubmit={create} noValidate>
        <fieldset disabled={busy}>
          <UserFields draft={draft} setDraft={setDraft} errors={problem.fields} withPassword />
          <div className="form-actions">
            <button type="submit">{busy ? t('users.form.creating') : t('users.form.create')}</button>
            <Link to="/users">{t('users.form.cancel')}</Link>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

/** One user (administrators): the account as it is, an editor opened on demand, access (deactivate, reactivate), a password reset, the history. */
export function UserPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const { user: me, can, signOut } = useSession();
  const refusal = useRefusal();
  const [user, setUser] = useState<User | null>(null);
  const [offices, setOffices] = useState<Office[]>([]);
  const [partners, setPartners] = useState<{ id: string; name: string }[]>([]);
  const scopeName = useScopeName(offices, partners);
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [draft, setDraft] = useState<Draft>(toDraft());
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Refusal>({ fields: [] });
  const [resetProblem, setResetProblem] = useState<Refusal>({ fields: [] });
  const [done, setDone] = useState<string | null>(
    (location.state as { created?: string } | null)?.created ? t('users.created', { name: (location.state as { created: string }).created }) : null,
  );
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const canWrite = can('users.write');
  const own = me?.id === id;

  const load = useCallback(async () => {
    setProblem({ fields: [] });
    try {
      const u = await api.user(id);
      setUser(u);
      setDraft(toDraft(u));
    } catch (e) {
      setLoadError(e instanceof ApiError && e.status === 404 ? t('errors.notFound') : t('errors.generic', { message: (e as Error).message }));
    }
  }, [id, t]);
  useEffect(() => {
    load();
    api
      .offices()
      .then((r) => setOffices(r.items))
      .catch(() => setOffices([]));
    api
      .partners()
      .then((r) => setPartners(r.items))
      .catch(() => setPartners([]));
  }, [load]);

  async function change(body: Omit<UserUpdate, 'version'>, message: (u: User) => string) {
    if (!user) return;
    setBusy(true);
    setProblem({ fields: [] });
    setDone(null);
    try {
      const u = await api.updateUser(user.id, { ...body, version: user.version });
      setUser(u);
      setDraft(toDraft(u));
      setEditing(false);
      setDone(message(u));
      if (own && !u.active) await signOut();
    } catch (err) {
      setProblem(refusal(err));
    } finally {
      setBusy(false);
    }
  }

  function save(e: FormEvent) {
    e.preventDefault();
    if (!user) return;
    const was = toDraft(user);
    const body: Omit<UserUpdate, 'version'> = {};
    if (draft.name !== was.name) body.name = draft.name;
    if (draft.email !== was.email) body.email = draft.email;
    if (draft.locale !== was.locale) body.locale = draft.locale;
    const anchor = scopeField(draft.role);
    if (draft.role !== was.role || (anchor && draft[anchor] !== was[anchor])) Object.assign(body, { role: draft.role }, scopeOf(draft));
    change(body, (u) => t('users.saved', { name: u.name }));
  }

  function setActive(active: boolean) {
    if (!user) return;
    if (!active && !window.confirm(t('users.activation.confirm', { name: user.name }))) return;
    change({ active }, (u) => t(active ? 'users.activation.reactivated' : 'users.activation.deactivated', { name: u.name }));
  }

  async function reset(e: FormEvent) {
    e.preventDefault();
    if (!user) return;
    setBusy(true);
    setResetProblem({ fields: [] });
    setDone(null);
    try {
      await api.resetUserPassword(user.id, password);
      setPassword('');
      setResetting(false);
      setDone(t('users.reset.done', { name: user.name }));
    } catch (err) {
      setResetProblem(refusal(err));
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <Notice kind="error">{loadError}</Notice>;
  if (!user) return <p>{t('errors.loading')}</p>;
  const resetError = resetProblem.fields.find((f) => f.field === 'password')?.message;

  return (
    <section aria-labelledby="user-title" className="form-page">
      <p>
        <Link to="/users">← {t('users.title')}</Link>
      </p>
      <h1 id="user-title">{user.name}</h1>
      {own && <p className="intro">{t('users.form.you')}</p>}
      {done && <Notice kind="success">{done}</Notice>}
      {problem.stale && <StaleNotice details={problem.stale} onReload={load} />}
      {problem.notice && <Notice kind="error">{problem.notice}</Notice>}
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('users.form.details')}</h2>
        {!editing ? (
          <>
            <dl className="account-facts">
              <dt>{t('users.email')}</dt>
              <dd>{user.email}</dd>
              <dt>{t('users.role')}</dt>
              <dd>{t(`roles.${user.role}`)}</dd>
              <dt>{t('users.scope')}</dt>
              <dd>{scopeName(user)}</dd>
              <dt>{t('users.language')}</dt>
              <dd lang={user.locale}>{LANGUAGE_NAMES[user.locale]}</dd>
              <dt>{t('users.status')}</dt>
              <dd>{user.active ? t('users.active') : t('users.inactive')}</dd>
            </dl>
            {canWrite && (
              <button type="button" onClick={() => setEditing(true)}>
                {t('users.form.edit')}
              </button>
            )}
          </>
        ) : (
          <>
            <ErrorSummary errors={problem.fields} />
            <form onSubmit={save} noValidate>
              <fieldset disabled={busy}>
                <UserFields draft={draft} setDraft={setDraft} errors={problem.fields} withPassword={false} />
                <div className="form-actions">
                  <button type="submit">{busy ? t('users.form.saving') : t('users.form.save')}</button>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setEditing(false);
                      setDraft(toDraft(user));
                      setProblem({ fields: [] });
                    }}
                  >
                    {t('users.form.cancel')}
                  </button>
                </div>
              </fieldset>
            </form>
          </>
        )}
      </section>
      {canWrite && (
        <section aria-labelledby="access-title">
          <h2 id="access-title">{t('users.activation.title')}</h2>
          <p>{user.active ? t('users.activation.activeText') : t('users.activation.inactiveText')}</p>
          {user.active ? (
            <button type="button" className="deactivate" disabled={busy} onClick={() => setActive(false)}>
              {t('users.activation.deactivate')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => setActive(true)}>
              {t('users.activation.reactivate')}
            </button>
          )}
        </section>
      )}
      {canWrite && (
        <section aria-labelledby="reset-title">
          <h2 id="reset-title">{t('users.reset.title')}</h2>
          {own ? (
            <p>
              <Link to="/account">{t('users.reset.own')}</Link>
            </p>
          ) : !resetting ? (
            <button type="button" onClick={() => setResetting(true)}>
              {t('users.reset.open')}
            </button>
          ) : (
            <>
              <ErrorSummary errors={resetProblem.fields} />
              {resetProblem.notice && <Notice kind="error">{resetProblem.notice}</Notice>}
              <form onSubmit={reset} noValidate>
                <fieldset disabled={busy}>
                  <p>{t('users.reset.intro')}</p>
                  <div className={`field${resetError ? ' invalid' : ''}`}>
                    <label htmlFor="f-password">{t('users.form.password')}</label>
                    <input
                      id="f-password"
                      type="password"
                      autoComplete="new-password"
                      value={password}
                      onChange={(e) => setPassword(e.target.value)}
                      maxLength={200}
                      aria-invalid={Boolean(resetError)}
                      aria-describedby={resetError ? 'h-password e-password' : 'h-password'}
                    />
                    <span className="hint" id="h-password">
                      {t('users.form.passwordHint')}
                    </span>
                    {resetError && (
                      <span className="field-error" id="e-password">
                        {resetError}
                      </span>
                    )}
                  </div>
                  <div className="form-actions">
                    <button type="submit">{busy ? t('users.reset.busy') : t('users.reset.submit')}</button>
                    <button type="button" className="link" onClick={() => setResetting(false)}>
                      {t('users.form.cancel')}
                    </button>
                  </div>
                </fieldset>
              </form>
            </>
          )}
        </section>
      )}
      {can('audit.read') && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('users.form.history')}</h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is reached by keyboard to scroll it */}
          <section className="table-wrap" tabIndex={0} aria-labelledby="history-title">
            <AuditTable filter={{ entityType: 'user', entityId: user.id }} />
          </section>
        </section>
      )}
    </section>
  );
}
