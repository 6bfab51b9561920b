import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Electron's binary cannot run here, so BrowserWindow is a recording stand-in. */
const created: Array<{ options: Record<string, unknown>; loaded: string[] }> = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      created.push(this as unknown as (typeof created)[number]);
    }
    once() {}
    show() {}
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
    createMainWindow({ preloadPath: '/x/preload.cjs', url: 'app://hearth/', devTools: false });
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
});
