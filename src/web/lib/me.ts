import { useQuery } from '@tanstack/react-query';
import { ApiError, http, type Output } from './api.ts';

/** The signed-in person, as `GET /auth/me` answers. */
export type Me = Output<'/auth/me'>;
export type Role = Me['roles'][number];

export const meQueryKey = ['me'] as const;

/** The signed-in person, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await http.get('/auth/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** `admin` holds every role. */
export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  if (!me) return false;
  return me.roles.includes('admin') || roles.some((r) => me.roles.includes(r));
}

export const isAnyAdmin = (me: Me | null | undefined) => hasRole(me, 'hr_admin', 'learning_admin');
