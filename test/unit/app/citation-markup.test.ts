import { describe, expect, it } from 'vitest';
import {
  chipContent,
  chipIndex,
  citationNonce,
  codeSpans,
  markCitations,
} from '../../../app/features/chat/citation-markup';
import type { Citation } from '../../../electron/ipc/contract';

/** A citation of source `n` for the marker at `markerStart`. */
function cite(n: number, markerStart: number, status: Citation['status'] = 'supported'): Citation {
  return {
    n,
    markerStart,
    markerEnd: markerStart + 3,
    claim: '',
    status,
    kind: 'quote',
    score: 1,
    match: null,
    source: null,
  };
}

const NONCE = 'c0ffee';
const tag = (index: number) => `<hearth-cite>${NONCE}:${index}</hearth-cite>`;

describe('markCitations', () => {
  it('turns each verified marker into a tag naming its own citation, found by offset', () => {
    const text = 'Sleep is prevented [1]. Plants are watered [1].';
    const first = text.indexOf('[1]');
    const second = text.lastIndexOf('[1]');
    const citations = [cite(1, second, 'unsupported'), cite(1, first)];
    expect(markCitations(text, citations, NONCE)).toBe(`Sleep is prevented ${tag(1)}. Plants are watered ${tag(0)}.`);
  });

  it('splits a marker naming several sources, and leaves numbers without a citation as written', () => {
    const text = 'Both say so [1, 2] and [7].';
    const at = text.indexOf('[1, 2]');
    expect(markCitations(text, [cite(1, at), cite(2, at)], NONCE)).toBe(`Both say so ${tag(0)}${tag(1)} and [7].`);
    expect(markCitations(text, [cite(2, at)], NONCE)).toBe(`Both say so [1]${tag(0)} and [7].`);
  });

  it('leaves markers inside inline code and fenced code alone, even a fence still streaming', () => {
    const text = 'Use `a[1]` here [1].\n\n```js\nconst x = [1];\n```\n\nThen [1].\n\n~~~\nopen [1]';
    const citations = [...text.matchAll(/\[1\]/g)].map((match) => cite(1, match.index));
    const marked = markCitations(text, citations, NONCE);
    expect(marked).toBe(
      `Use \`a[1]\` here ${tag(1)}.\n\n\`\`\`js\nconst x = [1];\n\`\`\`\n\nThen ${tag(3)}.\n\n~~~\nopen [1]`,
    );
  });

  it('escapes a citation tag the text itself holds, so no answer can draw its own chip', () => {
    const text = 'Trust me <hearth-cite>0</hearth-cite> and `<hearth-cite>` [1].';
    const marked = markCitations(text, [cite(1, text.indexOf('[1]'))], NONCE);
    expect(marked).toBe(`Trust me &lt;hearth-cite>0&lt;/hearth-cite> and \`<hearth-cite>\` ${tag(0)}.`);
    expect(markCitations('<HEARTH-CITE>0', [], NONCE)).toBe('&lt;HEARTH-CITE>0');
  });

  it('changes nothing else', () => {
    const text = '# Title\n\nNo sources [here] or [1] without citations.';
    expect(markCitations(text, [], NONCE)).toBe(text);
  });
});

describe('codeSpans', () => {
  it('closes a fence only with the same character, at least as long', () => {
    const text = '````\n```\n~~~\n````\nafter';
    expect(codeSpans(text)).toEqual([[0, text.indexOf('\nafter')]]);
  });

  it('pairs inline backtick runs of equal length', () => {
    const text = 'a ``x ` y`` b `c`';
    expect(codeSpans(text).map(([start, end]) => text.slice(start, end))).toEqual(['``x ` y``', '`c`']);
  });
});

describe('chip tags', () => {
  it('name a citation only with this rendering’s nonce', () => {
    expect(chipIndex(chipContent(NONCE, 3), NONCE)).toBe(3);
    expect(chipIndex('0', NONCE)).toBeNull();
    expect(chipIndex(`${NONCE}:0`, 'other')).toBeNull();
    expect(chipIndex(`${NONCE}:x`, NONCE)).toBeNull();
  });

  it('get a fresh nonce per rendering, which no text can guess', () => {
    const nonces = new Set(Array.from({ length: 100 }, citationNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces].every((nonce) => /^[0-9a-f]{24}$/.test(nonce))).toBe(true);
  });
});
