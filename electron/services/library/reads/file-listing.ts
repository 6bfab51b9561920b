import type { SqliteDatabase } from '../../store/db';
import { collectionScope } from './keyword-search';
import { keywordQuery } from '../../fts/keyword-query';
import { relativePaths } from './collection-reads';

export interface ListedFile {
  documentId: number;
  collectionId: number;
  path: string;
  relativePath: string;
  /** Passages of the file that match. */
  passages: number;
}

/**
 * Every file whose text matches `topic` (all its words, else any of them), best first: a listing
 * from the index, not the top few passages. `total` counts every matching file even past `limit`.
 */
export function listMatchingFiles(
  db: SqliteDatabase,
  topic: string,
  options: { collectionIds?: readonly number[]; limit: number },
): { files: ListedFile[]; total: number; allWords: boolean } {
  const { terms } = keywordQuery(topic);
  if (terms.length === 0) return { files: [], total: 0, allWords: true };
  // Files with every word of the topic, if there are any; else files with any word of it.
  const all = terms.map((term) => `"${term}"`).join(' AND ');
  const any = keywordQuery(topic).match!;
  for (const [match, allWords] of [
    [all, true],
    [any, false],
  ] as const) {
    const [scope, args] = collectionScope(options.collectionIds);
    const rows = db
      .prepare(
        // MATERIALIZED: bm25() only works in the FTS query itself, not once SQLite folds it into the grouping.
        `WITH m AS MATERIALIZED (SELECT rowid, bm25(chunks_fts) AS score FROM chunks_fts WHERE chunks_fts MATCH ?)
         SELECT d.id AS documentId, d.collection_id AS collectionId, d.path, count(*) AS passages, min(m.score) AS best
         FROM m JOIN chunks c ON c.id = m.rowid JOIN documents d ON d.id = c.document_id
         WHERE 1 ${scope} GROUP BY d.id ORDER BY best`,
      )
      .all(match, ...args) as Array<Omit<ListedFile, 'relativePath'> & { best: number }>;
    if (rows.length === 0 && allWords && terms.length > 1) continue;
    const relativePath = relativePaths(db);
    return {
      files: rows.slice(0, options.limit).map(({ best: _best, ...row }) => ({
        ...row,
        relativePath: relativePath(row.collectionId, row.path),
      })),
      total: rows.length,
      allWords,
    };
  }
  return { files: [], total: 0, allWords: false };
}
