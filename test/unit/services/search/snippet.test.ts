import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, snippetSegments } from '../../../../electron/services/search/snippet';

const mark = (word: string) => `${HIT_START}${word}${HIT_END}`;

describe('snippetSegments', () => {
  it('turns marks into segments and keeps a short text whole', () => {
    expect(snippetSegments(`Extract a ${mark('tar')} file`)).toEqual([
      { text: 'Extract a ', hit: false },
      { text: 'tar', hit: true },
      { text: ' file', hit: false },
    ]);
  });

  it('picks the window with the most hits in a long text, cut at spaces, with ellipses', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const text = `${filler(80)} ${mark('alpha')} one ${mark('beta')} two ${mark('gamma')} ${filler(80)} ${mark('alpha')}`;
    const segments = snippetSegments(text, 120);
    const plain = segments.map((segment) => segment.text).join('');
    expect(plain.startsWith('…') && plain.endsWith('…')).toBe(true);
    expect(segments.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual([
      'alpha',
      'beta',
      'gamma',
    ]);
    expect(plain.length).toBeLessThanOrEqual(122);
    // Only whole words: no "rd12" left from cutting "word12".
    const words = plain.slice(1, -1).trim().split(' ');
    expect(words.every((word) => /^(word\d+|alpha|beta|gamma|one|two)$/.test(word))).toBe(true);
  });

  it('prefers the window with more different terms over one that repeats a term', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const text = `${[1, 2, 3, 4, 5].map(() => mark('file')).join(' ')} ${filler(60)} ${mark('tar')} ${mark('extract')} ${filler(60)}`;
    const hits = snippetSegments(text, 60)
      .filter((segment) => segment.hit)
      .map((segment) => segment.text);
    expect(hits).toEqual(['tar', 'extract']);
  });

  it('gives the beginning of a text without hits, and collapses white space', () => {
    const segments = snippetSegments(`first\n\n   line ${'x '.repeat(300)}`, 40);
    expect(segments[0]!.text.startsWith('first line x')).toBe(true);
    expect(segments.every((segment) => !segment.hit)).toBe(true);
  });
});
