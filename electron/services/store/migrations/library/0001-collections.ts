import type { Migration } from '../../migration';

/**
 * Collections are the named sets of folders a user indexes. Later steps add sources, documents,
 * chunks and vectors; this one fixes the identity everything else hangs on.
 */
export const collections: Migration = {
  version: 1,
  name: 'collections',
  up(db) {
    db.exec(`
      CREATE TABLE collections (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
