import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { libraryMigrations } from '../../../../../../electron/services/store/migrations/library';

describe('library 0002-documents', () => {
  it('keeps statuses and skip reasons consistent, and chunks and their full-text rows in step', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, libraryMigrations, 2)).toBe(2);
    db.prepare("INSERT INTO collections (name, created_at) VALUES ('c', 1)").run();
    const insert = db.prepare(
      'INSERT INTO documents (collection_id, path, size, mtime_ms, type, status, skip_reason) VALUES (1, ?, 1, 1, ?, ?, ?)',
    );
    insert.run('/a.md', 'markdown', 'indexed', null);
    expect(() => insert.run('/b.md', 'markdown', 'skipped', null)).toThrow(/CHECK/);
    expect(() => insert.run('/c.md', 'markdown', 'indexed', 'binary')).toThrow(/CHECK/);
    expect(() => insert.run('/a.md', 'markdown', 'pending', null)).toThrow(/UNIQUE/);

    db.prepare(
      `INSERT INTO chunks (document_id, ordinal, text, heading_path, line_start, line_end, char_start, char_end, tokens)
       VALUES (1, 0, 'quokkas live on Rottnest Island', 'Animals', 1, 1, 0, 30, 8)`,
    ).run();
    const match = () => db.prepare("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'quokka'").pluck().get();
    expect(match()).toBe(1);
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM chunks').pluck().get()).toBe(0);
    expect(match()).toBe(0);
  });
});
