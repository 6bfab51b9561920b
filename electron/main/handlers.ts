import type { Contract } from '../ipc/contract';
import type { Handlers } from '../ipc/dispatch';
import type { Services } from '../services';

/**
 * The one map from channel to service. Every transport (Electron IPC, the test bridge) mounts this
 * same map, so what the tests drive is what the app runs. One line per channel: logic belongs in
 * the service. This file must not import `electron`.
 */
export function createHandlers(services: Services): Handlers<Contract> {
  return {
    invoke: {
      'app.info': () => services.appInfo.get(),
      'app.notices': () => services.notices.list(),
      'settings.get': () => services.settings.get(),
      'settings.set': (patch) => services.settings.set(patch),
    },
    stream: {},
  };
}
