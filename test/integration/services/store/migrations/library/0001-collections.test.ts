import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { libraryMigrations } from '../../../../../../electron/services/store/migrations/library';

describe('library 0001-collections', () => {
  it('creates collections with unique, non-blank, case-insensitive names', () => {
    const db = new Database(':memory:');
    expect(migrate(db, libraryMigrations, 1)).toBe(1);
    const insert = db.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)');
    insert.run('Papers', 1);
    expect(() => insert.run('papers', 2)).toThrow(/UNIQUE/);
    expect(() => insert.run('   ', 3)).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM collections').pluck().get()).toBe(1);
  });
});
