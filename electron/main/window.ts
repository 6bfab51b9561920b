import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { DEFAULT_SIZE, placeWindow, readWindowState, writeWindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  /** `app://hearth/` when packaged or previewed, the dev server URL under `electron-vite dev`. */
  url: string;
  /** Developer tools: off in a packaged app. */
  devTools: boolean;
  /** Where the window's size and place are kept between runs (`window-state.json` in userData). */
  statePath: string;
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
  const place = placeWindow(
    readWindowState(options.statePath),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...DEFAULT_SIZE,
    ...(place && { x: place.x, y: place.y, width: place.width, height: place.height }),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Hearth',
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  window.once('ready-to-show', () => {
    if (place?.maximized) window.maximize();
    window.show();
  });
  // Kept as it was when closed: the place before maximizing, and whether it was.
  window.on('close', () => {
    try {
      writeWindowState(options.statePath, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // A read-only data folder: the next start opens at the default place, nothing else is lost.
    }
  });
  void window.loadURL(options.url);
  return window;
}
