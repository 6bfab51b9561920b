import type { TFunction } from 'i18next';
import type { MainText } from '../../electron/ipc/contract';
import { i18n } from './i18n';

/**
 * A sentence main wrote, in the window's language: its key's translation with its parameters, or
 * main's English text for a key this build does not know (a newer main, in development).
 */
export function mainText(t: TFunction, text: MainText | readonly MainText[]): string {
  if (Array.isArray(text)) return text.map((sentence: MainText) => mainText(t, sentence)).join(' ');
  const { key, params, text: english } = text as MainText;
  return i18n.exists(`main.${key}`) ? t(`main.${key}` as never, params) : english;
}
