import type { Migration } from '../../migration';

/**
 * A covering index from a chunk's id to its document, for keyword searches scoped to some
 * collections: each match is checked against the scope, and reading `document_id` from the
 * `chunks` row itself means a page of chunk text per match. At 1M chunks (a word in 65k of
 * them) the scoped search's p95 went from 126 ms to 57 ms (`npm run bench -- search`).
 */
export const chunkCollectionLookup: Migration = {
  version: 8,
  name: 'chunk-collection-lookup',
  up(db) {
    db.exec('CREATE INDEX chunks_document_lookup ON chunks (id, document_id)');
  },
};
