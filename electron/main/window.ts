import { BrowserWindow, type WebPreferences } from 'electron';

export interface MainWindowOptions {
  preloadPath: string;
  /** `app://hearth/` when packaged or previewed, the dev server URL under `electron-vite dev`. */
  url: string;
  /** Developer tools: off in a packaged app. */
  devTools: boolean;
}

/** The renderer gets no Node, no Electron, and its own JS world; only the preload's `window.hearth`. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Hearth',
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
