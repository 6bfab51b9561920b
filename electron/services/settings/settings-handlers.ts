import type { Services } from '..';
import type { DomainHandlers } from '../handlers/domain';

/** `settings.*`: the app-wide settings. */
export function settingsHandlers({ settings }: Pick<Services, 'settings'>): DomainHandlers<'settings'> {
  return {
    invoke: {
      'settings.get': () => settings.get(),
      'settings.set': (patch) => settings.set(patch),
    },
    stream: {},
  };
}
