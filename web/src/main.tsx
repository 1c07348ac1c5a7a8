// The entry point stays small: it starts the requests nearly every page needs (who is signed in,
// the members, the pipelines) and the router, whose loaders ask for the page's own data, and only
// then loads the app's UI, so the API answers while the browser is still parsing that code.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './app/api.ts';
import './app/i18n.ts';
import { createAppRouter } from './app/router.tsx';
import { meQuery } from './app/session.ts';
import { membersQuery, pipelinesQuery } from './app/workspace-data.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const signedOutPages = /^\/(login|setup|invite)(\/|$)/;
if (!signedOutPages.test(window.location.pathname)) {
  void queryClient.prefetchQuery(meQuery);
  void queryClient.prefetchQuery(membersQuery);
  void queryClient.prefetchQuery(pipelinesQuery);
}

const router = createAppRouter(queryClient);
router.load().catch((error: unknown) => console.error(error));

void import('./app/start.tsx').then(({ startApp }) => startApp(queryClient, router));
