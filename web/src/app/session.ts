import type { meResponse } from '@baken/core/platform/auth.schema';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, get, setCsrfToken } from './api.ts';
import { currentLanguage, i18n } from './i18n.ts';

export type Me = z.infer<typeof meResponse>;

export const meQueryKey = ['me'] as const;

/** Who is signed in, or null; keeps the CSRF token for the API client. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQuery = queryOptions({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });

export const useMe = () => useQuery(meQuery);

/** Whether the signed-in user may change records (everyone but viewers). */
export function canWrite(me: Me | null | undefined): boolean {
  return Boolean(me && me.role !== 'viewer');
}

/** Managers and above: models, routing and other workspace-wide sales settings. */
export function isManager(me: Me | null | undefined): boolean {
  return Boolean(me && (me.role === 'owner' || me.role === 'admin' || me.role === 'manager'));
}

export function isAdmin(me: Me | null | undefined): boolean {
  return Boolean(me && (me.role === 'owner' || me.role === 'admin'));
}

/** After signing in: forget the cached "nobody" and ask again who is signed in. */
export async function refreshSession(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ queryKey: meQueryKey });
  const me = await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe });
  // The account's language wins over the browser's once signed in: it follows the user everywhere.
  const language = me?.user.locale;
  if ((language === 'nl' || language === 'en') && language !== currentLanguage())
    await i18n.changeLanguage(language);
}
