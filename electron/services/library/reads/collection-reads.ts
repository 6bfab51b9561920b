import type { SqliteDatabase } from '../../store/db';
import { isInside, posixRelative } from '../../paths';

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

/**
 * The scope a search filters by: `undefined` (no filter) when `ids` names every collection there
 * is, since a filter that keeps every row only costs (a check per match); else `ids` as given.
 */
export function narrowestScope(db: SqliteDatabase, ids: readonly number[] | undefined): readonly number[] | undefined {
  if (!ids || ids.length === 0) return ids;
  const outside = db
    .prepare(`SELECT EXISTS (SELECT 1 FROM collections WHERE id NOT IN (${ids.map(() => '?').join(', ')}))`)
    .pluck()
    .get(...ids) as number;
  return outside ? ids : undefined;
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
 * A file's path within the folder of its collection that holds it (`pages/common/tar.md`), or the
 * absolute path when no folder does (the folder was removed while the file's rows remain). Each
 * collection's folders are read once per returned function.
 */
export function relativePaths(db: SqliteDatabase): (collectionId: number, path: string) => string {
  const roots = new Map<number, string[]>();
  return (collectionId, path) => {
    let collectionRoots = roots.get(collectionId);
    if (!collectionRoots) {
      collectionRoots = listSources(db, collectionId).map((source) => source.root);
      roots.set(collectionId, collectionRoots);
    }
    const root = collectionRoots.find((candidate) => path !== candidate && isInside(path, candidate));
    return root ? posixRelative(root, path) : path;
  };
}
