import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { Brand, LanguageSwitch, Notice } from '../components/Layout.tsx';
import { useSession } from '../session.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'RATE_LIMITED') setError(t('signIn.throttled', { seconds: err.details?.retryAfterSeconds ?? 60 }));
      else if (err instanceof ApiError && err.details?.reason === 'disabled') setError(t('users.signInDisabled'));
      else if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') setError(t('signIn.failed'));
      else setError(t('errors.generic', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="signin">
      <div className="signin-card">
        <Brand />
        <h1>{t('signIn.title')}</h1>
        {error && <Notice kind="error">{error}</Notice>}
        <form onSubmit={submit}>
          <label>
            {t('signIn.email')}
            <input name="email" type="email" autoComplete="username" required />
          </label>
          <label>
            {t('signIn.password')}
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
        <LanguageSwitch />
      </div>
    </main>
  );
}
