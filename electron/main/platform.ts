import { BrowserWindow, dialog, shell } from 'electron';
import { HearthError } from '../ipc/errors';
import type { Platform } from '../services/handlers';

/** The real system dialogs (attached to the focused window) and the system's file opener. */
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
  async openPath(path) {
    // Resolves with an error message instead of rejecting (no app for the type, …).
    const problem = await shell.openPath(path);
    if (problem) throw new HearthError('UNSUPPORTED_FILE', `The system could not open the file: ${problem}`);
  },
  showInFolder(path) {
    shell.showItemInFolder(path);
    return Promise.resolve();
  },
  async openLink(url) {
    // A link in an answer was written by a model that read the user's files: the user sees the
    // full address and decides; nothing is fetched by Hearth itself.
    const options: Electron.MessageBoxOptions = {
      type: 'question',
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'Open this link in your browser?',
      detail: url,
    };
    const window = BrowserWindow.getFocusedWindow();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    if (response !== 0) return false;
    await shell.openExternal(url);
    return true;
  },
};
