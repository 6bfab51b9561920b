import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { libraryMigrations } from '../../../../../../electron/services/store/migrations/library';

describe('library 0003-embedders', () => {
  it('records which chunk has a vector from which embedder, and forgets both with either', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, libraryMigrations, 3)).toBe(3);
    db.exec(`
      INSERT INTO collections (name, created_at) VALUES ('c', 1);
      INSERT INTO documents (collection_id, path, size, mtime_ms, type, status) VALUES (1, '/a.md', 1, 1, 'markdown', 'indexed');
      INSERT INTO chunks (document_id, ordinal, text, line_start, line_end, char_start, char_end, tokens)
        VALUES (1, 0, 'a', 1, 1, 0, 1, 1), (1, 1, 'b', 1, 1, 0, 1, 1);
      INSERT INTO embedders (model_key, name, dimensions, created_at) VALUES ('m.gguf:1', 'm', 4, 1), ('n.gguf:2', 'n', 8, 1);
      INSERT INTO embeddings (embedder_id, chunk_id) VALUES (1, 1), (1, 2), (2, 1);
    `);
    expect(() =>
      db
        .prepare("INSERT INTO embedders (model_key, name, dimensions, created_at) VALUES ('m.gguf:1', 'm', 4, 2)")
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO embedders (model_key, name, dimensions, created_at) VALUES ('z', 'z', 0, 2)").run(),
    ).toThrow(/CHECK/);
    const count = () => db.prepare('SELECT count(*) FROM embeddings').pluck().get();
    db.prepare('DELETE FROM chunks WHERE id = 1').run();
    expect(count()).toBe(1);
    db.prepare('DELETE FROM embedders WHERE id = 1').run();
    expect(count()).toBe(0);
  });
});
