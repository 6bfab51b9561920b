import { closeSync, openSync, readSync } from 'node:fs';

/** The 16 bytes every SQLite database file starts with (https://sqlite.org/fileformat.html). */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The database header's size: page 1 starts with it. */
export const SQLITE_HEADER_BYTES = 100;

/** Whether the file at `path` starts like a SQLite database (false for a shorter file). */
export function startsLikeSqlite(path: string): boolean {
  const header = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_MAGIC);
  } finally {
    closeSync(fd);
  }
}
