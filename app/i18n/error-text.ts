import type { TFunction } from 'i18next';
import type { ErrorCode, HearthErrorData } from '../../electron/ipc/contract';
import { i18n } from './i18n';
import { mainText } from './main-text';

/**
 * What a failure says in the window's language. A message main wrote by key (main-text.ts) is
 * translated with its parameters; any other is main's English, shown as is in English and, in
 * another language, replaced by what its code means there: never an English sentence in a German
 * window.
 */
export function errorText(
  t: TFunction,
  error: Pick<HearthErrorData, 'message' | 'key' | 'params'> & { code: ErrorCode | null },
): string {
  if (error.key) return mainText(t, { key: error.key, params: error.params ?? {}, text: error.message });
  if (i18n.resolvedLanguage === 'en' || error.code === null) return error.message;
  return t(`errors.${error.code}`);
}
