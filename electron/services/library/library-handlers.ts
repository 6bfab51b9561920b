import type { Services } from '..';
import type { DomainHandlers } from '../handlers/domain';

/** `library.*`: collections, their folders and files, and indexing. */
export function libraryHandlers({ library }: Pick<Services, 'library'>): DomainHandlers<'library'> {
  return {
    invoke: {
      'library.collections': () => library.collections(),
      'library.createCollection': ({ name }) => library.createCollection(name),
      'library.addFolder': ({ collectionId, path, ...rules }) => library.addFolder(collectionId, path, rules),
      'library.removeFolder': ({ collectionId, path }) => library.removeFolder(collectionId, path),
      'library.pause': ({ collectionId }) => library.pause(collectionId),
      'library.resume': ({ collectionId }) => library.resume(collectionId),
      'library.removeCollection': async ({ collectionId }) => {
        await library.removeCollection(collectionId);
        return null;
      },
      'library.documents': ({ collectionId, ...page }) => library.documents(collectionId, page),
      'library.slowest': ({ collectionId, limit }) => library.slowest(collectionId, limit),
      'library.firstQuestions': ({ collectionId }) => library.firstQuestions(collectionId),
    },
    stream: {
      'library.index': ({ collectionId, rereadAll }, { signal }) => library.index(collectionId, { signal, rereadAll }),
    },
  };
}
