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
 * rank (rank-based fused scores are nearly flat, 1/61, 1/62…, so summing them would let a file's
 * second passage outweigh a clearly better first one), the retrievers weighted as in the fusion.
 *
 * One retriever's scores count relative to its best. Two are first put on one scale, each by its
 * own candidates' spread (distribution-based score fusion): mean − 3σ is 0, mean + 3σ is 1. Relative
 * to the best would not do there: cosine similarities crowd just under their best, so every vector
 * candidate would count as strong evidence and outweigh a clearly better keyword match, while bm25
 * spreads. On both question sets (test/eval/) this lowered no hybrid figure where dividing by the
 * best lost a file at rank 5, and min–max scaling (the other usual choice) lost two on tldr.
 */
export function chunkEvidence(
  ids: readonly number[],
  rows: ReadonlyMap<number, StoredChunk>,
  scores: RetrieverScores,
  weights: { keyword: number; vector: number },
): Evidence[] {
  const both = scores.keyword.size > 0 && scores.vector.size > 0;
  const keyword = both ? spreadScale(scores.keyword) : bestScale(scores.keyword);
  const vector = both ? spreadScale(scores.vector) : bestScale(scores.vector);
  const wk = scores.keyword.size > 0 ? weights.keyword : 0;
  const wv = scores.vector.size > 0 ? weights.vector : 0;
  return ids.flatMap((id) => {
    const row = rows.get(id);
    if (!row) return [];
    const score = (wk * keyword(scores.keyword.get(id)) + wv * vector(scores.vector.get(id))) / (wk + wv || 1);
    return [{ documentId: row.documentId, score, heading: headingOf(row) }];
  });
}

/** A score as a share of the best one (0 where the retriever did not find the chunk). */
function bestScale(scores: ReadonlyMap<number, number>): (score: number | undefined) => number {
  const best = Math.max(Number.EPSILON, ...scores.values());
  return (score) => Math.max(0, score ?? 0) / best;
}

/** A score placed in its retriever's spread: mean − 3σ → 0, mean + 3σ → 1, clipped. */
function spreadScale(scores: ReadonlyMap<number, number>): (score: number | undefined) => number {
  const values = [...scores.values()];
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
  if (sd === 0) return (score) => (score === undefined ? 0 : 1);
  return (score) => (score === undefined ? 0 : Math.min(1, Math.max(0, (score - mean + 3 * sd) / (6 * sd))));
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
