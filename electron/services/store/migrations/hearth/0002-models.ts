import type { Migration } from '../../migration';

/**
 * Installed models. `storage` says whether Hearth owns the file (`copy`, inside the data folder,
 * deleted on remove) or only points at the user's file (`reference`, never deleted). Metadata is
 * what inspection read, kept so listing never reopens every GGUF; settings are per model.
 */
export const models: Migration = {
  version: 2,
  name: 'models',
  up(db) {
    db.exec(`
      CREATE TABLE models (
        id         TEXT PRIMARY KEY,
        path       TEXT NOT NULL UNIQUE,
        storage    TEXT NOT NULL CHECK (storage IN ('copy', 'reference', 'download')),
        metadata   TEXT NOT NULL CHECK (json_valid(metadata)),
        settings   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
        added_at   INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE model_benchmarks (
        id          INTEGER PRIMARY KEY,
        model_id    TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
        ran_at      INTEGER NOT NULL,
        hardware    TEXT NOT NULL CHECK (json_valid(hardware)),
        results     TEXT NOT NULL CHECK (json_valid(results))
      ) STRICT;
      CREATE INDEX model_benchmarks_by_model ON model_benchmarks (model_id, ran_at DESC);
    `);
  },
};
