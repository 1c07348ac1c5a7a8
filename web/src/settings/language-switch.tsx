import { Input, SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { currentLanguage, i18n, type Language, languages } from '../app/i18n.ts';
import { messageOf } from '../ui/form-errors.ts';
import { useProfileUpdate } from './use-profile-update.ts';

/**
 * Switches the interface at once (no save button: a user who picked a language they cannot read
 * should not have to find one) and stores the choice on the account, so it follows them to
 * another browser.
 */
export function LanguageSwitch() {
  const { t } = useTranslation('settings');
  const update = useProfileUpdate();
  const choose = (value: string) => {
    const language = value as Language;
    void i18n.changeLanguage(language);
    update.mutate(
      { locale: language },
      {
        onError: (error) =>
          notifications.show({ color: 'red', message: messageOf(error, t('profile.saveFailed')) }),
      },
    );
  };
  return (
    <Input.Wrapper label={t('profile.language')} description={t('profile.languageHint')}>
      <SegmentedControl
        display="flex"
        mt={4}
        value={currentLanguage()}
        onChange={choose}
        data-testid="profile-language"
        data={languages.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
      />
    </Input.Wrapper>
  );
}
