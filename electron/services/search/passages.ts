import type { StoredChunk } from '../library/reads';

/** A run of neighbouring chunks of one file that all matched, ranked by its best chunk. */
export interface Passage {
  chunks: StoredChunk[];
  /** Rank (0-based) of the best chunk among the fused results. */
  rank: number;
}

/**
 * Groups ranked chunks into passages: a chunk next to one already taken from the same file (the
 * ordinal before or after) joins that passage, so a hit that spans a chunk boundary reads as one
 * piece and does not take two places in the list. Passages keep the order of their best chunk.
 */
export function mergeNeighbours(ranked: readonly StoredChunk[]): Passage[] {
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
