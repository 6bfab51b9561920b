import type { Migration } from '../../migration';

/**
 * A collection the user paused stays paused across restarts: no sync starts for it (at start-up
 * or after changes on disk) until it is resumed or indexed by hand.
 */
export const paused: Migration = {
  version: 4,
  name: 'paused',
  up(db) {
    db.exec(`ALTER TABLE collections ADD COLUMN paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1));`);
  },
};
