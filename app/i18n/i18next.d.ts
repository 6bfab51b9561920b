import 'i18next';
import type { en } from './locales/en';

/** Makes `t('…')` check its key (and a plural's `count`) against the English resources. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
