import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { hearthMigrations } from '../../../../../../electron/services/store/migrations/hearth';

describe('hearth 0005-message-error-codes', () => {
  it('keeps failed answers as they were, with no code, and takes a code from then on', () => {
    const db = new Database(':memory:');
    migrate(db, hearthMigrations, 4);
    db.exec(`
      INSERT INTO conversations (id, created_at, updated_at) VALUES (1, 1, 1);
      INSERT INTO messages (id, conversation_id, role, status, error, created_at)
        VALUES (1, 1, 'assistant', 'failed', 'The model could not be loaded.', 1);
    `);
    expect(migrate(db, hearthMigrations, 5)).toBe(5);
    expect(db.prepare('SELECT error, error_code FROM messages WHERE id = 1').get()).toEqual({
      error: 'The model could not be loaded.',
      error_code: null,
    });
    db.prepare("UPDATE messages SET error_code = 'CONTEXT_OVERFLOW' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE messages SET error_code = 'the context was full' WHERE id = 1").run()).toThrow(
      /CHECK/,
    );
  });
});
