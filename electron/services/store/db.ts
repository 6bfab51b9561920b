import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { markersLeftByCrashes, markInUse } from './in-use';
import { startsLikeSqlite } from './sqlite-header';
import { assertNotNewer, migrate, type Migration } from './migration';
import { repairDatabase, type Repair } from './repair';
import { resolveVecExtensionPath } from './vec-extension';

export type SqliteDatabase = Database.Database;

/** What happened when a database could not be read: repaired, or replaced by a fresh one. */
export interface Recovery {
  /** Where the damaged file (and its `-wal`/`-shm`) now is, untouched. */
  movedTo: string;
  /** What SQLite said about it. */
  reason: string;
  at: Date;
  /** How it was repaired; `null` when nothing could be saved and the database starts empty. */
  repair: Repair | null;
}

export interface OpenDatabaseOptions {
  /** The database file. Its folder is created if missing. */
  path: string;
  /**
   * `FULL` for the user's own data (chats, settings) so a power cut loses nothing committed;
   * `NORMAL` for data that can be rebuilt (the library index), which is much faster in WAL mode.
   */
  synchronous: 'FULL' | 'NORMAL';
  /** The schema steps, in order. */
  migrations: readonly Migration[];
  /** The sqlite-vec loadable library. Defaults to `resolveVecExtensionPath()`. */
  vecExtensionPath?: string;
  /**
   * Repair a damaged file before giving up on it (see repair.ts): for the user's own data. Without
   * it (the rebuildable index) a damaged file is moved aside and a fresh one started. Defaults to false.
   */
  repair?: boolean;
  /** Told after a damaged file was moved aside and a repaired or fresh database opened in its place. */
  onRecovered?: (recovery: Recovery) => void;
  /** The clock used to name moved-aside files. Defaults to `() => new Date()`. */
  now?: () => Date;
}

/** SQLite result codes that mean "these bytes are not a healthy database". */
const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB']);

/** Left by a background integrity check that found problems: the next open checks in full. */
export const needsCheckMarker = (path: string) => `${path}.needs-check`;

/**
 * Opens (creating if needed) a WAL-mode SQLite database with sqlite-vec loaded, checks it and
 * migrates it. Start-up must not grow with the database, so the checks at open are the cheap ones
 * (header, schema version, the schema itself); the full `integrity_check`, linear in the file's
 * size, runs at open only after an unclean shutdown or when a background check (integrity.ts)
 * found problems. A file that is not a readable database is never deleted: it is renamed beside
 * the original with a timestamp, a repaired copy (with `repair`) or a fresh database takes its
 * place, and `onRecovered` is told. Any other failure (permissions, a newer schema) is thrown
 * unchanged.
 */
export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  mkdirSync(dirname(options.path), { recursive: true });
  const crashed = markersLeftByCrashes(options.path);
  const fullCheck = crashed.length > 0 || existsSync(needsCheckMarker(options.path));
  let db: SqliteDatabase;
  try {
    db = openChecked(options, fullCheck);
  } catch (error) {
    const reason = corruptionReason(error);
    if (reason === null || !existsSync(options.path)) throw error;
    const at = (options.now ?? (() => new Date()))();
    const movedTo = moveAside(options.path, at);
    let repair = options.repair
      ? repairDatabase({
          damaged: movedTo,
          target: options.path,
          migrations: options.migrations,
          vecExtensionPath: options.vecExtensionPath ?? resolveVecExtensionPath(),
        })
      : null;
    try {
      db = openChecked(options, repair !== null);
    } catch (again) {
      // A repair that does not pass the full check is no repair: start empty (the original is kept).
      if (repair === null || corruptionReason(again) === null) throw again;
      for (const suffix of ['', '-wal', '-shm']) rmSync(options.path + suffix, { force: true });
      repair = null;
      db = openChecked(options, false);
    }
    options.onRecovered?.({ movedTo, reason, at, repair });
  }
  rmSync(needsCheckMarker(options.path), { force: true });
  // Checked (or recovered): what the crashes left has been dealt with.
  for (const marker of crashed) rmSync(marker, { force: true });
  return closeUnmarks(db, markInUse(options.path));
}

/** The connection's in-use marker goes when it is closed cleanly. */
function closeUnmarks(db: SqliteDatabase, unmark: () => void): SqliteDatabase {
  const close = db.close.bind(db);
  db.close = () => {
    const closed = close();
    unmark();
    return closed;
  };
  return db;
}

/**
 * A second connection to a database `openDatabase` already opened, checked and migrated (a worker
 * thread's own connection): the same pragmas, no checks, no migrations. WAL lets it write while
 * the first connection reads.
 */
export function openConnection(
  path: string,
  synchronous: 'FULL' | 'NORMAL',
  vecExtensionPath: string = resolveVecExtensionPath(),
): SqliteDatabase {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.loadExtension(vecExtensionPath);
  return db;
}

function openChecked(options: OpenDatabaseOptions, fullCheck: boolean): SqliteDatabase {
  checkHeader(options.path);
  const db = new Database(options.path);
  try {
    // Before anything writes (switching to WAL rewrites the header), so a newer file stays untouched.
    assertNotNewer(db, options.migrations);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.loadExtension(options.vecExtensionPath ?? resolveVecExtensionPath());
    // Reading the whole schema catches a damaged schema page at the cost of a few pages.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (fullCheck) {
      const problems = integrityProblems(db);
      if (problems.length) throw new CorruptDatabaseError(`integrity check failed: ${problems.join('; ')}`);
    }
    migrate(db, options.migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** What `PRAGMA integrity_check` finds wrong; empty when the database is sound. */
export function integrityProblems(db: SqliteDatabase): string[] {
  const rows = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
  const problems = rows.map((row) => row.integrity_check);
  return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
}

class CorruptDatabaseError extends Error {
  constructor(
    message: string,
    readonly code: 'SQLITE_CORRUPT' | 'SQLITE_NOTADB' = 'SQLITE_CORRUPT',
  ) {
    super(message);
    this.name = 'CorruptDatabaseError';
  }
}

/**
 * Refuses a non-empty file that does not start like a database, before SQLite touches it: SQLite
 * would delete the file's `-wal` companion on close, and that WAL may hold the user's last writes.
 */
function checkHeader(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  if (!startsLikeSqlite(path)) {
    throw new CorruptDatabaseError("file is not a database (its header is not SQLite's)", 'SQLITE_NOTADB');
  }
}

function corruptionReason(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && CORRUPTION_CODES.has(code) ? error.message : null;
}

/** Renames the database and its WAL companions to `<path>.corrupt-<UTC stamp>[-wal|-shm]`. */
function moveAside(path: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let movedTo = `${path}.corrupt-${stamp}`;
  for (let n = 2; existsSync(movedTo); n++) movedTo = `${path}.corrupt-${stamp}-${n}`;
  renameSync(path, movedTo);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
  }
  return movedTo;
}
