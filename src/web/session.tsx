import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { SessionUser } from '../shared/contracts/session.ts';
import type { Locale } from '../shared/locales.ts';
import type { Right } from '../shared/rights.ts';
import { ApiError } from './api/client.ts';
import { api } from './api.ts';
import { setLocale } from './i18n/index.ts';

interface SessionState {
  user: SessionUser | null;
  checking: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Ends every session of the user's, this one included. */
  signOutEverywhere(): Promise<void>;
  /** Shows the interface in a language, and keeps it as the signed-in user's own (the one every sign-in takes). */
  chooseLocale(locale: Locale): Promise<void>;
  /**
   * Whether the server gives the user a right (the session lists them): screens show and hide by this, never by
   * role. Hiding is for the reader; the server refuses what the right does not allow whatever the screen shows.
   */
  can(right: Right): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * Who is signed in, asked of the server once at start; sign-in and sign-out update it. A signed-in user sees the
 * interface in their account's language.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<SessionUser | null>(null);
  const [checking, setChecking] = useState(true);
  const setUser = useCallback((u: SessionUser | null) => {
    if (u) void setLocale(u.locale);
    setUserState(u);
  }, []);

  useEffect(() => {
    api
      .currentUser()
      .then(setUser)
      .catch((e) => {
        if (!(e instanceof ApiError && e.status === 401)) console.error(e);
      })
      .finally(() => setChecking(false));
  }, [setUser]);

  const signIn = useCallback(async (email: string, password: string) => setUser(await api.signIn(email, password)), [setUser]);
  const signOut = useCallback(async () => {
    await api.signOut().catch(() => undefined);
    setUser(null);
  }, [setUser]);

  const signOutEverywhere = useCallback(async () => {
    await api.signOutEverywhere();
    setUser(null);
  }, [setUser]);

  const chooseLocale = useCallback(
    async (locale: Locale) => {
      await setLocale(locale);
      if (user && user.locale !== locale) setUserState(await api.setOwnLocale(locale));
    },
    [user],
  );

  const can = useCallback((right: Right) => user?.rights.includes(right) ?? false, [user]);

  return <SessionContext.Provider value={{ user, checking, signIn, signOut, signOutEverywhere, chooseLocale, can }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
