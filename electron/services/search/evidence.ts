import type { StoredChunk } from '../library/reads';
import type { Evidence } from './file-ranking';
import type { Passage } from './passages';

/** The retrievers' own scores of each candidate chunk, higher better. */
export interface RetrieverScores {
  /** bm25, as a positive number. */
  keyword: ReadonlyMap<number, number>;
  /** Cosine similarity to the query. */
  vector: ReadonlyMap<number, number>;
}

/**
 * Each candidate chunk as evidence for its file, scored by how well it matches rather than by its
 * rank: each retriever's score divided by its best, weighted as in the fusion. Rank-based fused
 * scores are nearly flat (1/61, 1/62…), so summing them would let a file's second passage outweigh
 * a clearly better first one.
 */
export function chunkEvidence(
  ids: readonly number[],
  rows: ReadonlyMap<number, StoredChunk>,
  scores: RetrieverScores,
  weights: { keyword: number; vector: number },
): Evidence[] {
  const best = (map: ReadonlyMap<number, number>) => Math.max(Number.EPSILON, ...map.values());
  const [bestKeyword, bestVector] = [best(scores.keyword), best(scores.vector)];
  const wk = scores.keyword.size > 0 ? weights.keyword : 0;
  const wv = scores.vector.size > 0 ? weights.vector : 0;
  return ids.flatMap((id) => {
    const row = rows.get(id);
    if (!row) return [];
    const keyword = (scores.keyword.get(id) ?? 0) / bestKeyword;
    const vector = Math.max(0, scores.vector.get(id) ?? 0) / bestVector;
    return [
      { documentId: row.documentId, score: (wk * keyword + wv * vector) / (wk + wv || 1), heading: headingOf(row) },
    ];
  });
}

/**
 * Passages a reranker ordered (then the rest, in the fused order) as evidence: the reranker's
 * scores are not comparable with the others', so each counts by its position.
 */
export function rerankedEvidence(order: readonly Passage[]): Evidence[] {
  return order.map((passage, i) => ({
    documentId: passage.chunks[0]!.documentId,
    score: 1 / (60 + i),
    heading: headingOf(passage.chunks[0]!),
  }));
}

/** Where a chunk's words may name its topic: its heading path and its file's name. */
function headingOf(chunk: StoredChunk): string {
  return `${chunk.headingPath} ${chunk.path.split(/[\\/]/).pop() ?? ''}`;
}
