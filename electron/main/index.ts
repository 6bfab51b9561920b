import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { contract } from '../ipc/contract';
import { createDispatcher } from '../ipc/dispatch';
import { createServices, type Services } from '../services';
import { resolveVecExtensionPath } from '../services/store/vec-extension';
import { createHandlers } from '../services/handlers';
import { runCli } from '../cli';
import { cliArguments } from './cli-mode';
import { broadcast, registerIpcServer } from './ipc-server';
import { electronPlatform } from './platform';
import { APP_ORIGIN, registerAppSchemePrivileges, serveRenderer } from './protocol';
import { installMenu } from './menu';
import { nativeText } from './native-text';
import { resolveLanguage } from '../ipc/languages';
import { feedUrlFrom } from '../services/updates/update-feed';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { forkUtilityProcess } from './utility-process';

/**
 * The composition root: a list of set-up steps, nothing else. Behaviour lives in services;
 * Electron specifics live in the files imported above.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const appUrl = devServerUrl ?? `${APP_ORIGIN}/`;
let services: Services | undefined;

// A portable install (or a test) may keep its data elsewhere; must be set before anything reads it.
if (process.env['HEARTH_DATA_DIR']) app.setPath('userData', process.env['HEARTH_DATA_DIR']);

const cliArgs = cliArguments(process.argv, app.isPackaged);
if (cliArgs) {
  // `hearth <command>`: run it and exit, no window, no single-instance lock (the app may be open).
  // After `ready`: utility processes (the indexer) cannot be started before it.
  void app
    .whenReady()
    .then(() => runCli(cliArgs, { vecExtensionPath: resolveVecExtensionPath(), fork: forkUtilityProcess }))
    .then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemePrivileges();
  hardenWebContents(app);
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && openWindow());
  app.on('before-quit', closeServicesFirst);
  void app.whenReady().then(start);
}

function start(): void {
  hardenSession(session.defaultSession, { devServerOrigin: devServerUrl && new URL(devServerUrl).origin });
  serveRenderer(join(here, '../renderer'));
  showMenu();
  try {
    services = createServices({
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      electronVersion: process.versions.electron ?? null,
      emit: broadcast,
      vecExtensionPath: resolveVecExtensionPath(),
      fork: forkUtilityProcess,
      llama: { maxThreads: availableParallelism() },
      updates: { feedUrl: releaseFeed() },
    });
  } catch (error) {
    // e.g. a database from a newer Hearth, or a data folder without permission: say so and stop,
    // rather than run without the user's data.
    dialog.showErrorBox(text().startFailed, error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  // The menu and main's dialogs speak the language the user picks, from the next one shown.
  services.settings.onChange(showMenu);
  // Changes made while Hearth was closed, then every change while it runs.
  void services.library.startSync();
  registerIpcServer({
    dispatcher: createDispatcher(contract, createHandlers(services, electronPlatform(text))),
    isTrustedUrl: (url) => url.startsWith(appUrl),
  });
  openWindow();
}

/**
 * Where this build's releases are published: electron-builder writes `app-update.yml` into the
 * resources when its `publish` setting names them, and electron-updater reads the same file.
 * A build without one (from source, or `publish: null`) has no update source.
 */
function releaseFeed(): string | null {
  const file = join(process.resourcesPath, 'app-update.yml');
  return app.isPackaged && existsSync(file) ? feedUrlFrom(readFileSync(file, 'utf8')) : null;
}

/** Main's own words, in the language the setting picks (the system's until the services start). */
function text() {
  const setting = services?.settings.get().language ?? 'system';
  return nativeText(resolveLanguage(setting, app.getPreferredSystemLanguages()));
}

function showMenu(): void {
  installMenu({ packaged: app.isPackaged, platform: process.platform, text: text() });
}

/** Unloads models and closes the databases cleanly before the process exits. */
function closeServicesFirst(event: Electron.Event): void {
  const running = services;
  if (!running) return;
  services = undefined;
  event.preventDefault();
  void running.dispose().finally(() => app.quit());
}

function openWindow(): void {
  createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    url: appUrl,
    devTools: !app.isPackaged,
    statePath: join(app.getPath('userData'), 'window-state.json'),
  });
}

function focusMainWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
