import type { Contract } from '../ipc/contract';
import type { Handlers } from '../ipc/dispatch';
import type { Services } from '../services';

/**
 * What only the host can do (system dialogs). Electron's main supplies the real ones; the test
 * bridge supplies stand-ins, since a native dialog is a boundary a browser test cannot drive.
 */
export interface Platform {
  pickModelFile(): Promise<string | null>;
}

/**
 * The one map from channel to service. Every transport (Electron IPC, the test bridge) mounts this
 * same map, so what the tests drive is what the app runs. One line per channel: logic belongs in
 * the service. This file must not import `electron`.
 */
export function createHandlers(services: Services, platform: Platform): Handlers<Contract> {
  const { models } = services;
  return {
    invoke: {
      'app.info': () => services.appInfo.get(),
      'app.notices': () => services.notices.list(),
      'settings.get': () => services.settings.get(),
      'settings.set': (patch) => services.settings.set(patch),
      'models.list': () => models.list(),
      'models.get': ({ id }) => models.get(id),
      'models.inspect': ({ path }) => models.inspect(path),
      'models.import': ({ path, mode }) => models.import(path, mode),
      'models.remove': ({ id }) => models.remove(id).then(() => null),
      'models.setSettings': ({ id, patch }) => models.setSettings(id, patch),
      'models.state': () => models.state(),
      'models.unload': (target) => models.unload(target),
      'models.catalog': () => models.catalog(services.catalog),
      'models.partialDownloads': () => services.downloads.partials(),
      'models.discardDownload': ({ fileName }) => services.downloads.discard(fileName).then(() => null),
      'dialog.pickModelFile': () => platform.pickModelFile(),
    },
    stream: {
      'models.load': ({ id }, { signal, emit }) => models.load(id, { signal, onProgress: emit }),
      'models.download': (request, { signal, emit }) =>
        services.downloads.download(request, { signal, onProgress: emit }),
      'models.benchmark': (input, { signal, emit }) => models.benchmark(input, { signal, onProgress: emit }),
    },
  };
}
