import { useMemo, useState } from 'react';
import { Toaster } from 'sonner';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ChatScreen } from './features/chat/chat-screen';
import { LibraryScreen } from './features/library/library-screen';
import { ModelsScreen } from './features/models/models-screen';
import { SearchScreen } from './features/search/search-screen';
import { SettingsProvider, useSettings } from './features/settings/settings-context';
import { SettingsScreen } from './features/settings/settings-screen';
import { WelcomeScreen } from './features/welcome/welcome-screen';
import { ErrorBoundary } from './shell/error-boundary';
import { useNotices } from './shell/notices';
import { useCommands } from './lib/commands';
import { CommandPalette } from './shell/command-palette';
import { useKeyboardShortcuts } from './shell/keyboard';
import { ShortcutsHelp } from './shell/shortcuts-help';
import { SCREENS, Sidebar } from './shell/sidebar';
import { useTranslation } from 'react-i18next';

function Shell() {
  const { t } = useTranslation();
  useNotices();
  const { settings } = useSettings();
  const [location, navigate] = useLocation();
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  useKeyboardShortcuts();
  useCommands(
    useMemo(
      () => [
        ...SCREENS.map(({ path, label, keys }) => ({
          id: `go:${path}`,
          label: t('commands.goTo', { screen: t(label) }),
          group: 'go' as const,
          keys,
          run: () => navigate(path),
        })),
        {
          id: 'palette',
          label: t('commands.palette'),
          group: 'help' as const,
          keys: 'Mod+K',
          run: () => setPalette(true),
        },
        { id: 'help', label: t('commands.shortcuts'), group: 'help' as const, keys: 'Mod+/', run: () => setHelp(true) },
      ],
      [navigate, t],
    ),
  );
  // A first start opens on the welcome guide until it is finished or skipped.
  if (settings && !settings.onboardingDone && location !== '/welcome') return <Redirect to="/welcome" />;
  return (
    <div className="flex h-screen bg-background text-foreground">
      <Sidebar />
      <main className="flex-1 overflow-y-auto">
        <ErrorBoundary resetKey={location}>
          <Switch>
            <Route path="/chat" component={ChatScreen} />
            <Route path="/search" component={SearchScreen} />
            <Route path="/library" component={LibraryScreen} />
            <Route path="/models" component={ModelsScreen} />
            <Route path="/settings" component={SettingsScreen} />
            <Route path="/welcome" component={WelcomeScreen} />
            <Route>
              <Redirect to="/chat" />
            </Route>
          </Switch>
        </ErrorBoundary>
      </main>
      <Toaster theme={settings?.theme ?? 'system'} position="bottom-right" />
      <CommandPalette open={palette} onOpenChange={setPalette} />
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}

export function App() {
  return (
    <Router hook={useHashLocation}>
      <SettingsProvider>
        <Shell />
      </SettingsProvider>
    </Router>
  );
}
