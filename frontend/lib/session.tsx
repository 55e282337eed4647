import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { MeDocument, type MeQuery } from '../gql/graphql';
import { Busy, LoadFailed } from '../components/Busy';
import { queryClient, useGqlQuery } from './data';
import { csrfHeaders, NotSignedInError } from './graphql';

type Viewer = NonNullable<MeQuery['me']>;
export type Membership = Viewer['memberships'][number];

interface Session {
  viewer: Viewer;
  /** The school the user works in now (R3: one school at a time), or undefined when they hold no role anywhere. */
  membership?: Membership;
  /** The school's id, '' when there is none. */
  schoolId: string;
  hasRole: (role: 'ADMIN' | 'SUPERVISOR') => boolean;
  selectSchool: (schoolId: string) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);
const SCHOOL_KEY = 'klaspoort.school';
const RETURN_KEY = 'klaspoort.returnTo';

/** Loads the signed-in user; sends anyone not signed in to the login page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { data, error, refetch } = useGqlQuery(MeDocument, {});
  const [schoolId, setSchoolId] = useState<string | null>(() => localStorage.getItem(SCHOOL_KEY));

  useEffect(() => {
    if (error instanceof NotSignedInError || (data && !data.me)) {
      // a mailed link (its token in the fragment) opens again after signing in
      if (window.location.hash) sessionStorage.setItem(RETURN_KEY, window.location.pathname + window.location.hash);
      window.location.assign('/login');
    } else if (data?.me && sessionStorage.getItem(RETURN_KEY)) {
      const back = sessionStorage.getItem(RETURN_KEY) ?? '/';
      sessionStorage.removeItem(RETURN_KEY);
      if (back !== window.location.pathname + window.location.hash) window.location.assign(back);
    }
  }, [data, error]);

  const selectSchool = useCallback((id: string) => {
    localStorage.setItem(SCHOOL_KEY, id);
    setSchoolId(id);
  }, []);

  const logout = useCallback(async () => {
    await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() });
    queryClient.clear();
    window.location.assign('/login');
  }, []);

  const value = useMemo<Session | undefined>(() => {
    const viewer = data?.me;
    if (!viewer) {
      return undefined;
    }
    const membership = viewer.memberships.find((m) => m.school.id === schoolId) ?? viewer.memberships[0];
    return {
      viewer,
      membership,
      schoolId: membership?.school.id ?? '',
      hasRole: (role) => membership?.roles.includes(role) ?? false,
      selectSchool,
      logout,
    };
  }, [data, schoolId, selectSchool, logout]);

  if (!value) {
    return error && !(error instanceof NotSignedInError) ? <LoadFailed onRetry={() => void refetch()} /> : <Busy />;
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession outside SessionProvider');
  }
  return session;
}
