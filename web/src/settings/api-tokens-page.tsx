import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/session.ts';
import { ApiTokensTable } from './api-tokens-table.tsx';
import { CreateTokenForm } from './create-token-form.tsx';
import { useApiTokens } from './settings-api.ts';
import { SettingsSection } from './settings-section.tsx';

export function ApiTokensPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const tokens = useApiTokens();
  const timeZone = me.data?.user.timeZone ?? me.data?.workspace.timeZone;
  return (
    <Stack maw={960}>
      <Title order={1}>{t('tokens.title')}</Title>
      <Text c="dimmed">{t('tokens.intro')}</Text>
      <SettingsSection title={t('tokens.new')}>
        <CreateTokenForm />
      </SettingsSection>
      <SettingsSection title={t('tokens.list')}>
        {tokens.isPending ? (
          <Center p="md">
            <Loader />
          </Center>
        ) : tokens.data?.length ? (
          <ApiTokensTable tokens={tokens.data} {...(timeZone ? { timeZone } : {})} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('tokens.none')}
          </Text>
        )}
      </SettingsSection>
    </Stack>
  );
}
