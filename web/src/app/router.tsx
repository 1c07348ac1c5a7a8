// The routes. This module is part of the small entry chunk: every page's code is loaded lazily,
// and the routes' loaders start fetching a page's data while that code (and the app's UI library)
// is still on its way, so data and code arrive together instead of one after the other.
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
  redirect,
} from '@tanstack/react-router';
import { accountsList } from '../accounts/accounts-list.ts';
import { activitiesList } from '../activities/activities-list.ts';
import { filtersOf, parseBoardSearch } from '../board/board-address.ts';
import { prefetchBoard } from '../board/board-deals.ts';
import { contactsList } from '../contacts/contacts-list.ts';
import { dealsList } from '../deals/deals-list.ts';
import type { ListDefinition } from '../ui/list-view.ts';
import { prefetchList } from '../ui/use-record-pages.ts';
import { get } from './api.ts';
import {
  accountsPageCode,
  activitiesPageCode,
  boardPageCode,
  contactsPageCode,
  dealsPageCode,
  signedInLayoutCode,
  tasksPageCode,
} from './page-code.ts';
import { PagePending } from './page-pending.tsx';
import { meQuery } from './session.ts';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: lazyRouteComponent(() => import('../auth/setup-page.tsx'), 'SetupPage'),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  beforeLoad: async () => {
    const { setupNeeded } = await get<{ setupNeeded: boolean }>('/setup');
    if (setupNeeded) throw redirect({ to: '/setup' });
  },
  component: lazyRouteComponent(() => import('../auth/login-page.tsx'), 'LoginPage'),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: lazyRouteComponent(() =>
    import('../auth/invite-page.tsx').then(({ InvitePage }) => ({
      default: function Invite() {
        return <InvitePage token={inviteRoute.useParams().token} />;
      },
    })),
  ),
});

/** Every page behind sign-in: loads who is signed in first, or sends the visitor to setup or login. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) {
      const { setupNeeded } = await get<{ setupNeeded: boolean }>('/setup');
      throw redirect({ to: setupNeeded ? '/setup' : '/login' });
    }
  },
  pendingComponent: PagePending,
  component: lazyRouteComponent(signedInLayoutCode, 'SignedInLayout'),
});

const page = <P extends string>(path: P, component: RouteComponent) =>
  createRoute({ getParentRoute: () => appRoute, path, component });

/** A record list page whose first page of rows is requested as soon as the route matches. */
const listPage = <P extends string>(path: P, component: RouteComponent, list: ListDefinition) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component,
    loader: ({ context }) => prefetchList(context.queryClient, list),
  });

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/deals/board' });
  },
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/$id',
  component: lazyRouteComponent(() =>
    import('../accounts/account-page.tsx').then(({ AccountPage }) => ({
      default: function Account() {
        return <AccountPage id={accountRoute.useParams().id} />;
      },
    })),
  ),
});
const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts/$id',
  component: lazyRouteComponent(() =>
    import('../contacts/contact-page.tsx').then(({ ContactPage }) => ({
      default: function Contact() {
        return <ContactPage id={contactRoute.useParams().id} />;
      },
    })),
  ),
});
const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals/$id',
  component: lazyRouteComponent(() =>
    import('../deals/deal-page.tsx').then(({ DealPage }) => ({
      default: function Deal() {
        return <DealPage id={dealRoute.useParams().id} />;
      },
    })),
  ),
});
const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports/$id',
  component: lazyRouteComponent(() =>
    import('../imports/import-page.tsx').then(({ ImportPage }) => ({
      default: function Import() {
        return <ImportPage id={importRoute.useParams().id} />;
      },
    })),
  ),
});
const boardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals/board',
  component: lazyRouteComponent(boardPageCode, 'DealsBoardPage'),
  validateSearch: parseBoardSearch,
  loaderDeps: ({ search }) => filtersOf(search),
  // Not awaited: the board shows its own loading state, and a failed prefetch is retried by the page.
  loader: ({ context, deps }) => {
    void prefetchBoard(context.queryClient, deps).catch(() => undefined);
  },
});

const metricRecordsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/data-health/$metric',
  component: lazyRouteComponent(() =>
    import('../data-health/metric-records-page.tsx').then(({ MetricRecordsPage }) => ({
      default: function MetricRecords() {
        return <MetricRecordsPage metric={metricRecordsRoute.useParams().metric} />;
      },
    })),
  ),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  inviteRoute,
  appRoute.addChildren([
    indexRoute,
    listPage('/accounts', lazyRouteComponent(accountsPageCode, 'AccountsPage'), accountsList),
    accountRoute,
    listPage('/contacts', lazyRouteComponent(contactsPageCode, 'ContactsPage'), contactsList),
    contactRoute,
    listPage('/deals', lazyRouteComponent(dealsPageCode, 'DealsPage'), dealsList),
    boardRoute,
    dealRoute,
    listPage('/activities', lazyRouteComponent(activitiesPageCode, 'ActivitiesPage'), activitiesList),
    page('/tasks', lazyRouteComponent(tasksPageCode, 'TasksPage')),
    page(
      '/imports',
      lazyRouteComponent(() => import('../imports/imports-page.tsx'), 'ImportsPage'),
    ),
    importRoute,
    page(
      '/leads',
      lazyRouteComponent(() => import('../leads/leads-page.tsx'), 'LeadsPage'),
    ),
    page(
      '/prospects',
      lazyRouteComponent(() => import('../icp/prospects-page.tsx'), 'ProspectsPage'),
    ),
    page(
      '/glossary',
      lazyRouteComponent(() => import('../glossary/glossary-page.tsx'), 'GlossaryPage'),
    ),
    page(
      '/leads/inbox',
      lazyRouteComponent(() => import('../leads/lead-inbox-page.tsx'), 'LeadInboxPage'),
    ),
    page(
      '/leads/service-levels',
      lazyRouteComponent(() => import('../leads/service-levels-page.tsx'), 'ServiceLevelsPage'),
    ),
    page(
      '/settings/lead-routing',
      lazyRouteComponent(() => import('../leads/lead-routing-page.tsx'), 'LeadRoutingPage'),
    ),
    page(
      '/data-health',
      lazyRouteComponent(() => import('../data-health/data-health-page.tsx'), 'DataHealthPage'),
    ),
    metricRecordsRoute,
    page(
      '/duplicates',
      lazyRouteComponent(() => import('../duplicates/duplicates-page.tsx'), 'DuplicatesPage'),
    ),
    page(
      '/settings/scoring',
      lazyRouteComponent(() => import('../scoring/scoring-model-page.tsx'), 'ScoringModelPage'),
    ),
    page(
      '/settings/icp',
      lazyRouteComponent(() => import('../icp/icp-page.tsx'), 'IcpPage'),
    ),
    page(
      '/settings/profile',
      lazyRouteComponent(() => import('../settings/profile-page.tsx'), 'ProfilePage'),
    ),
    page(
      '/settings/users',
      lazyRouteComponent(() => import('../settings/users-page.tsx'), 'UsersPage'),
    ),
    page(
      '/settings/api-tokens',
      lazyRouteComponent(() => import('../settings/api-tokens-page.tsx'), 'ApiTokensPage'),
    ),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: PagePending,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
