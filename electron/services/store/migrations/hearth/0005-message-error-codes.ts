import type { Migration } from '../../migration';

/**
 * A failed answer keeps its error's code beside its message, so the window can offer what fixes
 * it (raise the context size, open Models, try again) by the code, never by reading the text.
 * Answers that failed before this step keep their message with no code.
 */
export const messageErrorCodes: Migration = {
  version: 5,
  name: 'message-error-codes',
  up(db) {
    db.exec(`ALTER TABLE messages ADD COLUMN error_code TEXT CHECK (error_code IS NULL OR error_code GLOB '[A-Z]*')`);
  },
};
