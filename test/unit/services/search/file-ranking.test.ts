import { describe, expect, it } from 'vitest';
import { rankFiles, type Evidence } from '../../../../electron/services/search/file-ranking';

const passage = (documentId: number, score: number, heading = ''): Evidence => ({ documentId, score, heading });

describe('file ranking', () => {
  // File 1 has one dense passage off the topic; file 2 matches well in three places.
  const evidence = [passage(1, 10), passage(2, 9), passage(2, 8.5), passage(2, 8), passage(3, 5)];

  it('by best passage: a file ranks by its best passage alone, as the hits first show it', () => {
    expect(rankFiles(evidence, [], 'best-passage').map((file) => file.documentId)).toEqual([1, 2, 3]);
    // The hits' order, whatever scale the evidence is on (a fused list is not in score order).
    const outOfOrder = [passage(4, 0.2), passage(5, 0.9), passage(4, 0.95)];
    expect(rankFiles(outOfOrder, [], 'best-passage').map((file) => file.documentId)).toEqual([4, 5]);
  });

  it('fused: a file that matches in several places outranks one dense passage', () => {
    expect(
      rankFiles(evidence, [], 'fused', { topK: 3, discount: 0.5, headingBoost: 0 }).map((f) => f.documentId),
    ).toEqual([2, 1, 3]);
    // Only the top k count: a file with many weak passages does not win on their number.
    const many = [passage(1, 10), ...Array.from({ length: 20 }, () => passage(2, 3))];
    expect(rankFiles(many, [], 'fused', { topK: 3, discount: 0.5, headingBoost: 0 })[0]!.documentId).toBe(1);
  });

  it('weighs a passage under a heading (or in a file) named for the question’s words', () => {
    const tied = [passage(1, 5, 'Install'), passage(2, 5, 'Cookie Handling cookies.md')];
    const fusion = { topK: 1, discount: 0.5, headingBoost: 0.5 };
    expect(rankFiles(tied, ['delete', 'cookie'], 'fused', fusion).map((f) => f.documentId)).toEqual([2, 1]);
    // Identifiers count by their parts; short words only whole ("tar" is not "target").
    const parts = [passage(1, 5, 'target'), passage(2, 5, 'parseHeaders(headers)')];
    expect(rankFiles(parts, ['tar', 'headers'], 'fused', fusion).map((f) => f.documentId)).toEqual([2, 1]);
    expect(rankFiles(parts, ['tar'], 'fused', fusion).map((f) => f.documentId)).toEqual([1, 2]);
  });

  it('keeps the order of each file’s best passage on ties', () => {
    expect(rankFiles([passage(7, 1), passage(3, 1)], [], 'fused').map((f) => f.documentId)).toEqual([7, 3]);
  });
});
