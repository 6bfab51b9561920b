import type { Language } from './schemas/settings';

/**
 * The languages Hearth speaks, in the window (app/i18n/locales/, each complete) and in main's own
 * dialogs and menu (electron/main/native-text.ts).
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Locale = (typeof LANGUAGES)[number];

/**
 * The language to show for the `language` setting: the one chosen, or for `system` the first of
 * the operating system's preferred languages that Hearth has (`de-AT` is German), else English.
 */
export function resolveLanguage(setting: Language, preferred: readonly string[]): Locale {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LANGUAGES.find((language) => language === base);
    if (found) return found;
  }
  return 'en';
}
