/**
 * Weighted reciprocal rank fusion: a chunk's score is the sum over the retrievers that found it of
 * `weight / (k + rank)`, rank counted from 1. Ranks, not scores, are fused because bm25 and cosine
 * distances are on scales that do not compare. Equal weights often score below the better
 * retriever alone, so the weights are measured (`hearth eval retrieval --sweep`), not assumed.
 */

export interface RankedList {
  /** Which retriever this is (`keyword`, `vector`), as it appears in each fused item's ranks. */
  name: string;
  weight: number;
  /** Chunk ids, best first. */
  ids: readonly number[];
}

export interface FusedItem {
  id: number;
  score: number;
  /** The 1-based rank each retriever gave it; absent where a retriever did not find it. */
  ranks: Record<string, number>;
}

/** The usual constant: it keeps the first few ranks from dominating. */
export const RRF_K = 60;

/** Fuses ranked lists; ties keep the order of first appearance (the first list's order first). */
export function fuseRanks(lists: readonly RankedList[], k: number = RRF_K): FusedItem[] {
  const fused = new Map<number, FusedItem>();
  for (const list of lists) {
    list.ids.forEach((id, index) => {
      const item = fused.get(id) ?? { id, score: 0, ranks: {} };
      item.score += list.weight / (k + index + 1);
      item.ranks[list.name] = index + 1;
      fused.set(id, item);
    });
  }
  // Array.prototype.sort is stable, so equal scores keep insertion order.
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
