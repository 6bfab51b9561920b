import type { Services } from '..';
import type { DomainHandlers } from '../handlers/domain';

/** `api.*`: the local API's state, key and request log. */
export function apiHandlers({ api, apiKeys }: Pick<Services, 'api' | 'apiKeys'>): DomainHandlers<'api'> {
  return {
    invoke: {
      'api.state': () => api.state(),
      'api.key': () => ({ key: apiKeys.get() }),
      'api.regenerateKey': () => ({ key: apiKeys.regenerate() }),
      'api.log': () => api.log.list(),
    },
    stream: {},
  };
}
