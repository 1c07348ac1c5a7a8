import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { i18n, type Language } from '../app/i18n.ts';
import { messageOf } from '../ui/form-errors.ts';
import { useProfileUpdate } from './use-profile-update.ts';

/**
 * Switches the interface at once and stores the choice on the account, so it follows the user to
 * another browser. Exported for every language picker (the profile page, the account menu) so
 * the two cannot drift apart.
 */
export function useLanguageChoice(): (language: Language) => void {
  const { t } = useTranslation('settings');
  const update = useProfileUpdate();
  return (language) => {
    void i18n.changeLanguage(language);
    update.mutate(
      { locale: language },
      {
        onError: (error) =>
          notifications.show({ color: 'red', message: messageOf(error, t('profile.saveFailed')) }),
      },
    );
  };
}
