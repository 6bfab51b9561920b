import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { NativeText } from './native-text';

export interface MenuOptions {
  /** A packaged app has no Reload and no developer tools. */
  packaged: boolean;
  platform: NodeJS.Platform;
  /** The menu's own words (its roles' items are named by Electron). */
  text: Pick<NativeText, 'fileMenu' | 'viewMenu'>;
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
    { label: options.text.fileMenu, submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: options.text.viewMenu, submenu: view },
    { role: 'windowMenu' },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
