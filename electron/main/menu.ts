import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** A packaged app has no Reload and no developer tools. */
  packaged: boolean;
  platform: NodeJS.Platform;
}

/**
 * The application menu: standard roles only (what users expect in a desktop app: quit, edit, zoom,
 * window), plus Reload and Developer Tools in development. Electron's default menu would give a
 * packaged app both.
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(options.packaged
      ? []
      : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
