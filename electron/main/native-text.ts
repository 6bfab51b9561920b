import type { Locale } from '../ipc/languages';

/**
 * The words main shows itself, outside the window: the system dialogs it opens and its menu. The
 * window's own words are in app/i18n/locales/; these few live here because main shows them before
 * and beside any window, in the language the setting picks (resolved against the system's).
 */
const EN = {
  pickModelTitle: 'Import a GGUF model',
  ggufModels: 'GGUF models',
  pickFolderTitle: 'Add a folder to the library',
  openLinkMessage: 'Open this link in your browser?',
  openLinkButton: 'Open in browser',
  cancel: 'Cancel',
  fileMenu: 'File',
  viewMenu: 'View',
  startFailed: 'Hearth could not start',
};

/** Every language has each of English's words (the type says so). */
const TEXTS: Record<Locale, typeof EN> = {
  en: EN,
  de: {
    pickModelTitle: 'Ein GGUF-Modell importieren',
    ggufModels: 'GGUF-Modelle',
    pickFolderTitle: 'Einen Ordner zur Bibliothek hinzufügen',
    openLinkMessage: 'Diesen Link im Browser öffnen?',
    openLinkButton: 'Im Browser öffnen',
    cancel: 'Abbrechen',
    fileMenu: 'Datei',
    viewMenu: 'Ansicht',
    startFailed: 'Hearth konnte nicht starten',
  },
};

export type NativeText = typeof EN;

/** Main's words in `language`. */
export function nativeText(language: Locale): NativeText {
  return TEXTS[language];
}
