import type { Migration } from '../../migration';

/**
 * Vectors. Each embedding model that has embedded chunks is an `embedders` row with a `vec0`
 * table of its own (`vec_chunks_<id>`, created with the row by library/embedders.ts, since its
 * width is the model's), so switching model fills a new table in the background while the old
 * one keeps serving search. `embeddings` records which chunk has a vector from which embedder:
 * finding the work left and counting progress are B-tree lookups here, not scans of a virtual
 * table. It is written in the transaction that writes the vector, and a chunk's deletion removes
 * both (the foreign key here, a trigger per vector table there).
 *
 * `filled_at` is set the first time every chunk has a vector from the embedder: from then on it
 * may serve search, and older embedders are dropped.
 */
export const embedders: Migration = {
  version: 3,
  name: 'embedders',
  up(db) {
    db.exec(`
      CREATE TABLE embedders (
        id         INTEGER PRIMARY KEY,
        model_key  TEXT NOT NULL UNIQUE,
        name       TEXT NOT NULL,
        dimensions INTEGER NOT NULL CHECK (dimensions > 0),
        created_at INTEGER NOT NULL,
        filled_at  INTEGER
      ) STRICT;

      CREATE TABLE embeddings (
        embedder_id INTEGER NOT NULL REFERENCES embedders (id) ON DELETE CASCADE,
        chunk_id    INTEGER NOT NULL REFERENCES chunks (id) ON DELETE CASCADE,
        PRIMARY KEY (embedder_id, chunk_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX embeddings_chunk ON embeddings (chunk_id);
    `);
  },
};
