import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { hearthMigrations } from '../../../../../../electron/services/store/migrations/hearth';

describe('hearth 0001-settings', () => {
  it('creates a key/value table that accepts JSON values only', () => {
    const db = new Database(':memory:');
    expect(migrate(db, hearthMigrations, 1)).toBe(1);
    const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
    insert.run('theme', '"dark"', 1);
    expect(() => insert.run('broken', 'not json', 1)).toThrow(/CHECK constraint/);
    expect(() => insert.run('theme', '"light"', 2)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('theme')).toBe('"dark"');
  });

  it('looks settings up by primary key', () => {
    const db = new Database(':memory:');
    migrate(db, hearthMigrations, 1);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT value FROM settings WHERE key = 'theme'").all() as Array<{
      detail: string;
    }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX sqlite_autoindex_settings_1|PRIMARY KEY/);
  });
});
