import { Input, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, languages } from '../app/i18n.ts';
import { useLanguageChoice } from './use-language-choice.ts';

/** No save button: someone who picked a language they cannot read should not have to find one. */
export function LanguageSwitch() {
  const { t } = useTranslation('settings');
  const choose = useLanguageChoice();
  return (
    <Input.Wrapper label={t('profile.language')} description={t('profile.languageHint')}>
      <SegmentedControl
        display="flex"
        mt={4}
        value={currentLanguage()}
        onChange={(value) => choose(value as Language)}
        data-testid="profile-language"
        data={languages.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
      />
    </Input.Wrapper>
  );
}
