import type { Services } from '..';
import type { DomainHandlers } from '../handlers/domain';

/** `app.*`: what the About panel and the start-up notices read. */
export function appHandlers(services: Pick<Services, 'appInfo' | 'notices'>): DomainHandlers<'app'> {
  return {
    invoke: {
      'app.info': () => services.appInfo.get(),
      'app.notices': () => services.notices.list(),
    },
    stream: {},
  };
}
