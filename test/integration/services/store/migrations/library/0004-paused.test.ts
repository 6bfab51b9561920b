import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { libraryMigrations } from '../../../../../../electron/services/store/migrations/library';

describe('library 0004-paused and 0005-source-hidden', () => {
  it('adds the pause flag to collections and the hidden-files choice to folders, off for existing rows', () => {
    const db = new Database(':memory:');
    migrate(db, libraryMigrations, 3);
    db.exec(`
      INSERT INTO collections (name, created_at) VALUES ('before', 1);
      INSERT INTO sources (collection_id, root, added_at) VALUES (1, '/notes', 1);
    `);
    expect(migrate(db, libraryMigrations, 5)).toBe(5);
    expect(db.prepare('SELECT paused FROM collections').pluck().get()).toBe(0);
    expect(db.prepare('SELECT include_hidden FROM sources').pluck().get()).toBe(0);
    expect(() => db.prepare('UPDATE collections SET paused = 2').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE sources SET include_hidden = 7').run()).toThrow(/CHECK/);
  });
});
