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
  async installUpdate(network) {
    // Loaded only now: nothing of the updater runs until the user asks for an update.
    const { autoUpdater } = await import('electron-updater');
    autoUpdater.autoDownload = false;
    autoUpdater.autoInstallOnAppQuit = false;
    autoUpdater.logger = null;
    // electron-updater fetches with Electron's own network stack: each request is listed by hand,
    // as answered once it resolves (it throws on any status but 2xx).
    const checked = network.record('update-download', 'GET', feedUrl(autoUpdater));
    const found = await autoUpdater.checkForUpdates().catch((error: unknown) => {
      checked.failed(error);
      throw error;
    });
    checked.answered(200);
    if (!found?.isUpdateAvailable) return;
    const downloading = network.record('update-download', 'GET', feedUrl(autoUpdater));
    // Verified before it is installed: the SHA-512 the release file names and, on Windows and
    // macOS, the publisher's code signature; a file that fails either is not installed.
    await autoUpdater.downloadUpdate().catch((error: unknown) => {
      downloading.failed(error);
      throw error;
    });
    downloading.answered(200);
    autoUpdater.quitAndInstall();
  },
});

/** Where the updater looks (from the app-update.yml the build wrote), for the network activity. */
function feedUrl(updater: { getFeedURL(): string | null | undefined }): string {
  return updater.getFeedURL() ?? 'https://github.com/';
}
