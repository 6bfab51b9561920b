import { BrowserWindow, dialog } from 'electron';
import type { Platform } from '../services/handlers';

/** The real system dialogs, attached to the focused window. */
export const electronPlatform: Platform = {
  async pickModelFile() {
    const window = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = {
      title: 'Import a GGUF model',
      properties: ['openFile'],
      filters: [{ name: 'GGUF models', extensions: ['gguf'] }],
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async pickFolder() {
    const window = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = { title: 'Add a folder to the library', properties: ['openDirectory'] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};
