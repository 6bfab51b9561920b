import type { Migration } from '../../migration';

/**
 * The index itself. `sources` are the folders of a collection. `documents` has one row per file
 * discovered, and is also the durable work queue: a `pending` row is work not done, and a file's
 * chunks, full-text rows and final status are written in one transaction, so a crash at any
 * moment leaves each file either fully indexed or still pending. `attempts` counts failures a
 * running indexer saw (a parser that threw or timed out); two make a file `quarantined`, so one
 * bad file never blocks the rest. Chunks keep where they came from (page, lines, characters,
 * heading path) so a citation can open the source. `chunks_fts` is an external-content FTS5
 * index over the chunks, kept in step by triggers.
 */
export const documents: Migration = {
  version: 2,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        id            INTEGER PRIMARY KEY,
        collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
        root          TEXT NOT NULL,
        include       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(include)),
        exclude       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exclude)),
        added_at      INTEGER NOT NULL,
        UNIQUE (collection_id, root)
      ) STRICT;

      CREATE TABLE documents (
        id            INTEGER PRIMARY KEY,
        collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
        path          TEXT NOT NULL,
        size          INTEGER NOT NULL CHECK (size >= 0),
        mtime_ms      INTEGER NOT NULL,
        sha256        TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        type          TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('pending', 'indexed', 'skipped', 'quarantined')),
        skip_reason   TEXT,
        skip_detail   TEXT,
        attempts      INTEGER NOT NULL DEFAULT 0,
        last_error    TEXT,
        indexed_at    INTEGER,
        UNIQUE (collection_id, path),
        CHECK ((status IN ('skipped', 'quarantined')) = (skip_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX documents_pending ON documents (collection_id, id) WHERE status = 'pending';

      CREATE TABLE chunks (
        id           INTEGER PRIMARY KEY,
        document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        ordinal      INTEGER NOT NULL,
        text         TEXT NOT NULL,
        heading_path TEXT NOT NULL DEFAULT '',
        page         INTEGER,
        line_start   INTEGER NOT NULL,
        line_end     INTEGER NOT NULL,
        char_start   INTEGER NOT NULL,
        char_end     INTEGER NOT NULL,
        tokens       INTEGER NOT NULL,
        UNIQUE (document_id, ordinal)
      ) STRICT;

      CREATE VIRTUAL TABLE chunks_fts USING fts5(
        text, heading_path, content = 'chunks', content_rowid = 'id', tokenize = 'porter unicode61'
      );
      CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
        INSERT INTO chunks_fts (rowid, text, heading_path) VALUES (new.id, new.text, new.heading_path);
      END;
      CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
        INSERT INTO chunks_fts (chunks_fts, rowid, text, heading_path)
        VALUES ('delete', old.id, old.text, old.heading_path);
      END;
    `);
  },
};
