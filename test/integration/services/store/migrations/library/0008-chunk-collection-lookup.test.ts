import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { libraryMigrations } from '../../../../../../electron/services/store/migrations/library';

describe('library 0008-chunk-collection-lookup', () => {
  it("indexes each chunk's document by its id, so a scoped keyword search reads the index, not the row", () => {
    const db = new Database(':memory:');
    migrate(db, libraryMigrations, 7);
    db.exec(`
      INSERT INTO collections (name, created_at) VALUES ('before', 1);
      INSERT INTO documents (collection_id, path, size, mtime_ms, type, status) VALUES (1, '/a.md', 1, 1, 'markdown', 'indexed');
      INSERT INTO chunks (document_id, ordinal, text, line_start, line_end, char_start, char_end, tokens)
        VALUES (1, 0, 'existing words', 1, 1, 0, 14, 2);
    `);
    expect(migrate(db, libraryMigrations, 8)).toBe(8);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT c.document_id FROM chunks c INDEXED BY chunks_document_lookup WHERE c.id = ?`)
      .all(1) as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join()).toMatch(/COVERING INDEX chunks_document_lookup/);
    expect(
      db.prepare('SELECT document_id FROM chunks INDEXED BY chunks_document_lookup WHERE id = 1').pluck().get(),
    ).toBe(1);
  });
});
