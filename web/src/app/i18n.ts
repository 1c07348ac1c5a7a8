import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

// Every feature folder keeps its strings in locales/nl.json and locales/en.json; the folder name is
// the namespace (useTranslation('accounts')). Found at build time, so a new feature needs no wiring.
const files = import.meta.glob<{ default: Record<string, unknown> }>('/src/*/locales/*.json', {
  eager: true,
});
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const match = /\/src\/([^/]+)\/locales\/(\w+)\.json$/.exec(path);
  if (!match) continue;
  const [, namespace, language] = match as unknown as [string, string, string];
  resources[language] ??= {};
  resources[language][namespace] = module.default;
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...languages],
    fallbackLng: 'nl',
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      caches: ['localStorage'],
      lookupLocalStorage: 'baken.language',
    },
  });

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
}

export { i18n };
