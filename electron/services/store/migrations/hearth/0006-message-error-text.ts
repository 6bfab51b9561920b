import type { Migration } from '../../migration';

/**
 * A failed answer keeps its message's key and parameters (electron/ipc/main-text.ts) beside its
 * English text, so the window shows it in the user's language, today and after they switch.
 * Answers that failed before this step keep their English text and their code.
 */
export const messageErrorText: Migration = {
  version: 6,
  name: 'message-error-text',
  up(db) {
    db.exec(`ALTER TABLE messages ADD COLUMN error_key TEXT`);
    db.exec(
      `ALTER TABLE messages ADD COLUMN error_params TEXT CHECK (error_params IS NULL OR json_valid(error_params))`,
    );
  },
};
