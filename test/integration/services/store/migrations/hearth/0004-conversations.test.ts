import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { hearthMigrations } from '../../../../../../electron/services/store/migrations/hearth';

describe('hearth 0004-conversations', () => {
  it('adds conversations and message trees that refuse bad values and cascade with their conversation', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, hearthMigrations, 3);
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 1)').run('theme', '"dark"');
    expect(migrate(db, hearthMigrations, 4)).toBe(4);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);

    db.exec(`
      INSERT INTO conversations (id, created_at, updated_at) VALUES (1, 1, 1);
      INSERT INTO messages (id, conversation_id, parent_id, role, content, created_at) VALUES (1, 1, NULL, 'user', 'q', 1);
      INSERT INTO messages (id, conversation_id, parent_id, role, content, created_at) VALUES (2, 1, 1, 'assistant', 'a', 1);
    `);
    const insert = (values: string) =>
      db.prepare(
        `INSERT INTO messages (conversation_id, parent_id, role, status, citations, created_at) VALUES ${values}`,
      );
    expect(() => insert("(1, 1, 'system', 'done', '[]', 1)").run()).toThrow(/CHECK/);
    expect(() => insert("(1, 1, 'user', 'typing', '[]', 1)").run()).toThrow(/CHECK/);
    expect(() => insert("(1, 1, 'user', 'done', 'not json', 1)").run()).toThrow(/CHECK/);
    expect(() => insert("(9, 1, 'user', 'done', '[]', 1)").run()).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO conversations (title_source, created_at, updated_at) VALUES ('bot', 1, 1)").run(),
    ).toThrow(/CHECK/);

    db.prepare('DELETE FROM conversations WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
  });
});
