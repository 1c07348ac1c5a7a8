import { Center, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/session.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { PasswordForm } from './password-form.tsx';
import { ProfileForm } from './profile-form.tsx';
import { SettingsSection } from './settings-section.tsx';

export function ProfilePage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  if (!me.data)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  return (
    <Stack maw={640}>
      <Title order={1}>{t('profile.title')}</Title>
      <SettingsSection title={t('profile.languageSection')}>
        <LanguageSwitch />
      </SettingsSection>
      <SettingsSection title={t('profile.details')}>
        {/* keyed by user so a switch of account never shows the previous person's values */}
        <ProfileForm key={me.data.user.id} me={me.data} />
      </SettingsSection>
      <SettingsSection title={t('password.title')} intro={t('password.intro')}>
        <PasswordForm />
      </SettingsSection>
    </Stack>
  );
}
