import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import type { Settings, SettingsPatch } from '../../../electron/ipc/contract';
import { invoke, on } from '../../api';
import { applyTheme, watchSystemTheme } from './apply-theme';

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

  const accept = useCallback((next: Settings) => {
    themeRef.current = next.theme;
    applyTheme(next.theme);
    setSettings(next);
  }, []);

  useEffect(() => {
    void invoke('settings.get').then((result) => {
      if (result.ok) accept(result.value);
      else toast.error(`Could not load settings: ${result.error.message}`);
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
      const result = await invoke('settings.set', patch);
      if (result.ok) accept(result.value);
      else toast.error(`Could not save settings: ${result.error.message}`);
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
