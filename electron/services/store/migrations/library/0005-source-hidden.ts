import type { Migration } from '../../migration';

/** A folder can ask for its hidden files and folders (`.name`) to be indexed too; off by default. */
export const sourceHidden: Migration = {
  version: 5,
  name: 'source-hidden',
  up(db) {
    db.exec(
      `ALTER TABLE sources ADD COLUMN include_hidden INTEGER NOT NULL DEFAULT 0 CHECK (include_hidden IN (0, 1));`,
    );
  },
};
