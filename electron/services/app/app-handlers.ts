import type { Services } from '..';
import type { DomainHandlers } from '../handlers/domain';
import type { Platform } from '../handlers';

/** `app.*`: what the About panel, the start-up notices, the network activity and updates need. */
export function appHandlers(
  services: Pick<Services, 'appInfo' | 'notices' | 'network' | 'updates'>,
  platform: Pick<Platform, 'installUpdate'>,
): DomainHandlers<'app'> {
  return {
    invoke: {
      'app.info': () => services.appInfo.get(),
      'app.notices': () => services.notices.list(),
      'app.network': () => services.network.list(),
      'app.checkForUpdates': () => services.updates.check(),
      'app.installUpdate': async () => {
        services.updates.requireInstallable();
        await platform.installUpdate(services.network);
        return {};
      },
    },
    stream: {},
  };
}
