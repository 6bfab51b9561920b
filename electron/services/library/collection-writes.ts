import type { SqliteDatabase } from '../store/db';
import { folderPrefix } from '../paths';
import { findCollectionId } from './reads/collection-reads';

/** Changes to collections and their folders in `library.db`; each takes the db first and holds no state. */

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

export function setPaused(db: SqliteDatabase, collectionId: number, paused: boolean): void {
  db.prepare('UPDATE collections SET paused = ? WHERE id = ?').run(paused ? 1 : 0, collectionId);
}

/** Every file of a collection is read again at the next run; quarantined files get a new chance. */
export function markAllPending(db: SqliteDatabase, collectionId: number): void {
  db.prepare(
    `UPDATE documents SET status = 'pending', skip_reason = NULL, skip_detail = NULL, attempts = 0, last_error = NULL,
       reader = NULL WHERE collection_id = ?`,
  ).run(collectionId);
}

export function removeSource(db: SqliteDatabase, collectionId: number, root: string): void {
  db.prepare('DELETE FROM sources WHERE collection_id = ? AND root = ?').run(collectionId, root);
}

export function removeCollectionRow(db: SqliteDatabase, collectionId: number): void {
  db.prepare('DELETE FROM collections WHERE id = ?').run(collectionId);
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
