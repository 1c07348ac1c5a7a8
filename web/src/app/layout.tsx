import { AppShell, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import {
  IconArrowsSplit,
  IconBook,
  IconBuilding,
  IconChecklist,
  IconClockExclamation,
  IconCopy,
  IconFileImport,
  IconFilter,
  IconGauge,
  IconHeartbeat,
  IconInbox,
  IconKey,
  IconLayoutKanban,
  IconList,
  IconLogout,
  IconSearch,
  IconSettings,
  IconTarget,
  IconTargetArrow,
  IconTimeline,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../notifications/notification-bell.tsx';
import { GlobalSearch } from '../search/global-search.tsx';
import { useLanguageChoice } from '../settings/use-language-choice.ts';
import { post } from './api.ts';
import { languages } from './i18n.ts';
import { isAdmin, type Me, useMe } from './session.ts';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

function navItems(t: (key: string) => string, me: Me): NavItem[] {
  const items: NavItem[] = [
    { to: '/deals/board', label: t('nav.board'), icon: <IconLayoutKanban size={18} /> },
    { to: '/deals', label: t('nav.deals'), icon: <IconList size={18} /> },
    { to: '/accounts', label: t('nav.accounts'), icon: <IconBuilding size={18} /> },
    { to: '/contacts', label: t('nav.contacts'), icon: <IconUsers size={18} /> },
    { to: '/leads', label: t('leads:title'), icon: <IconFilter size={18} /> },
    { to: '/leads/inbox', label: t('leads:inbox.title'), icon: <IconInbox size={18} /> },
    {
      to: '/leads/service-levels',
      label: t('leads:reports.title'),
      icon: <IconClockExclamation size={18} />,
    },
    { to: '/prospects', label: t('icp:prospects.title'), icon: <IconTargetArrow size={18} /> },
    { to: '/activities', label: t('nav.activities'), icon: <IconTimeline size={18} /> },
    { to: '/tasks', label: t('nav.tasks'), icon: <IconChecklist size={18} /> },
    { to: '/duplicates', label: t('duplicates:title'), icon: <IconCopy size={18} /> },
    { to: '/data-health', label: t('data-health:title'), icon: <IconHeartbeat size={18} /> },
    { to: '/imports', label: t('imports:title'), icon: <IconFileImport size={18} /> },
    { to: '/settings/scoring', label: t('scoring:model.title'), icon: <IconGauge size={18} /> },
    { to: '/settings/lead-routing', label: t('leads:routing.title'), icon: <IconArrowsSplit size={18} /> },
    { to: '/settings/icp', label: t('icp:profile.nav'), icon: <IconTarget size={18} /> },
    { to: '/glossary', label: t('glossary:title'), icon: <IconBook size={18} /> },
    { to: '/settings/profile', label: t('nav.profile'), icon: <IconUser size={18} /> },
    { to: '/settings/api-tokens', label: t('nav.apiTokens'), icon: <IconKey size={18} /> },
  ];
  if (isAdmin(me))
    items.push({ to: '/settings/users', label: t('nav.users'), icon: <IconSettings size={18} /> });
  return items;
}

/** The frame of every signed-in page: navigation, search, language and account menu. */
export function Layout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const chooseLanguage = useLanguageChoice();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => post('/auth/logout'),
    onSettled: async () => {
      queryClient.clear();
      await navigate({ to: '/login' });
    },
  });
  const items = navItems(t, me);
  // The most specific item whose address the page is at or under (Leads, not also the lead inbox).
  const current = items
    .map((item) => item.to)
    .filter((to) => pathname === to || (to !== '/deals' && pathname.startsWith(`${to}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.settings')}
            />
            <Text fw={700} size="lg">
              {t('brand')}
            </Text>
            <Text c="dimmed" visibleFrom="sm" truncate>
              {me.workspace.name}
            </Text>
          </Group>
          <Group wrap="nowrap" gap="xs">
            <UnstyledButton
              onClick={() => spotlight.open()}
              aria-label={t('search.open')}
              data-testid="open-search"
            >
              <Group gap={6} wrap="nowrap">
                <IconSearch size={18} />
                <Text size="sm" visibleFrom="sm">
                  {t('search.open')}{' '}
                  <Text span c="dimmed" size="xs">
                    ({t('search.shortcut')})
                  </Text>
                </Text>
              </Group>
            </UnstyledButton>
            <NotificationBell />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={me.user.name} data-testid="user-menu">
                  <Text size="sm" fw={500}>
                    {me.user.name}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('account.language')}</Menu.Label>
                {languages.map((language) => (
                  <Menu.Item
                    key={language}
                    onClick={() => chooseLanguage(language)}
                    data-testid={`language-${language}`}
                  >
                    {t(`languages.${language}`)}
                  </Menu.Item>
                ))}
                <Menu.Divider />
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()}>
                  {t('account.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              activeOptions={{ exact: true }}
              label={item.label}
              leftSection={item.icon}
              active={item.to === current}
              onClick={close}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}

/** The layout route's component: beforeLoad has made sure someone is signed in. */
export function SignedInLayout() {
  const me = useMe().data;
  return me ? <Layout me={me} /> : null;
}
