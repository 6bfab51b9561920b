import type { Services } from '..';
import type { DomainHandlers } from '../handlers/domain';

/** `search.*`: finding passages in the library. */
export function searchHandlers({ search }: Pick<Services, 'search'>): DomainHandlers<'search'> {
  return {
    invoke: {
      'search.query': (input) => search.search(input),
    },
    stream: {},
  };
}
