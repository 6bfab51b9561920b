import { describe, expect, it } from 'vitest';
import { fuseRanks } from '../../../../electron/services/search/fusion';

describe('fuseRanks', () => {
  it('adds weight / (k + rank) over the lists that found an id, and records each rank', () => {
    const fused = fuseRanks(
      [
        { name: 'keyword', weight: 1, ids: [10, 20, 30] },
        { name: 'vector', weight: 1, ids: [30, 40] },
      ],
      60,
    );
    expect(fused.map((item) => item.id)).toEqual([30, 10, 20, 40]);
    expect(fused[0]).toEqual({ id: 30, score: 1 / 63 + 1 / 61, ranks: { keyword: 3, vector: 1 } });
    expect(fused[1]).toEqual({ id: 10, score: 1 / 61, ranks: { keyword: 1 } });
  });

  it('lets a heavier list win where equal weights would tie', () => {
    const lists = (keyword: number, vector: number) => [
      { name: 'keyword', weight: keyword, ids: [1, 2] },
      { name: 'vector', weight: vector, ids: [2, 1] },
    ];
    expect(fuseRanks(lists(1, 1))[0]!.score).toBeCloseTo(fuseRanks(lists(1, 1))[1]!.score, 12);
    expect(fuseRanks(lists(1, 0.5)).map((item) => item.id)).toEqual([1, 2]);
    expect(fuseRanks(lists(0.5, 1)).map((item) => item.id)).toEqual([2, 1]);
  });

  it('with a zero weight keeps that list’s ids but ranks them by the other list only', () => {
    const fused = fuseRanks([
      { name: 'keyword', weight: 1, ids: [5, 6] },
      { name: 'vector', weight: 0, ids: [7, 6] },
    ]);
    expect(fused.map((item) => item.id)).toEqual([5, 6, 7]);
    expect(fused[2]!.score).toBe(0);
  });

  it('gives nothing for nothing', () => {
    expect(fuseRanks([])).toEqual([]);
    expect(fuseRanks([{ name: 'keyword', weight: 1, ids: [] }])).toEqual([]);
  });
});
