import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, connectSession, unwrap } from '../api/client';
import type { Me } from '../api/types';

/**
 * The login session: the bearer token lives in sessionStorage (gone with the tab), never in a
 * cookie, so no request is sent with credentials the page did not add itself. The session ends
 * at the token's expiry or at the API's first 401, and the login page says why.
 */
interface Session {
  user: Me | null;
  token: string | null;
  /** Why the last session ended (expired), shown on the login page. */
  endedBecause: 'expired' | null;
  login(username: string, password: string): Promise<void>;
  logout(reason?: 'expired'): void;
}

const SessionContext = createContext<Session | null>(null);
const STORAGE_KEY = 'console.session';
/** Why the last session ended, kept beside it: the 401 may reach a page that is then reloaded or left. */
const ENDED_KEY = 'console.sessionEnded';
const endedReason = (): 'expired' | null => (sessionStorage.getItem(ENDED_KEY) === 'expired' ? 'expired' : null);

interface Stored {
  token: string;
  user: Me;
  expiresAt: number;
}

const load = (): Stored | null => {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
    return stored && stored.expiresAt > Date.now() ? stored : null;
  } catch {
    return null;
  }
};

/** The token's `exp` claim (seconds), read without verifying: the API verifies, this only schedules the logout. */
const expiryOf = (token: string): number => {
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return claims.exp ? claims.exp * 1000 : Date.now() + 3_600_000;
  } catch {
    return Date.now() + 3_600_000;
  }
};

export function SessionProvider({ children, language }: { children: ReactNode; language: string }) {
  const queryClient = useQueryClient();
  const [stored, setStored] = useState<Stored | null>(load);
  const [endedBecause, setEndedBecause] = useState<'expired' | null>(endedReason);

  const logout = useCallback(
    (reason?: 'expired') => {
      sessionStorage.removeItem(STORAGE_KEY);
      if (reason) sessionStorage.setItem(ENDED_KEY, reason);
      else sessionStorage.removeItem(ENDED_KEY);
      setStored(null);
      setEndedBecause(reason ?? null);
      queryClient.clear();
    },
    [queryClient],
  );

  // Connected while rendering, before any child's query runs (children's effects run before this
  // component's), so the first requests after a reload already carry the token.
  useMemo(
    () =>
      connectSession({
        token: () => load()?.token ?? null,
        language: () => language,
        onUnauthenticated: () => logout('expired'),
      }),
    [language, logout],
  );

  useEffect(() => {
    if (!stored) return;
    const timer = setTimeout(() => logout('expired'), Math.max(stored.expiresAt - Date.now(), 0));
    return () => clearTimeout(timer);
  }, [stored, logout]);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await unwrap(api.POST('/auth/login', { body: { username, password } }));
    const next = { token: answer.accessToken, user: answer.user, expiresAt: expiryOf(answer.accessToken) };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    sessionStorage.removeItem(ENDED_KEY);
    setEndedBecause(null);
    setStored(next);
  }, []);

  const value = useMemo<Session>(
    () => ({ user: stored?.user ?? null, token: stored?.token ?? null, endedBecause, login, logout }),
    [stored, endedBecause, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const hasRole = (user: Me | null, ...roles: string[]): boolean =>
  !!user && user.roles.some((role) => roles.includes(role));
