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
import { Sidebar } from './shell/sidebar';

function Shell() {
  useNotices();
  const { settings } = useSettings();
  const [location] = useLocation();
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
