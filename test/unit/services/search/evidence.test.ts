import { describe, expect, it } from 'vitest';
import type { StoredChunk } from '../../../../electron/services/library/reads';
import { chunkEvidence } from '../../../../electron/services/search/evidence';

/** Chunk `id` of file `id` (one chunk a file here), with no heading. */
const rows = (ids: readonly number[]) =>
  new Map(ids.map((id) => [id, { id, documentId: id, headingPath: '', path: `/docs/${id}.md` } as StoredChunk]));
const weights = { keyword: 1, vector: 0.7 };

describe('chunk evidence', () => {
  it('with one retriever, scores each chunk relative to the best, as that retriever ordered them', () => {
    const keyword = new Map([
      [1, 10],
      [2, 5],
      [3, 1],
    ]);
    const evidence = chunkEvidence([1, 2, 3], rows([1, 2, 3]), { keyword, vector: new Map() }, weights);
    expect(evidence.map((item) => item.score)).toEqual([1, 0.5, 0.1]);
  });

  it('with two, does not let a cosine in the middle of a crowd outweigh a clear keyword match', () => {
    // bm25 spreads; cosine similarities crowd just under their best (0.80–0.84 here).
    const keyword = new Map([[1, 10], [2, 5], ...[20, 21, 22, 23, 24, 25].map((id) => [id, 1] as [number, number])]);
    const vector = new Map(
      [30, 31, 32, 33, 34, 35, 36, 37, 38].map((id, i) => [id, 0.8 + (i % 5) * 0.01] as [number, number]),
    );
    const ids = [...keyword.keys(), ...vector.keys()];
    const evidence = new Map(
      chunkEvidence(ids, rows(ids), { keyword, vector }, weights).map((item) => [item.documentId, item.score]),
    );
    // File 2, a middling keyword match, over file 31, a middling vector match (0.81 among 0.80–0.84):
    // scaled by the best alone, 0.81 is 96 % of 0.84 and would win.
    expect(evidence.get(2)).toBeGreaterThan(evidence.get(31)!);
    // The best of each still counts fully, and order within a retriever is kept.
    expect(evidence.get(1)).toBeGreaterThan(evidence.get(2)!);
    expect(evidence.get(34)).toBeGreaterThan(evidence.get(31)!);
  });
});
