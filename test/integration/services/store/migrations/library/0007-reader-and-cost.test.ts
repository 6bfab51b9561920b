import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { libraryMigrations } from '../../../../../../electron/services/store/migrations/library';

describe('library 0007-reader-and-cost', () => {
  it('adds the reader, the read cost and the follow-links choice, empty or off for existing rows', () => {
    const db = new Database(':memory:');
    migrate(db, libraryMigrations, 6);
    db.exec(`
      INSERT INTO collections (name, created_at) VALUES ('before', 1);
      INSERT INTO sources (collection_id, root, added_at) VALUES (1, '/notes', 1);
      INSERT INTO documents (collection_id, path, size, mtime_ms, type, status) VALUES (1, '/notes/a.md', 1, 1, 'markdown', 'pending');
    `);
    expect(migrate(db, libraryMigrations, 7)).toBe(7);
    expect(db.prepare('SELECT reader, read_ms, read_cost FROM documents').get()).toEqual({
      reader: null,
      read_ms: null,
      read_cost: null,
    });
    expect(db.prepare('SELECT follow_links FROM sources').pluck().get()).toBe(0);
    expect(() => db.prepare(`UPDATE documents SET read_cost = 'not json'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE documents SET read_ms = -1').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE sources SET follow_links = 2').run()).toThrow(/CHECK/);
  });
});
