import type { Contract } from '../../ipc/contract';
import type { Handlers } from '../../ipc/dispatch';
import type { Services } from '..';
import { apiHandlers } from '../api-server/api-handlers';
import { appHandlers } from '../app/app-handlers';
import { chatHandlers } from '../chat/chat-handlers';
import { libraryHandlers } from '../library/library-handlers';
import { modelsHandlers } from '../models/models-handlers';
import { searchHandlers } from '../search/search-handlers';
import { settingsHandlers } from '../settings/settings-handlers';
import { composeHandlers, type DomainHandlers } from './domain';
import type { NetworkLog } from '../network/network-log';

/**
 * What only the host can do (system dialogs). Electron's main supplies the real ones; the test
 * bridge supplies stand-ins, since a native dialog is a boundary a browser test cannot drive.
 */
export interface Platform {
  pickModelFile(): Promise<string | null>;
  pickFolder(): Promise<string | null>;
  /** Opens a file in the system's default app for it. */
  openPath(path: string): Promise<void>;
  /** Shows a file selected in the system's file manager. */
  showInFolder(path: string): Promise<void>;
  /** Asks the user whether to open an http(s) link in their browser, and does; `true` if opened. */
  openLink(url: string): Promise<boolean>;
  /**
   * Downloads the newer release, verifies it and restarts into it (electron-updater), each request
   * logged in `network`. Only the desktop app can; elsewhere it refuses.
   */
  installUpdate(network: NetworkLog): Promise<void>;
}

/**
 * Opening a search hit's file. The renderer names a document by id, never a path: main opens only
 * what the library indexed, as it was indexed, and never as a program (document-opener.ts).
 */
function shellHandlers(platform: Platform, { library }: Pick<Services, 'library'>): DomainHandlers<'shell'> {
  return {
    invoke: {
      'shell.openDocument': ({ documentId }) => library.opener.open(documentId, (path) => platform.openPath(path)),
      'shell.showDocument': async ({ documentId }) => {
        await platform.showInFolder(library.documentPath(documentId));
        return null;
      },
      'shell.openLink': ({ url }) => platform.openLink(url),
    },
    stream: {},
  };
}

function dialogHandlers(platform: Platform): DomainHandlers<'dialog'> {
  return {
    invoke: {
      'dialog.pickModelFile': () => platform.pickModelFile(),
      'dialog.pickFolder': () => platform.pickFolder(),
    },
    stream: {},
  };
}

/**
 * The one map from channel to service, composed from each domain's own map. Every transport
 * (Electron IPC, the test bridge) mounts this map, so what the tests drive is what the app runs.
 */
export function createHandlers(services: Services, platform: Platform): Handlers<Contract> {
  return composeHandlers([
    appHandlers(services, platform),
    settingsHandlers(services),
    apiHandlers(services),
    modelsHandlers(services),
    libraryHandlers(services),
    searchHandlers(services),
    chatHandlers(services),
    shellHandlers(platform, services),
    dialogHandlers(platform),
  ]);
}
