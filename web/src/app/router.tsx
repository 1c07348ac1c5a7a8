import { Center, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { AccountPage } from '../accounts/account-page.tsx';
import { AccountsPage } from '../accounts/accounts-page.tsx';
import { ActivitiesPage } from '../activities/activities-page.tsx';
import { TasksPage } from '../activities/tasks-page.tsx';
import { InvitePage } from '../auth/invite-page.tsx';
import { LoginPage } from '../auth/login-page.tsx';
import { SetupPage } from '../auth/setup-page.tsx';
import { ContactPage } from '../contacts/contact-page.tsx';
import { ContactsPage } from '../contacts/contacts-page.tsx';
import { DealPage } from '../deals/deal-page.tsx';
import { DealsBoardPage } from '../deals/deals-board-page.tsx';
import { DealsPage } from '../deals/deals-page.tsx';
import { ApiTokensPage } from '../settings/api-tokens-page.tsx';
import { ProfilePage } from '../settings/profile-page.tsx';
import { UsersPage } from '../settings/users-page.tsx';
import { get } from './api.ts';
import { Layout } from './layout.tsx';
import { fetchMe, type Me, meQueryKey } from './session.ts';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: SetupPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  beforeLoad: async () => {
    const { setupNeeded } = await get<{ setupNeeded: boolean }>('/setup');
    if (setupNeeded) throw redirect({ to: '/setup' });
  },
  component: LoginPage,
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: function Invite() {
    const { token } = inviteRoute.useParams();
    return <InvitePage token={token} />;
  },
});

/** Every page behind sign-in: loads who is signed in first, or sends the visitor to setup or login. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData({ queryKey: meQueryKey, queryFn: fetchMe });
    if (!me) {
      const { setupNeeded } = await get<{ setupNeeded: boolean }>('/setup');
      throw redirect({ to: setupNeeded ? '/setup' : '/login' });
    }
    return { me };
  },
  pendingComponent: () => (
    <Center mih="100vh">
      <Loader />
    </Center>
  ),
  component: function App() {
    const { me } = appRoute.useRouteContext() as { me: Me };
    return <Layout me={me} />;
  },
});

const page = <P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => appRoute, path, component });

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
  component: function Account() {
    return <AccountPage id={accountRoute.useParams().id} />;
  },
});
const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts/$id',
  component: function Contact() {
    return <ContactPage id={contactRoute.useParams().id} />;
  },
});
const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals/$id',
  component: function Deal() {
    return <DealPage id={dealRoute.useParams().id} />;
  },
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  inviteRoute,
  appRoute.addChildren([
    indexRoute,
    page('/accounts', AccountsPage),
    accountRoute,
    page('/contacts', ContactsPage),
    contactRoute,
    page('/deals', DealsPage),
    page('/deals/board', DealsBoardPage),
    dealRoute,
    page('/activities', ActivitiesPage),
    page('/tasks', TasksPage),
    page('/settings/profile', ProfilePage),
    page('/settings/users', UsersPage),
    page('/settings/api-tokens', ApiTokensPage),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
