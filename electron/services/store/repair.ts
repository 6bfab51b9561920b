import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import Database from 'better-sqlite3';
import { migrate, type Migration } from './migration';
import { SQLITE_HEADER_BYTES as HEADER_BYTES, SQLITE_MAGIC, startsLikeSqlite } from './sqlite-header';

/** How a damaged database was brought back. */
export interface Repair {
  /**
   * `reindexed`: only its indexes were damaged, and rebuilding them fixed it (nothing lost).
   * `copied`: every row that could still be read was copied into a fresh database.
   */
  method: 'reindexed' | 'copied';
  /** Rows copied (`copied` only; 0 for `reindexed`, which copies nothing). */
  rows: number;
  /** Tables with parts that could not be read: rows there may be lost. */
  unreadable: string[];
  /** The file's first 100 bytes (SQLite's header) were rebuilt before anything could be read. */
  headerRebuilt: boolean;
}

export interface RepairOptions {
  /** The damaged file, kept as it is: the repair works on a copy. */
  damaged: string;
  /** Where the repaired database is written (must not exist). */
  target: string;
  migrations: readonly Migration[];
  vecExtensionPath: string;
}

/**
 * Brings back what can be read of a damaged database, never touching `damaged`: first `REINDEX`
 * on a copy (a damaged index is the common case after a crash, and loses nothing), else a fresh
 * database at the damaged one's schema version with every row that can still be read copied into
 * it. Returns `null` when neither gives a sound database (the caller then starts empty).
 */
export function repairDatabase(options: RepairOptions): Repair | null {
  const work = `${options.target}.repairing`;
  try {
    return reindex(options, work) ?? copyRows(options, work);
  } catch {
    return null;
  } finally {
    removeDatabase(work);
  }
}

function reindex(options: RepairOptions, work: string): Repair | null {
  copyDatabase(options.damaged, work);
  if (!hasSqliteHeader(work)) return null;
  let db: Database.Database | undefined;
  try {
    db = openRaw(work, options.vecExtensionPath);
    db.exec('REINDEX');
    rebuildFullTextIndexes(db);
    if (!isSound(db)) return null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
  moveDatabase(work, options.target);
  return { method: 'reindexed', rows: 0, unreadable: [], headerRebuilt: false };
}

function copyRows(options: RepairOptions, work: string): Repair | null {
  removeDatabase(work);
  copyDatabase(options.damaged, work);
  const headerRebuilt = !hasSqliteHeader(work) && rebuildHeader(work, options.vecExtensionPath);
  if (!headerRebuilt) fitPageCountToFile(work);
  const source = openRaw(work, options.vecExtensionPath);
  const fresh = `${options.target}.recovering`;
  removeDatabase(fresh);
  const target = openRaw(fresh, options.vecExtensionPath);
  try {
    const version = headerRebuilt ? undefined : (source.pragma('user_version', { simple: true }) as number);
    migrate(target, options.migrations, version || undefined);
    target.pragma('foreign_keys = OFF');
    let rows = 0;
    const unreadable: string[] = [];
    for (const table of copiedTables(target)) {
      const result = copyTable(source, target, table);
      rows += result.copied;
      if (result.unreadable) unreadable.push(table);
    }
    dropOrphans(target);
    // Nothing could be read at all: that is a new database, not a repaired one.
    if (rows === 0 && unreadable.length) return null;
    if (!isSound(target)) return null;
    target.close();
    source.close();
    moveDatabase(fresh, options.target);
    return { method: 'copied', rows, unreadable, headerRebuilt };
  } finally {
    if (target.open) target.close();
    if (source.open) source.close();
    removeDatabase(fresh);
  }
}

/** The fresh database's own tables, without SQLite's and full-text search's internal ones. */
function copiedTables(db: Database.Database): string[] {
  const virtual = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'").all() as Array<{
      name: string;
    }>
  ).map((row) => row.name);
  const rows = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>;
  return rows.map((row) => row.name).filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

/**
 * Copies what can be read of one table, in rowid order. A damaged page ends a scan with an error;
 * the scan starts again past it, with a seek from the root (which reaches the pages after the
 * damaged one), jumping further each time the seek lands in damage again.
 */
function copyTable(
  source: Database.Database,
  target: Database.Database,
  table: string,
): { copied: number; unreadable: boolean } {
  const columns = sharedColumns(source, target, table);
  if (!columns.length) return { copied: 0, unreadable: true };
  const list = columns.map(quote).join(', ');
  const read = source.prepare(`SELECT rowid AS "__rowid", ${list} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid`);
  const insert = target.prepare(
    `INSERT OR IGNORE INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  let after = Number.MIN_SAFE_INTEGER;
  let jump = 1;
  let copied = 0;
  let unreadable = false;
  for (let attempts = 0; attempts < 200; attempts++) {
    try {
      for (const row of read.iterate(after) as Iterable<Record<string, unknown>>) {
        try {
          copied += insert.run(...columns.map((column) => row[column])).changes;
        } catch {
          // A row the schema's checks refuse (damaged bytes read as a value) is left out.
          unreadable = true;
        }
        after = Number(row['__rowid']);
        jump = 1;
      }
      return { copied, unreadable };
    } catch {
      unreadable = true;
      if (after >= Number.MAX_SAFE_INTEGER - jump) break;
      after = after === Number.MIN_SAFE_INTEGER ? 0 : after + jump;
      jump *= 2;
    }
  }
  return { copied, unreadable };
}

function sharedColumns(source: Database.Database, target: Database.Database, table: string): string[] {
  const columnsOf = (db: Database.Database) => {
    try {
      return (db.pragma(`table_info(${quote(table)})`) as Array<{ name: string }>).map((column) => column.name);
    } catch {
      return [];
    }
  };
  const inSource = new Set(columnsOf(source));
  return columnsOf(target).filter((column) => inSource.has(column));
}

/** Rows whose parent was lost (an answer without its chat) would show as nonsense: they go too. */
function dropOrphans(db: Database.Database): void {
  for (let pass = 0; pass < 10; pass++) {
    const orphans = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null }>;
    if (!orphans.length) return;
    for (const orphan of orphans) {
      if (orphan.rowid !== null) db.prepare(`DELETE FROM ${quote(orphan.table)} WHERE rowid = ?`).run(orphan.rowid);
    }
  }
}

/** Full-text indexes are rebuilt from the table they index (REINDEX does not touch them). */
function rebuildFullTextIndexes(db: Database.Database): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'")
    .all() as Array<{ name: string }>;
  for (const { name } of tables) db.prepare(`INSERT INTO ${quote(name)} (${quote(name)}) VALUES ('rebuild')`).run();
}

function isSound(db: Database.Database): boolean {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return (
    rows.length === 1 && rows[0]!.integrity_check === 'ok' && (db.pragma('foreign_key_check') as unknown[]).length === 0
  );
}

/** No pragmas: switching the journal mode writes the header, which a damaged file may refuse. */
function openRaw(path: string, vecExtensionPath: string): Database.Database {
  const db = new Database(path);
  db.loadExtension(vecExtensionPath);
  return db;
}

function hasSqliteHeader(path: string): boolean {
  return existsSync(path) && statSync(path).size >= HEADER_BYTES && startsLikeSqlite(path);
}

/**
 * Writes a plausible header over a zeroed or overwritten one. Only the page size matters for
 * reading (the schema and tables start right after the header, on page 1), so each size that
 * divides the file is tried and the one under which most tables can be counted is kept.
 */
function rebuildHeader(path: string, vecExtensionPath: string): boolean {
  const size = statSync(path).size;
  let best: { pageSize: number; readable: number } | null = null;
  for (const pageSize of [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512]) {
    if (size < pageSize || size % pageSize !== 0) continue;
    writeHeader(path, pageSize, size / pageSize);
    const readable = readableTables(path, vecExtensionPath);
    if (readable > (best?.readable ?? 0)) best = { pageSize, readable };
  }
  if (!best) return false;
  writeHeader(path, best.pageSize, size / best.pageSize);
  return true;
}

function readableTables(path: string, vecExtensionPath: string): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true });
    db.loadExtension(vecExtensionPath);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
      .all() as Array<{ name: string }>;
    let readable = 0;
    for (const { name } of tables) {
      try {
        db.prepare(`SELECT count(*) FROM ${quote(name)}`).get();
        readable++;
      } catch {
        // Not readable under this page size.
      }
    }
    return readable;
  } catch {
    return 0;
  } finally {
    db?.close();
  }
}

/**
 * A cut-off file keeps a header that counts the pages it had, and SQLite then reads the missing
 * ones as zeros and calls the whole file malformed, schema included. Counting only the pages that
 * are there makes the rest readable.
 */
function fitPageCountToFile(path: string): void {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r+');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
    const raw = header.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return;
    const pages = Math.floor(statSync(path).size / pageSize);
    if (header.readUInt32BE(28) <= pages) return;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(pages);
    writeSync(fd, count, 0, 4, 28);
  } finally {
    closeSync(fd);
  }
}

/** The 100-byte header of https://sqlite.org/fileformat.html, for a rollback-journal UTF-8 database. */
function writeHeader(path: string, pageSize: number, pages: number): void {
  const header = Buffer.alloc(HEADER_BYTES);
  SQLITE_MAGIC.copy(header, 0);
  header.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
  header[18] = 1; // file format write version: rollback journal (WAL is switched on at open)
  header[19] = 1;
  header[21] = 64; // payload fractions, fixed by the format
  header[22] = 32;
  header[23] = 32;
  header.writeUInt32BE(1, 24); // change counter
  header.writeUInt32BE(pages, 28);
  header.writeUInt32BE(1, 40); // schema cookie
  header.writeUInt32BE(4, 44); // schema format
  header.writeUInt32BE(1, 56); // UTF-8
  header.writeUInt32BE(1, 92); // version-valid-for = change counter: the page count above is trusted
  header.writeUInt32BE(3_045_000, 96);
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
}

function copyDatabase(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

function moveDatabase(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
