import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CurrentUser, LoginInput, Session, SessionState, ChangePasswordInput } from '@renda/shared';
import { api } from '../api';

export const sessionKey = ['session'] as const;

/** Asks who is signed in; a visitor gets `user: null` (not a 401, which the browser would log as an error). */
async function fetchSession(): Promise<Session | null> {
  const state = await api.get<SessionState>('/api/auth/session');
  return state.user ? { user: state.user, csrfToken: state.csrfToken } : null;
}

/** The signed-in session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data.user;
}

/** Starts or ends a session, forgetting everything cached for the previous user. */
export function setSession(queryClient: QueryClient, session: Session | null) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, session);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Session>('/api/auth/login', input),
    onSuccess: (session) => setSession(queryClient, session),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => setSession(queryClient, null),
  });
}

export const changePassword = (input: ChangePasswordInput) => api.post('/api/auth/change-password', input);
