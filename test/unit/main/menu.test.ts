import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: {} }));
const { menuTemplate } = await import('../../../electron/main/menu');
const text = { fileMenu: 'File', viewMenu: 'View' };

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'a packaged app on %s has no Reload and no developer tools',
    (platform) => {
      const packaged = roles(menuTemplate({ packaged: true, platform, text }));
      expect(packaged).not.toContain('reload');
      expect(packaged).not.toContain('forceReload');
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'windowMenu']));
      expect(packaged).toContain(platform === 'darwin' ? 'appMenu' : 'quit');
    },
  );

  it('development keeps Reload and the developer tools', () => {
    expect(roles(menuTemplate({ packaged: false, platform: 'linux', text }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });
});
