import { Alert, Center, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAdmin, type Me, useMe } from '../app/session.ts';
import { useMembers } from '../app/workspace-data.ts';
import { InvitationsTable } from './invitations-table.tsx';
import { InviteForm } from './invite-form.tsx';
import { MembersTable } from './members-table.tsx';
import { useWorkspaceSettings } from './settings-api.ts';
import { SettingsSection } from './settings-section.tsx';
import { WorkspaceForm } from './workspace-form.tsx';

const loading = (
  <Center p="xl">
    <Loader />
  </Center>
);

/** Members, invitations and workspace settings: for admins and owners only. */
export function UsersPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  if (!me.data) return loading;
  if (!isAdmin(me.data))
    return (
      <Alert color="gray" title={t('users.title')}>
        {t('users.adminsOnly')}
      </Alert>
    );
  return (
    <Stack maw={960}>
      <Title order={1}>{t('users.title')}</Title>
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="members">{t('users.tab')}</Tabs.Tab>
          <Tabs.Tab value="workspace">{t('workspace.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members">
          <PeopleTab me={me.data} />
        </Tabs.Panel>
        <Tabs.Panel value="workspace">
          <WorkspaceTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function PeopleTab({ me }: { me: Me }) {
  const { t } = useTranslation('settings');
  const members = useMembers();
  return (
    <Stack>
      <SettingsSection title={t('users.members')}>
        {members.data ? <MembersTable me={me} members={members.data} /> : loading}
      </SettingsSection>
      <SettingsSection title={t('invite.title')} intro={t('invite.intro')}>
        <InviteForm me={me} />
      </SettingsSection>
      <SettingsSection title={t('invitations.title')}>
        <InvitationsTable />
      </SettingsSection>
    </Stack>
  );
}

function WorkspaceTab() {
  const { t } = useTranslation('settings');
  const workspace = useWorkspaceSettings();
  return (
    <SettingsSection title={t('workspace.title')}>
      {workspace.data ? <WorkspaceForm workspace={workspace.data} /> : loading}
    </SettingsSection>
  );
}
