import { describe, expect, it } from 'vitest';
import { stitchChunks, type StoredChunk } from '../../../../electron/services/library/reads';
import { mergeNeighbours } from '../../../../electron/services/search/passages';

const chunk = (id: number, documentId: number, ordinal: number): StoredChunk => ({
  id,
  documentId,
  collectionId: 1,
  ordinal,
  text: `chunk ${id}`,
  headingPath: '',
  page: null,
  lineStart: ordinal * 10,
  lineEnd: ordinal * 10 + 9,
  charStart: ordinal * 100,
  charEnd: ordinal * 100 + 99,
  path: `/d${documentId}.md`,
  type: 'markdown',
});

describe('mergeNeighbours', () => {
  it('joins neighbouring chunks of one file into one passage ranked by its best chunk', () => {
    const passages = mergeNeighbours([chunk(1, 1, 4), chunk(2, 2, 0), chunk(3, 1, 5), chunk(4, 1, 9)]);
    expect(passages.map((passage) => [passage.rank, passage.chunks.map((c) => c.id)])).toEqual([
      [0, [1, 3]],
      [1, [2]],
      [3, [4]],
    ]);
  });

  it('never joins the same ordinal of different files, or chunks two apart', () => {
    const passages = mergeNeighbours([chunk(1, 1, 2), chunk(2, 2, 3), chunk(3, 1, 4)]);
    expect(passages).toHaveLength(3);
  });

  it('bridges two passages when the chunk between them comes later', () => {
    const passages = mergeNeighbours([chunk(1, 1, 3), chunk(2, 1, 5), chunk(3, 2, 0), chunk(4, 1, 4)]);
    expect(passages.map((passage) => passage.chunks.map((c) => c.ordinal))).toEqual([[3, 4, 5], [0]]);
    expect(passages[0]!.rank).toBe(0);
  });
});

describe('stitchChunks', () => {
  const document = 'Alpha beta gamma. Delta epsilon zeta. Eta theta iota.';
  const slice = (start: number, end: number) => ({ text: document.slice(start, end), charStart: start, charEnd: end });

  it('lays overlapping chunks by their offsets, so the overlap appears once', () => {
    expect(stitchChunks([slice(18, 54), slice(0, 37)])).toBe(document);
  });

  it('joins chunks that do not touch with a blank line', () => {
    expect(stitchChunks([slice(0, 17), slice(38, 54)])).toBe('Alpha beta gamma.\n\nEta theta iota.');
  });

  it('keeps a chunk inside another once', () => {
    expect(stitchChunks([slice(0, 54), slice(18, 37)])).toBe(document);
  });
});
