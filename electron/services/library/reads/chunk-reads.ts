import type { SqliteDatabase } from '../../store/db';
import type { Chunk } from '../chunk';
import { stitchChunks } from './stitch';

/** A chunk as the index stores it: the chunker's chunk, where it is kept, and the file it came from. */
export interface StoredChunk extends Omit<Chunk, 'tokens'> {
  id: number;
  documentId: number;
  collectionId: number;
  path: string;
  type: string;
}

/** SQLite limits bound parameters; id lists are short, but stay well under the limit. */
const BATCH = 500;

/** The chunks with these ids and their files, in no particular order. */
export function loadChunks(db: SqliteDatabase, ids: readonly number[]): Map<number, StoredChunk> {
  const rows: StoredChunk[] = [];
  for (let start = 0; start < ids.length; start += BATCH) {
    const slice = ids.slice(start, start + BATCH);
    rows.push(
      ...(db
        .prepare(
          `SELECT c.id, c.document_id AS documentId, d.collection_id AS collectionId, c.ordinal, c.text,
             c.heading_path AS headingPath, c.page, c.line_start AS lineStart, c.line_end AS lineEnd,
             c.char_start AS charStart, c.char_end AS charEnd, d.path, d.type
           FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id IN (${slice.map(() => '?').join(', ')})`,
        )
        .all(...slice) as StoredChunk[]),
    );
  }
  return new Map(rows.map((row) => [row.id, row]));
}

/** A file's indexed text, its chunks stitched in order (the overlaps once). */
export function documentText(db: SqliteDatabase, documentId: number): string {
  const chunks = db
    .prepare(
      'SELECT text, char_start AS charStart, char_end AS charEnd FROM chunks WHERE document_id = ? ORDER BY ordinal',
    )
    .all(documentId) as Array<{ text: string; charStart: number; charEnd: number }>;
  return stitchChunks(chunks);
}

/**
 * Each chunk's text with the terms of `match` (an FTS5 expression) between `start` and `end`,
 * marked by FTS5 itself so stemming agrees with what matched. Chunks that do not match are absent.
 */
export function highlightedChunks(
  db: SqliteDatabase,
  chunkIds: readonly number[],
  match: string,
  marks: { start: string; end: string },
): Map<number, string> {
  if (chunkIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT rowid AS id, highlight(chunks_fts, 0, ?, ?) AS marked FROM chunks_fts
       WHERE chunks_fts MATCH ? AND rowid IN (${chunkIds.map(() => '?').join(', ')})`,
    )
    .all(marks.start, marks.end, match, ...chunkIds) as Array<{ id: number; marked: string }>;
  return new Map(rows.map((row) => [row.id, row.marked]));
}
