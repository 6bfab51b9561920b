import type { SqliteDatabase } from '../store/db';
import { listSources } from '../library/library-store';
import { isInside, posixRelative } from '../paths';

/** A stored chunk with the file it came from. */
export interface ChunkRow {
  id: number;
  documentId: number;
  collectionId: number;
  ordinal: number;
  text: string;
  headingPath: string;
  page: number | null;
  lineStart: number;
  lineEnd: number;
  /** Where the chunk's text is in the file's extracted text (chunks are exact slices of it). */
  charStart: number;
  charEnd: number;
  path: string;
  type: string;
}

/** A run of neighbouring chunks of one file that all matched, ranked by its best chunk. */
export interface Passage {
  chunks: ChunkRow[];
  /** Rank (0-based) of the best chunk among the fused results. */
  rank: number;
}

/** The chunks with these ids and their files, in no particular order. */
export function loadChunks(db: SqliteDatabase, ids: readonly number[]): Map<number, ChunkRow> {
  const rows: ChunkRow[] = [];
  // SQLite limits bound parameters; results lists are short, but keep well under the limit.
  for (let start = 0; start < ids.length; start += 500) {
    const slice = ids.slice(start, start + 500);
    rows.push(
      ...(db
        .prepare(
          `SELECT c.id, c.document_id AS documentId, d.collection_id AS collectionId, c.ordinal, c.text,
             c.heading_path AS headingPath, c.page, c.line_start AS lineStart, c.line_end AS lineEnd,
             c.char_start AS charStart, c.char_end AS charEnd, d.path, d.type
           FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id IN (${slice.map(() => '?').join(', ')})`,
        )
        .all(...slice) as ChunkRow[]),
    );
  }
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Groups ranked chunks into passages: a chunk next to one already taken from the same file (the
 * ordinal before or after) joins that passage, so a hit that spans a chunk boundary reads as one
 * piece and does not take two places in the list. Passages keep the order of their best chunk.
 */
export function mergeNeighbours(ranked: readonly ChunkRow[]): Passage[] {
  const passages: Passage[] = [];
  const byDocument = new Map<number, Passage[]>();
  ranked.forEach((chunk, rank) => {
    const candidates = byDocument.get(chunk.documentId) ?? [];
    const touching = candidates.filter((passage) =>
      passage.chunks.some((other) => Math.abs(other.ordinal - chunk.ordinal) === 1),
    );
    if (touching.length === 0) {
      const passage = { chunks: [chunk], rank };
      passages.push(passage);
      byDocument.set(chunk.documentId, [...candidates, passage]);
      return;
    }
    // The chunk may bridge two passages (ordinals 3 and 5, then 4): they become one.
    const [into, ...others] = touching;
    into!.chunks.push(chunk, ...others.flatMap((passage) => passage.chunks));
    into!.chunks.sort((a, b) => a.ordinal - b.ordinal);
    for (const other of others) {
      passages.splice(passages.indexOf(other), 1);
      candidates.splice(candidates.indexOf(other), 1);
    }
  });
  return passages;
}

/**
 * A file's path within the folder of its collection that holds it (`pages/common/tar.md`), or the
 * absolute path when no folder does (the folder was removed while the file's rows remain).
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

/**
 * The text of neighbouring chunks of one file as one piece. Chunks overlap (a chunk repeats the end
 * of the one before, up to its overlap budget) and are exact slices of the file's text, so they are
 * laid by their character offsets: the overlap appears once, and a sentence that crosses a chunk
 * boundary reads whole. Chunks that do not touch are joined by a blank line.
 */
export function stitchChunks(chunks: ReadonlyArray<Pick<ChunkRow, 'text' | 'charStart' | 'charEnd'>>): string {
  const ordered = [...chunks].sort((a, b) => a.charStart - b.charStart);
  let text = '';
  let end = -1;
  for (const chunk of ordered) {
    if (end < 0) text = chunk.text;
    else if (chunk.charStart <= end) text += chunk.text.slice(Math.min(chunk.text.length, end - chunk.charStart));
    else text += `\n\n${chunk.text}`;
    end = Math.max(end, chunk.charEnd);
  }
  return text;
}
