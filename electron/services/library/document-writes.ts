import type { DocumentStatus, SkipReason } from '../../ipc/schemas/library';
import type { SqliteDatabase } from '../store/db';
import { isInside } from '../paths';
import { crashPoint } from './crash-points';
import type { Chunk } from './chunk';
import type { DocumentType } from './extract';
import type { FoundFile, SkippedPath } from './walk';

/** The indexer's changes to documents and their chunks in `library.db`; each takes the db first. */

export interface PendingDocument {
  id: number;
  path: string;
  size: number;
  attempts: number;
}

/**
 * Brings the documents of a collection in line with a walk, in one transaction: new files and
 * files whose size or modification time changed become `pending` (a quarantined file that changed
 * gets a fresh chance), and so do unchanged files whose reader has changed since it judged them
 * (`isCurrentReader`: a new version, or other OCR settings for a scan) and skipped files no reader
 * has judged; every other unchanged file, skipped or indexed, is left as it is. Files skipped by the walk are recorded with their reason; moved
 * files keep their row and chunks under the new path; rows for files that are gone are deleted,
 * with their chunks and full-text rows.
 */
export function applyWalk(
  db: SqliteDatabase,
  collectionId: number,
  /** The source folder walked: only documents under it are compared with the walk. */
  root: string,
  walked: { files: readonly FoundFile[]; skipped: readonly SkippedPath[] },
  typeOf: (path: string) => DocumentType,
  /** Whether a stored reader stamp is what its reader would write now (`isCurrentReader`). */
  isCurrentReader: (stamp: string) => boolean,
  /** Indexed documents that moved (old path → new path, same bytes): they keep their chunks. */
  renames: ReadonlyMap<string, FoundFile> = new Map(),
): void {
  const existing = new Map(
    (
      db
        .prepare('SELECT id, path, size, mtime_ms, status, type, reader FROM documents WHERE collection_id = ?')
        .all(collectionId) as Array<{
        id: number;
        path: string;
        size: number;
        mtime_ms: number;
        status: DocumentStatus;
        type: DocumentType;
        reader: string | null;
      }>
    )
      .filter((row) => isInside(row.path, root))
      .map((row) => [row.path, row]),
  );
  const insert = db.prepare(
    `INSERT INTO documents (collection_id, path, size, mtime_ms, type, status, skip_reason, skip_detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const requeue = db.prepare(
    `UPDATE documents SET size = ?, mtime_ms = ?, type = ?, status = 'pending', skip_reason = NULL,
       skip_detail = NULL, attempts = 0, last_error = NULL, reader = NULL WHERE id = ?`,
  );
  const skip = db.prepare(
    `UPDATE documents SET status = 'skipped', skip_reason = ?, skip_detail = ?, attempts = 0, last_error = NULL,
       reader = NULL WHERE id = ?`,
  );
  const dropChunks = db.prepare('DELETE FROM chunks WHERE document_id = ?');
  const remove = db.prepare('DELETE FROM documents WHERE id = ?');
  const move = db.prepare('UPDATE documents SET path = ?, size = ?, mtime_ms = ? WHERE id = ?');
  db.transaction(() => {
    const seen = new Set<string>();
    for (const [from, to] of renames) {
      const row = existing.get(from);
      if (!row || existing.has(to.path)) continue;
      move.run(to.path, to.size, to.mtimeMs, row.id);
      existing.delete(from);
      existing.set(to.path, { ...row, path: to.path, size: to.size, mtime_ms: to.mtimeMs });
    }
    for (const file of walked.files) {
      seen.add(file.path);
      const row = existing.get(file.path);
      if (!row) insert.run(collectionId, file.path, file.size, file.mtimeMs, typeOf(file.path), 'pending', null, null);
      else if (row.size !== file.size || row.mtime_ms !== file.mtimeMs) {
        requeue.run(file.size, file.mtimeMs, typeOf(file.path), row.id);
      } else if (
        (row.status === 'skipped' || row.status === 'indexed') &&
        (row.reader === null ? row.status === 'skipped' : !isCurrentReader(row.reader))
      ) {
        // Judged by another reader (or, skipped, by none). It keeps the type it was read as (a PDF
        // named .txt stays a PDF in the counts) until it is read, and identified, again.
        requeue.run(file.size, file.mtimeMs, row.type, row.id);
      }
    }
    for (const skipped of walked.skipped) {
      if (seen.has(skipped.path)) continue;
      seen.add(skipped.path);
      const row = existing.get(skipped.path);
      if (!row)
        insert.run(collectionId, skipped.path, 0, 0, typeOf(skipped.path), 'skipped', skipped.reason, skipped.detail);
      else {
        dropChunks.run(row.id);
        skip.run(skipped.reason, skipped.detail, row.id);
      }
    }
    for (const [path, row] of existing) if (!seen.has(path)) remove.run(row.id);
    crashPoint('walk-recorded');
  })();
}

/**
 * Which indexed documents of a collection moved: a file that is new to the index with the size and
 * SHA-256 of an indexed document no longer where it was. Only same-size candidates are hashed.
 */
export async function findRenames(
  db: SqliteDatabase,
  collectionId: number,
  root: string,
  files: readonly FoundFile[],
  sha256Of: (path: string) => Promise<string>,
): Promise<Map<string, FoundFile>> {
  const known = db
    .prepare(`SELECT path, size, sha256 FROM documents WHERE collection_id = ? AND status = 'indexed'`)
    .all(collectionId) as Array<{ path: string; size: number; sha256: string }>;
  const present = new Set(files.map((file) => file.path));
  const gone = known.filter((row) => isInside(row.path, root) && !present.has(row.path));
  const renames = new Map<string, FoundFile>();
  if (!gone.length) return renames;
  const indexed = new Set(known.map((row) => row.path));
  for (const file of files) {
    if (indexed.has(file.path)) continue;
    const candidates = gone.filter((row) => row.size === file.size && !renames.has(row.path));
    if (!candidates.length) continue;
    const hash = await sha256Of(file.path).catch(() => null);
    const match = candidates.find((row) => row.sha256 === hash);
    if (match) renames.set(match.path, file);
  }
  return renames;
}

/** The files of a collection waiting to be read, and their bytes (for rate and time left). */
export function pendingTotals(db: SqliteDatabase, collectionId: number): { files: number; bytes: number } {
  return db
    .prepare(
      `SELECT count(*) AS files, coalesce(sum(size), 0) AS bytes FROM documents WHERE collection_id = ? AND status = 'pending'`,
    )
    .get(collectionId) as { files: number; bytes: number };
}

export function nextPending(db: SqliteDatabase, collectionId: number): PendingDocument | null {
  return (
    (db
      .prepare(
        `SELECT id, path, size, attempts FROM documents WHERE collection_id = ? AND status = 'pending' ORDER BY id LIMIT 1`,
      )
      .get(collectionId) as PendingDocument | undefined) ?? null
  );
}

/** What reading one file took, in milliseconds, by stage. */
export interface ReadCost {
  /** Reading the bytes from disk. */
  read: number;
  /** The reader (OCR included). */
  parse: number;
  /** Cleaning, checking and chunking the text, and counting its tokens. */
  chunk: number;
}

/** The reader that judged a file and what it cost, stored with the file's outcome. */
export interface Judgement {
  /** `readerStamp`: type, reader version and, where OCR decided, its settings. */
  reader: string;
  cost: ReadCost;
}

const costColumns = (judgement: Judgement | null) =>
  judgement
    ? [
        judgement.reader,
        Math.round(judgement.cost.read + judgement.cost.parse + judgement.cost.chunk),
        JSON.stringify(judgement.cost, (_key, value: unknown) =>
          typeof value === 'number' ? Math.round(value) : value,
        ),
      ]
    : [null, null, null];

/** A file's chunks and its `indexed` status, written together or not at all. */
export function writeIndexed(
  db: SqliteDatabase,
  document: { id: number; sha256: string; type: DocumentType },
  chunks: readonly Chunk[],
  judgement: Judgement | null = null,
): void {
  const insert = db.prepare(
    `INSERT INTO chunks (document_id, ordinal, text, heading_path, page, line_start, line_end, char_start, char_end, tokens)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM chunks WHERE document_id = ?').run(document.id);
    for (const chunk of chunks) {
      insert.run(
        document.id,
        chunk.ordinal,
        chunk.text,
        chunk.headingPath,
        chunk.page,
        chunk.lineStart,
        chunk.lineEnd,
        chunk.charStart,
        chunk.charEnd,
        chunk.tokens,
      );
    }
    db.prepare(
      `UPDATE documents SET status = 'indexed', sha256 = ?, type = ?, skip_reason = NULL, skip_detail = NULL,
         last_error = NULL, indexed_at = ?, reader = ?, read_ms = ?, read_cost = ? WHERE id = ?`,
    ).run(document.sha256, document.type, Date.now(), ...costColumns(judgement), document.id);
    crashPoint('document-written');
  })();
}

/**
 * A file read and judged not worth indexing, with why. `judged` (the type it was read as, and the
 * reader and cost) is absent for a file that could not be read at all (gone, no permission): such
 * a file is read again at the next scan.
 */
export function markSkipped(
  db: SqliteDatabase,
  id: number,
  reason: SkipReason,
  detail: string,
  sha256: string | null,
  judged: (Judgement & { type: DocumentType }) | null = null,
): void {
  db.transaction(() => {
    db.prepare('DELETE FROM chunks WHERE document_id = ?').run(id);
    db.prepare(
      `UPDATE documents SET status = 'skipped', skip_reason = ?, skip_detail = ?, sha256 = ?, indexed_at = ?,
         type = coalesce(?, type), reader = ?, read_ms = ?, read_cost = ? WHERE id = ?`,
    ).run(reason, detail, sha256, Date.now(), judged?.type ?? null, ...costColumns(judged), id);
  })();
}

/**
 * A failure a running indexer saw (the parser threw, or ran out of time). The second one
 * quarantines the file with its error, so it never blocks the rest and never crash-loops.
 */
export function recordFailure(
  db: SqliteDatabase,
  id: number,
  error: string,
  reason: Extract<SkipReason, 'parse-failed' | 'timeout'> = 'parse-failed',
  quarantineAfter = 2,
): DocumentStatus {
  const { attempts } = db
    .prepare('UPDATE documents SET attempts = attempts + 1, last_error = ? WHERE id = ? RETURNING attempts')
    .get(error, id) as { attempts: number };
  if (attempts < quarantineAfter) return 'pending';
  db.prepare(`UPDATE documents SET status = 'quarantined', skip_reason = ?, skip_detail = ? WHERE id = ?`).run(
    reason,
    `Failed ${attempts} times; last error: ${error}`,
    id,
  );
  return 'quarantined';
}
