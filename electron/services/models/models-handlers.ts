import type { Services } from '..';
import type { DomainHandlers } from '../handlers/domain';

/** `models.*`: the installed models, their runtime, the catalog and downloads. */
export function modelsHandlers({
  models,
  downloads,
  catalog,
  localModels,
}: Pick<Services, 'models' | 'downloads' | 'catalog' | 'localModels'>): DomainHandlers<'models'> {
  return {
    invoke: {
      'models.list': () => models.list(),
      'models.get': ({ id }) => models.get(id),
      'models.inspect': ({ path }) => models.inspect(path),
      'models.import': ({ path, mode }) => models.import(path, mode),
      'models.discoverLocal': () => localModels.find(),
      'models.remove': ({ id }) => models.remove(id).then(() => null),
      'models.setSettings': ({ id, patch }) => models.setSettings(id, patch),
      'models.state': () => models.state(),
      'models.unload': (target) => models.unload(target),
      'models.catalog': () => models.catalog(catalog),
      'models.partialDownloads': () => downloads.partials(),
      'models.discardDownload': (request) => downloads.discard(request).then(() => null),
    },
    stream: {
      'models.load': ({ id }, { signal, emit }) => models.load(id, { signal, onProgress: emit }),
      'models.download': (request, { signal, emit }) => downloads.download(request, { signal, onProgress: emit }),
      'models.benchmark': (input, { signal, emit }) => models.benchmark(input, { signal, onProgress: emit }),
    },
  };
}
