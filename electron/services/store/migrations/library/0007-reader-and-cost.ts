import type { Migration } from '../../migration';

/**
 * Which reader (type and version, `pdf@2`) judged each file, so an unchanged file is never read
 * again unless its reader changed; what reading it cost (milliseconds, and by stage), so the
 * slowest files can be shown; and a folder's choice to follow links that lead out of it.
 * Existing rows have no reader: skipped ones are read once more, indexed ones are left alone.
 */
export const readerAndCost: Migration = {
  version: 7,
  name: 'reader-and-cost',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN reader TEXT;
      ALTER TABLE documents ADD COLUMN read_ms INTEGER CHECK (read_ms IS NULL OR read_ms >= 0);
      ALTER TABLE documents ADD COLUMN read_cost TEXT CHECK (read_cost IS NULL OR json_valid(read_cost));
      ALTER TABLE sources ADD COLUMN follow_links INTEGER NOT NULL DEFAULT 0 CHECK (follow_links IN (0, 1));
    `);
  },
};
