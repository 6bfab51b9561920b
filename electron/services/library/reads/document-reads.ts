import type {
  Collection,
  CollectionReport,
  DocumentStatus,
  LibraryDocument,
  SkipReason,
  SlowDocument,
} from '../../../ipc/schemas/library';
import type { SqliteDatabase } from '../../store/db';
import { embeddedCount } from '../embedders';
import { listSources, type CollectionRow } from './collection-reads';

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
    .all(collectionId) as Array<{ type: string; status: DocumentStatus; skip_reason: SkipReason | null; n: number }>;
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

/** Problems first: quarantined, skipped, waiting, then indexed (the file table's order). */
const STATUS_RANK = `CASE status WHEN 'quarantined' THEN 0 WHEN 'skipped' THEN 1 WHEN 'pending' THEN 2 ELSE 3 END`;
const RANK: Record<DocumentStatus, number> = { quarantined: 0, skipped: 1, pending: 2, indexed: 3 };

/**
 * A page of a collection's documents, problems first, then by path: the `limit` rows after
 * `after` (the last row of the page before), so a page never repeats or skips a row when files
 * are indexed (and change status) between two pages.
 */
export function listDocuments(
  db: SqliteDatabase,
  collectionId: number,
  page: { status?: DocumentStatus; after?: { status: DocumentStatus; path: string }; limit: number },
): { total: number; documents: LibraryDocument[] } {
  const where = page.status ? 'collection_id = ? AND status = ?' : 'collection_id = ?';
  const args: unknown[] = page.status ? [collectionId, page.status] : [collectionId];
  const { total } = db.prepare(`SELECT count(*) AS total FROM documents WHERE ${where}`).get(...args) as {
    total: number;
  };
  const after = page.after ? `AND (${STATUS_RANK} > ? OR (${STATUS_RANK} = ? AND path > ?))` : '';
  const afterArgs = page.after ? [RANK[page.after.status], RANK[page.after.status], page.after.path] : [];
  const documents = db
    .prepare(
      `SELECT path, type, status, size, skip_reason AS skipReason, skip_detail AS skipDetail,
         (SELECT count(*) FROM chunks WHERE document_id = documents.id) AS chunks
       FROM documents WHERE ${where} ${after}
       ORDER BY ${STATUS_RANK}, path
       LIMIT ?`,
    )
    .all(...args, ...afterArgs, page.limit) as LibraryDocument[];
  return { total, documents };
}

/** The path of an indexed file, or `null` when the library has no such document. */
export function documentPathOf(db: SqliteDatabase, documentId: number): string | null {
  return (db.prepare('SELECT path FROM documents WHERE id = ?').pluck().get(documentId) as string | undefined) ?? null;
}

/** A collection as the contract shows it: its folders with their rules, and its accounting. */
export function describeCollection(
  db: SqliteDatabase,
  row: CollectionRow,
  run: { embedderId: number | null; indexing: boolean; progress: Collection['progress'] },
): Collection {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    sources: listSources(db, row.id).map(({ root, include, exclude, includeHidden, followLinks }) => ({
      path: root,
      include,
      exclude,
      includeHidden,
      followLinks,
    })),
    report: collectionReport(db, row.id, run.embedderId),
    indexing: run.indexing,
    paused: row.paused,
    progress: run.progress,
  };
}
