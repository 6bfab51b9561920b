import type { SqliteDatabase } from '../../store/db';
import { keywordQuery } from '../../fts/keyword-query';

export interface KeywordHit {
  chunkId: number;
  /** FTS5 bm25: lower is better (it is negative). */
  score: number;
}

export interface KeywordSearchOptions {
  /** Only chunks of these collections; every collection when absent. */
  collectionIds?: readonly number[];
  /** How many chunks at most. */
  limit: number;
  /**
   * Pass the text to `MATCH` as it is: plain FTS5, the baseline the evaluation compares against.
   * Defaults to `false` (the text goes through `keywordQuery`).
   */
  raw?: boolean;
}

/**
 * A heading match counts for more than a body match: the heading path says what the whole chunk
 * is about. bm25's column weights are (text, heading_path). On the evaluation set 1 and 2 scored
 * the same and 4 lost recall@5 (0.402 → 0.379), so 2 is the most the headings get.
 */
export const HEADING_WEIGHT = 2;

/** The chunks that best match the words of `text`, best first. */
export function keywordSearch(db: SqliteDatabase, text: string, options: KeywordSearchOptions): KeywordHit[] {
  const match = options.raw ? text : keywordQuery(text).match;
  if (!match) return [];
  const [scope, scopeArgs] = collectionScope(options.collectionIds);
  // Every match is scored, so what each costs counts: unscoped, nothing is joined (at 1M chunks
  // the joins were three quarters of the time); scoped, the chunk's document comes from the
  // covering index (library migration 0008), not from the row with its text.
  const from = options.collectionIds
    ? `chunks_fts f JOIN chunks c INDEXED BY chunks_document_lookup ON c.id = f.rowid
       JOIN documents d ON d.id = c.document_id`
    : 'chunks_fts f';
  const sql = `SELECT f.rowid AS chunkId, bm25(chunks_fts, 1.0, ${HEADING_WEIGHT}) AS score
    FROM ${from} WHERE chunks_fts MATCH ? ${scope} ORDER BY score LIMIT ?`;
  try {
    return db.prepare(sql).all(match, ...scopeArgs, options.limit) as KeywordHit[];
  } catch (error) {
    // Raw text is often not a valid FTS5 query (a syntax error, or "half-finished" read as a
    // column filter); for the baseline that is simply no answer.
    if (options.raw && (error as { code?: string }).code === 'SQLITE_ERROR') return [];
    throw error;
  }
}

/** `AND d.collection_id IN (…)` with its arguments, or nothing when every collection is in scope. */
export function collectionScope(collectionIds: readonly number[] | undefined): [string, number[]] {
  if (!collectionIds) return ['', []];
  if (collectionIds.length === 0) return ['AND 0', []];
  return [`AND d.collection_id IN (${collectionIds.map(() => '?').join(', ')})`, [...collectionIds]];
}
