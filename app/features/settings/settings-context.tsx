import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Settings, SettingsPatch } from '../../../electron/ipc/contract';
import { invoke, on } from '../../api';
import { applyTheme, watchSystemTheme } from './apply-theme';
import { applyLanguage } from '../../i18n/i18n';
import { reportError } from '../../lib/error-report';

interface SettingsState {
  /** `null` until the first load answers. */
  settings: Settings | null;
  update(patch: SettingsPatch): Promise<boolean>;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** Loads settings once, keeps them in sync with main, and applies the theme. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const themeRef = useRef<Settings['theme']>('system');
  /** What is shown now, for `update` to put back when main refuses a change. */
  const shownRef = useRef<Settings | null>(null);

  const accept = useCallback((next: Settings) => {
    themeRef.current = next.theme;
    applyTheme(next.theme);
    applyLanguage(next.language);
    shownRef.current = next;
    setSettings(next);
  }, []);

  useEffect(() => {
    void invoke('settings.get').then((result) => {
      if (result.ok) accept(result.value);
      else reportError(result.error, { context: 'settings.load' });
    });
    const stopEvents = on('settings.changed', accept);
    const stopSystem = watchSystemTheme(() => themeRef.current);
    return () => {
      stopEvents();
      stopSystem();
    };
  }, [accept]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      // Shown at once: a switch that waited for main's answer would flip back under the pointer
      // until it came, and a busy machine makes that wait long.
      const before = shownRef.current;
      if (before) {
        shownRef.current = { ...before, ...patch };
        setSettings(shownRef.current);
      }
      const result = await invoke('settings.set', patch);
      if (result.ok) accept(result.value);
      else {
        if (before) {
          shownRef.current = before;
          setSettings(before);
        }
        reportError(result.error, { context: 'settings.save' });
      }
      return result.ok;
    },
    [accept],
  );

  return <SettingsContext.Provider value={{ settings, update }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings must be used inside <SettingsProvider>.');
  return state;
}
