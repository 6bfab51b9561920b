import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { inUseMarker } from '../../electron/services/store/in-use';

/** Overwrites `length` bytes at `offset` with a deterministic non-SQLite pattern. */
export function writeGarbage(path: string, offset: number, length = 512): void {
  const garbage = Buffer.alloc(length);
  for (let i = 0; i < length; i++) garbage[i] = (i * 131 + 17) & 0xff;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, garbage, 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

/** The leaf pages (1-based) of a table or index, from SQLite's `dbstat`: where to damage it. */
export function leafPages(path: string, name: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
      .all(name) as Array<{ pageno: number }>;
    return rows.map((row) => row.pageno);
  } finally {
    db.close();
  }
}

/** Above any pid a system hands out (Linux's pid_max is at most 2^22): a process that surely ended. */
export const ENDED_PID = 4_194_305;

/** What a crash leaves beside a database: the in-use marker of a process that is gone. */
export function leaveCrashMarker(dbPath: string): void {
  writeFileSync(inUseMarker(dbPath, ENDED_PID), `${ENDED_PID}\n`);
}
