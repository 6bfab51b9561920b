import type { Services } from '..';
import type { DomainHandlers } from '../handlers/domain';

/** `app.*`: what the About panel, the start-up notices and the network activity read. */
export function appHandlers(services: Pick<Services, 'appInfo' | 'notices' | 'network'>): DomainHandlers<'app'> {
  return {
    invoke: {
      'app.info': () => services.appInfo.get(),
      'app.notices': () => services.notices.list(),
      'app.network': () => services.network.list(),
    },
    stream: {},
  };
}
