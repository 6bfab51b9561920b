import type { Migration } from '../../migration';

/**
 * The measured machine profile (bandwidth, cores), kept so the measurement runs once and not at
 * every start. One row; replaced when the hardware it describes changes.
 */
export const machine: Migration = {
  version: 3,
  name: 'machine',
  up(db) {
    db.exec(`
      CREATE TABLE machine_profile (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        profile     TEXT NOT NULL CHECK (json_valid(profile)),
        measured_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
