import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../electron/ipc/contract';
import { LANGUAGES, resolveLanguage } from '../../electron/ipc/languages';
import { de } from './locales/de';
import { en } from './locales/en';
import { formatters } from './format';

/**
 * The window's one i18next instance. The resources are bundled (two small objects), so it is ready
 * before the first render and never fetches anything. Interpolated values are not escaped here:
 * React escapes what it renders.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: resolveLanguage('system', navigator.languages),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

// The formats main's sentences name (electron/ipc/main-text.ts), written the language's way.
const NUMBER_FORMATS: Record<string, Intl.NumberFormatOptions> = {
  number: { maximumFractionDigits: 0 },
  fixed1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  fixed2: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
};
for (const [name, options] of Object.entries(NUMBER_FORMATS)) {
  i18n.services.formatter?.add(name, (value: number, language?: string) =>
    new Intl.NumberFormat(language, options).format(value),
  );
}
i18n.services.formatter?.add('bytes', (value: number, language?: string) =>
  formatters(language ?? 'en', i18n.t).bytes(value),
);

/** Shows the window in the language the setting asks for, and says so to assistive technology. */
export function applyLanguage(setting: Language): void {
  const language = resolveLanguage(setting, navigator.languages);
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}
