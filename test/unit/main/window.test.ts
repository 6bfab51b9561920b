import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
const statePath = () => join(tempDir(), 'window-state.json');

/** Electron's binary cannot run here, so BrowserWindow is a recording stand-in. */
const created: Array<{ options: Record<string, unknown>; loaded: string[]; handlers: Map<string, () => void> }> = [];
const displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
vi.mock('electron', () => ({
  screen: { getAllDisplays: () => displays },
  BrowserWindow: class {
    loaded: string[] = [];
    handlers = new Map<string, () => void>();
    constructor(readonly options: Record<string, unknown>) {
      created.push(this as unknown as (typeof created)[number]);
    }
    once() {}
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler);
    }
    show() {}
    getNormalBounds() {
      return { x: 40, y: 60, width: 1000, height: 700 };
    }
    isMaximized() {
      return true;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow, secureWebPreferences } = await import('../../../electron/main/window');

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('isolates the renderer: sandbox and context isolation on, Node off', () => {
    const prefs = secureWebPreferences('/x/preload.cjs', false);
    expect(prefs).toMatchObject({
      devTools: false,
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('creates the window with those preferences and loads the app URL', () => {
    createMainWindow({ preloadPath: '/x/preload.cjs', url: 'app://hearth/', devTools: false, statePath: statePath() });
    expect(created).toHaveLength(1);
    expect(created[0]!.options['webPreferences']).toMatchObject({
      preload: '/x/preload.cjs',
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(created[0]!.options['show']).toBe(false);
    expect(created[0]!.loaded).toEqual(['app://hearth/']);
  });

  it('opens where it was closed, and remembers where that is', () => {
    const path = statePath();
    createMainWindow({ preloadPath: '/x/preload.cjs', url: 'app://hearth/', devTools: false, statePath: path });
    expect(created[0]!.options).toMatchObject({ width: 1200, height: 800 });
    expect(created[0]!.options['x']).toBeUndefined();
    created[0]!.handlers.get('close')!();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ x: 40, y: 60, width: 1000, height: 700, maximized: true });

    createMainWindow({ preloadPath: '/x/preload.cjs', url: 'app://hearth/', devTools: false, statePath: path });
    expect(created[1]!.options).toMatchObject({ x: 40, y: 60, width: 1000, height: 700 });
  });
});
