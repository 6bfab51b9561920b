import { BrowserWindow, dialog, shell } from 'electron';
import { HearthError } from '../ipc/errors';
import { mainText } from '../ipc/main-text';
import type { Platform } from '../services/handlers';
import type { NativeText } from './native-text';

/**
 * The real system dialogs (attached to the focused window, in the language `text` gives now) and
 * the system's file opener.
 */
export const electronPlatform = (text: () => NativeText): Platform => ({
  async pickModelFile() {
    const window = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = {
      title: text().pickModelTitle,
      properties: ['openFile'],
      filters: [{ name: text().ggufModels, extensions: ['gguf'] }],
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async pickFolder() {
    const window = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = { title: text().pickFolderTitle, properties: ['openDirectory'] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async openPath(path) {
    // Resolves with an error message instead of rejecting (no app for the type, …).
    const problem = await shell.openPath(path);
    if (problem) throw new HearthError('UNSUPPORTED_FILE', mainText('system.cannotOpen', { problem }));
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
      buttons: [text().openLinkButton, text().cancel],
      defaultId: 1,
      cancelId: 1,
      message: text().openLinkMessage,
      detail: url,
    };
    const window = BrowserWindow.getFocusedWindow();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    if (response !== 0) return false;
    await shell.openExternal(url);
    return true;
  },
});
