// The app's state before its UI: the query cache with the requests nearly every page needs (who is
// signed in, the members, the pipelines) and the router, whose loaders ask for the page's own data.
// Both take the responses first-requests.ts already has on the way.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';
import './i18n.ts';
import { signedOutPages } from './first-requests.ts';
import { createAppRouter } from './router.tsx';
import { meQuery } from './session.ts';
import { membersQuery, pipelinesQuery } from './workspace-data.ts';

export function bootApp() {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
  if (!signedOutPages.test(window.location.pathname)) {
    void queryClient.prefetchQuery(meQuery);
    void queryClient.prefetchQuery(membersQuery);
    void queryClient.prefetchQuery(pipelinesQuery);
  }
  const router = createAppRouter(queryClient);
  router.load().catch((error: unknown) => console.error(error));
  return { queryClient, router };
}
