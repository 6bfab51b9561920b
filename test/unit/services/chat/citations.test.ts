import { describe, expect, it } from 'vitest';
import { verifyCitations } from '../../../../electron/services/chat/citations';
import { stitchChunks } from '../../../../electron/services/library/reads';

const TAR =
  'tar is an archiving utility. Create a gzipped archive from a directory using relative paths with tar czf. ' +
  'Extract an archive into the target directory with tar xf and the -C option.';
const RSYNC =
  'rsync transfers files to or from a remote host. It only sends the differences between the source and the copy, ' +
  'and it can delete files at the destination that no longer exist at the source.';
const sources = [
  { n: 1, text: TAR },
  { n: 2, text: RSYNC },
];

describe('verifyCitations', () => {
  it('supports a quote found word for word, whatever its case and spacing, and keeps where it matched', () => {
    const answer = 'The page says to “extract  an Archive into the target directory” with tar [1].';
    const [citation] = verifyCitations(answer, sources);
    expect(citation).toMatchObject({ n: 1, status: 'supported', kind: 'quote', score: 1 });
    expect(citation!.match!.text).toBe('Extract an archive into the target directory');
    expect(TAR.slice(citation!.match!.start, citation!.match!.end)).toBe(citation!.match!.text);
    expect(answer.slice(citation!.markerStart, citation!.markerEnd)).toBe('[1]');
  });

  it('flags a quote the source does not contain, even when its words are all there', () => {
    const [citation] = verifyCitations('It says "extract the target archive directory" [1].', sources);
    expect(citation).toMatchObject({ status: 'unsupported', kind: 'quote', match: null });
  });

  it('supports a close paraphrase and flags a claim the cited source does not make', () => {
    const answer =
      'rsync only sends the differences between source and copy [2]. ' +
      'rsync encrypts every file with AES before storing it in the cloud [2].';
    const [paraphrase, invented] = verifyCitations(answer, sources);
    expect(paraphrase).toMatchObject({ status: 'supported', kind: 'paraphrase' });
    expect(paraphrase!.claim).toBe('rsync only sends the differences between source and copy');
    expect(paraphrase!.score).toBeGreaterThanOrEqual(0.8);
    expect(paraphrase!.match!.text).toBe('sends the differences between the source and the copy');
    expect(invented).toMatchObject({ status: 'unsupported', kind: 'paraphrase' });
    expect(invented!.claim).toBe('rsync encrypts every file with AES before storing it in the cloud');
    expect(invented!.score).toBeLessThan(0.6);
  });

  it('checks each number of a claim cited twice against its own source', () => {
    const answer = 'tar czf creates a gzipped archive from a directory [1, 2]. It does the same [2][1].';
    const citations = verifyCitations(answer, sources);
    expect(citations.map((c) => [c.n, c.status])).toEqual([
      [1, 'supported'],
      [2, 'unsupported'],
      [2, 'unsupported'],
      [1, 'unsupported'],
    ]);
    // "[2][1]": the second marker backs the same claim as the first.
    expect(citations[3]!.claim).toBe(citations[2]!.claim);
  });

  it('marks numbers that were never given as out of range', () => {
    const citations = verifyCitations('tar archives files [3]. It compresses them [0].', sources);
    expect(citations.map((c) => [c.n, c.status, c.match])).toEqual([
      [3, 'out-of-range', null],
      [0, 'out-of-range', null],
    ]);
  });

  it('finds a quote that spans two overlapping chunks of the source', () => {
    // Two chunks cut from one text with an overlap, the way the chunker cuts them; the quote
    // runs across the end of the first chunk.
    const text = RSYNC;
    const cut = text.indexOf('between');
    const first = { text: text.slice(0, cut), charStart: 0, charEnd: cut };
    const second = { text: text.slice(cut - 20), charStart: cut - 20, charEnd: text.length };
    const stitched = stitchChunks([first, second]);
    expect(stitched).toBe(text);
    const answer = 'It "only sends the differences between the source and the copy" [1].';
    expect(verifyCitations(answer, [{ n: 1, text: stitched }])[0]).toMatchObject({
      status: 'supported',
      kind: 'quote',
    });
    // Joined naively, the overlap repeats and breaks the quote: why sources are stitched.
    const naive = `${first.text}\n\n${second.text}`;
    expect(verifyCitations(answer, [{ n: 1, text: naive }])[0]).toMatchObject({ status: 'unsupported' });
  });

  it('gives no citations for an answer without markers, and ignores brackets that are not numbers', () => {
    expect(verifyCitations('tar archives files [citation needed] [a].', sources)).toEqual([]);
  });
});
