import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/locales.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { useSession } from '../session.tsx';

type Field = 'current' | 'new' | 'confirm';

/** Why the server refused a password, in the reader's language, from zxcvbn's keys in the error's details. */
export function usePasswordRefusal() {
  const { t, i18n } = useTranslation();
  return (details: { reason?: string; warning?: string | null; suggestions?: string[] } | undefined): string | null => {
    if (details?.reason === 'too_short') return t('account.weak.tooShort');
    if (details?.reason !== 'weak_password') return null;
    const known = (key: string) => i18n.exists(key);
    const parts = [
      t('account.weak.guessable'),
      details.warning && known(`account.weak.warnings.${details.warning}`) ? t(`account.weak.warnings.${details.warning}`) : null,
      ...(details.suggestions ?? []).filter((s) => known(`account.weak.suggestions.${s}`)).map((s) => t(`account.weak.suggestions.${s}`)),
    ];
    return parts.filter(Boolean).join(' ');
  };
}

/** The signed-in user's own language: saved to the account, which every sign-in takes. */
function OwnLanguage() {
  const { t } = useTranslation();
  const { user, chooseLocale } = useSession();
  const [locale, setLocale] = useState<Locale>(user?.locale ?? 'en');
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The header's switcher saves the language too: the form follows it.
  useEffect(() => setLocale(user?.locale ?? 'en'), [user?.locale]);
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      await chooseLocale(locale);
      setNotice({ kind: 'success', text: t('users.account.saved') });
    } catch (err) {
      setNotice({ kind: 'error', text: t('errors.generic', { message: (err as Error).message }) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="language-title">
      <h2 id="language-title">{t('users.account.title')}</h2>
      <p>{t('users.account.intro')}</p>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <form onSubmit={save}>
        <fieldset disabled={busy}>
          <div className="field">
            <label htmlFor="f-locale">{t('users.account.label')}</label>
            <select id="f-locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit">{t('users.account.save')}</button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

/** A signed-in user's own account: the language, change the password (the other sessions end), sign out everywhere. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user, signOutEverywhere } = useSession();
  const refusal = usePasswordRefusal();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const current = String(data.get('current'));
    const next = String(data.get('new'));
    setNotice(null);
    if (next !== String(data.get('confirm'))) {
      setErrors({ confirm: t('account.password.mismatch') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.changePassword(current, next);
      form.reset();
      setNotice({ kind: 'success', text: t('account.password.done') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'RATE_LIMITED')
        setNotice({ kind: 'error', text: t('account.password.throttled', { seconds: err.details?.retryAfterSeconds ?? 60 }) });
      else if (err instanceof ApiError && err.details?.field === 'currentPassword') setErrors({ current: t('account.password.wrong') });
      else if (err instanceof ApiError && err.details?.field === 'newPassword') setErrors({ new: refusal(err.details) ?? err.message });
      else setNotice({ kind: 'error', text: t('errors.generic', { message: (err as Error).message }) });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const error = errors[name];
    const described = [hint ? `h-${name}` : '', error ? `e-${name}` : ''].filter(Boolean).join(' ');
    return (
      <div className={`field${error ? ' invalid' : ''}`}>
        <label htmlFor={`f-${name}`}>{label}</label>
        <input
          id={`f-${name}`}
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          maxLength={200}
          aria-invalid={Boolean(error)}
          aria-describedby={described || undefined}
        />
        {hint && (
          <span className="hint" id={`h-${name}`}>
            {hint}
          </span>
        )}
        {error && (
          <span className="field-error" id={`e-${name}`}>
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="account-title" className="form-page">
      <h1 id="account-title">{t('account.title')}</h1>
      <p>{t('account.intro', { email: user?.email ?? '' })}</p>
      <OwnLanguage />
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('account.password.title')}</h2>
        <form onSubmit={change} noValidate>
          <fieldset disabled={busy}>
            {/* The e-mail lets password managers file the new password under the right account. */}
            <input type="email" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
            {field('current', t('account.password.current'), 'current-password')}
            {field('new', t('account.password.new'), 'new-password', t('account.password.hint'))}
            {field('confirm', t('account.password.confirm'), 'new-password')}
            <div className="form-actions">
              <button type="submit">{busy ? t('account.password.busy') : t('account.password.submit')}</button>
            </div>
          </fieldset>
        </form>
      </section>
      <section aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">{t('account.everywhere.title')}</h2>
        <p>{t('account.everywhere.intro')}</p>
        <button type="button" onClick={() => signOutEverywhere().catch((err) => setNotice({ kind: 'error', text: t('errors.generic', { message: (err as Error).message }) }))}>
          {t('account.everywhere.submit')}
        </button>
      </section>
    </section>
  );
}
