import type { SlowDocument } from '../../ipc/schemas/library';
import type { SqliteDatabase } from '../store/db';
import { folderPrefix, isInside } from '../paths';
import { crashPoint } from './crash-points';
import type { Chunk } from './chunk';
import { embeddedCount } from './embedders';
import type { DocumentType } from './extract';
import type { FoundFile, SkippedPath, SkipReason } from './walk';

/** Query functions over `library.db`; each takes the db first and holds no state. */

export interface SourceRow {
  id: number;
  collectionId: number;
  root: string;
  include: string[];
  exclude: string[];
  /** Index hidden files and folders (`.name`) too. */
  includeHidden: boolean;
  /** Follow links whose real path leaves the folder. */
  followLinks: boolean;
}

export interface PendingDocument {
  id: number;
  path: string;
  size: number;
  attempts: number;
}

export type DocumentStatus = 'pending' | 'indexed' | 'skipped' | 'quarantined';

export function createCollection(db: SqliteDatabase, name: string): number {
  const existing = findCollectionId(db, name);
  if (existing !== null) return existing;
  return Number(
    db.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)').run(name, Date.now()).lastInsertRowid,
  );
}

export function addSource(
  db: SqliteDatabase,
  collectionId: number,
  source: {
    root: string;
    include?: readonly string[];
    exclude?: readonly string[];
    includeHidden?: boolean;
    followLinks?: boolean;
  },
): void {
  db.prepare(
    `INSERT INTO sources (collection_id, root, include, exclude, include_hidden, follow_links, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (collection_id, root) DO UPDATE
       SET include = excluded.include, exclude = excluded.exclude, include_hidden = excluded.include_hidden,
         follow_links = excluded.follow_links`,
  ).run(
    collectionId,
    source.root,
    JSON.stringify(source.include ?? []),
    JSON.stringify(source.exclude ?? []),
    source.includeHidden ? 1 : 0,
    source.followLinks ? 1 : 0,
    Date.now(),
  );
}

export function listSources(db: SqliteDatabase, collectionId: number): SourceRow[] {
  const rows = db
    .prepare(
      'SELECT id, collection_id, root, include, exclude, include_hidden, follow_links FROM sources WHERE collection_id = ? ORDER BY id',
    )
    .all(collectionId) as Array<{
    id: number;
    collection_id: number;
    root: string;
    include: string;
    exclude: string;
    include_hidden: number;
    follow_links: number;
  }>;
  return rows.map((row) => ({
    id: row.id,
    collectionId: row.collection_id,
    root: row.root,
    include: JSON.parse(row.include) as string[],
    exclude: JSON.parse(row.exclude) as string[],
    includeHidden: row.include_hidden === 1,
    followLinks: row.follow_links === 1,
  }));
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

export interface CollectionReport {
  discovered: number;
  indexed: number;
  pending: number;
  skipped: number;
  quarantined: number;
  chunks: number;
  /** Chunks with a vector from the current embedding model (0 when there is none). */
  embedded: number;
  /** Skipped and quarantined files by reason. */
  skipReasons: Record<string, number>;
  /** Files by document type and status. */
  byType: Record<string, Partial<Record<DocumentStatus, number>>>;
}

/**
 * The accounting of a collection: discovered = indexed + skipped + quarantined + pending, always;
 * and how many of its chunks have a vector from `embedderId` (the current embedding model).
 */
export function collectionReport(
  db: SqliteDatabase,
  collectionId: number,
  embedderId: number | null = null,
): CollectionReport {
  const rows = db
    .prepare('SELECT type, status, skip_reason, count(*) AS n FROM documents WHERE collection_id = ? GROUP BY 1, 2, 3')
    .all(collectionId) as Array<{ type: string; status: DocumentStatus; skip_reason: string | null; n: number }>;
  const report: CollectionReport = {
    discovered: 0,
    indexed: 0,
    pending: 0,
    skipped: 0,
    quarantined: 0,
    chunks: (
      db
        .prepare(
          'SELECT count(*) AS n FROM chunks JOIN documents d ON d.id = chunks.document_id WHERE d.collection_id = ?',
        )
        .get(collectionId) as { n: number }
    ).n,
    embedded: embedderId === null ? 0 : embeddedCount(db, embedderId, collectionId),
    skipReasons: {},
    byType: {},
  };
  for (const row of rows) {
    report.discovered += row.n;
    report[row.status] += row.n;
    if (row.skip_reason) report.skipReasons[row.skip_reason] = (report.skipReasons[row.skip_reason] ?? 0) + row.n;
    const type = (report.byType[row.type] ??= {});
    type[row.status] = (type[row.status] ?? 0) + row.n;
  }
  return report;
}

/**
 * Deletes documents (with their chunks, full-text rows and vectors) a batch per transaction,
 * yielding to the event loop between batches: removing a large collection must not freeze the
 * window for the seconds its cascade takes. `where` selects the documents (a SQL condition on
 * `documents`, with `args`). Returns how many were deleted.
 */
export async function deleteDocuments(
  db: SqliteDatabase,
  where: string,
  args: unknown[],
  batchSize = 200,
): Promise<number> {
  const select = db.prepare(`SELECT id FROM documents WHERE ${where} LIMIT ?`).pluck();
  const remove = db.prepare('DELETE FROM documents WHERE id = ?');
  let deleted = 0;
  for (;;) {
    const ids = select.all(...args, batchSize) as number[];
    if (!ids.length) return deleted;
    db.transaction(() => ids.forEach((id) => remove.run(id)))();
    deleted += ids.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Documents under a source folder, as a `deleteDocuments` condition. */
export function underRoot(collectionId: number, root: string): [string, unknown[]] {
  const prefix = folderPrefix(root);
  return [`collection_id = ? AND (path = ? OR substr(path, 1, ?) = ?)`, [collectionId, root, prefix.length, prefix]];
}

export function removeSource(db: SqliteDatabase, collectionId: number, root: string): void {
  db.prepare('DELETE FROM sources WHERE collection_id = ? AND root = ?').run(collectionId, root);
}

export function removeCollectionRow(db: SqliteDatabase, collectionId: number): void {
  db.prepare('DELETE FROM collections WHERE id = ?').run(collectionId);
}

/** Every file of a collection is read again at the next run; quarantined files get a new chance. */
export function markAllPending(db: SqliteDatabase, collectionId: number): void {
  db.prepare(
    `UPDATE documents SET status = 'pending', skip_reason = NULL, skip_detail = NULL, attempts = 0, last_error = NULL,
       reader = NULL WHERE collection_id = ?`,
  ).run(collectionId);
}

export interface CollectionRow {
  id: number;
  name: string;
  createdAt: Date;
  /** The user paused it: no sync runs until it is resumed. */
  paused: boolean;
}

/**
 * The collection called `name`, compared as the column compares names (COLLATE NOCASE: "notes" is
 * "Notes"), so every way in (the index command, search, ask, the API) finds the same one.
 */
export function findCollectionId(db: SqliteDatabase, name: string): number | null {
  const row = db.prepare('SELECT id FROM collections WHERE name = ?').get(name.trim()) as { id: number } | undefined;
  return row?.id ?? null;
}

export function listCollections(db: SqliteDatabase): CollectionRow[] {
  return (
    db.prepare('SELECT id, name, created_at, paused FROM collections ORDER BY name').all() as Array<{
      id: number;
      name: string;
      created_at: number;
      paused: number;
    }>
  ).map((row) => ({ id: row.id, name: row.name, createdAt: new Date(row.created_at), paused: row.paused === 1 }));
}

export function setPaused(db: SqliteDatabase, collectionId: number, paused: boolean): void {
  db.prepare('UPDATE collections SET paused = ? WHERE id = ?').run(paused ? 1 : 0, collectionId);
}

export interface DocumentRow {
  path: string;
  type: string;
  status: DocumentStatus;
  size: number;
  skipReason: string | null;
  skipDetail: string | null;
  chunks: number;
}

/** The `limit` documents of a collection that took longest to read, slowest first. */
export function slowestDocuments(db: SqliteDatabase, collectionId: number, limit: number): SlowDocument[] {
  const rows = db
    .prepare(
      `SELECT path, type, status, size, read_ms AS readMs, read_cost AS cost FROM documents
       WHERE collection_id = ? AND read_ms IS NOT NULL ORDER BY read_ms DESC, path LIMIT ?`,
    )
    .all(collectionId, limit) as Array<Omit<SlowDocument, 'cost' | 'slowestStage'> & { cost: string }>;
  return rows.map((row) => {
    const cost = JSON.parse(row.cost) as SlowDocument['cost'];
    const slowestStage = (['read', 'parse', 'chunk'] as const).reduce((a, b) => (cost[b] > cost[a] ? b : a));
    return { ...row, cost, slowestStage };
  });
}

/** A page of a collection's documents, problems first (quarantined, skipped), then by path. */
export function listDocuments(
  db: SqliteDatabase,
  collectionId: number,
  page: { status?: DocumentStatus; offset: number; limit: number },
): { total: number; documents: DocumentRow[] } {
  const where = page.status ? 'collection_id = ? AND status = ?' : 'collection_id = ?';
  const args = page.status ? [collectionId, page.status] : [collectionId];
  const { total } = db.prepare(`SELECT count(*) AS total FROM documents WHERE ${where}`).get(...args) as {
    total: number;
  };
  const documents = db
    .prepare(
      `SELECT path, type, status, size, skip_reason AS skipReason, skip_detail AS skipDetail,
         (SELECT count(*) FROM chunks WHERE document_id = documents.id) AS chunks
       FROM documents WHERE ${where}
       ORDER BY CASE status WHEN 'quarantined' THEN 0 WHEN 'skipped' THEN 1 WHEN 'pending' THEN 2 ELSE 3 END, path
       LIMIT ? OFFSET ?`,
    )
    .all(...args, page.limit, page.offset) as DocumentRow[];
  return { total, documents };
}
