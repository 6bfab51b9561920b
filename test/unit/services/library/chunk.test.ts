import { describe, expect, it } from 'vitest';
import { blockTexts, chunkText } from '../../../../electron/services/library/chunk';

const markdown = [
  '# tar',
  '',
  '> Archiving utility.',
  '',
  '## Create',
  '',
  'Create an archive from files:',
  '',
  '```sh',
  'tar cf target.tar file1 file2',
  '',
  'tar czf target.tar.gz dir',
  '```',
  '',
  '### Verbose',
  '',
  'List files as they are added.',
  '',
  '## Extract',
  '',
  'Extract an archive in the current directory.',
].join('\n');

describe('chunkText', () => {
  it('keeps heading paths, never mixes sections, and keeps code fences whole', () => {
    const chunks = chunkText(markdown, { markdown: true, maxTokens: 64, overlapTokens: 0 });
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([
      'tar',
      'tar › Create',
      'tar › Create › Verbose',
      'tar › Extract',
    ]);
    const create = chunks[1]!;
    expect(create.text).toContain('```sh\ntar cf target.tar file1 file2\n\ntar czf target.tar.gz dir\n```');
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual([0, 1, 2, 3]);
  });

  it('gives lines and character ranges that point back at the exact text', () => {
    for (const chunk of chunkText(markdown, { markdown: true, maxTokens: 16, overlapTokens: 4 })) {
      expect(markdown.slice(chunk.charStart, chunk.charEnd)).toBe(chunk.text);
      const lines = markdown
        .split('\n')
        .slice(chunk.lineStart - 1, chunk.lineEnd)
        .join('\n');
      expect(lines).toContain(chunk.text.split('\n')[0]);
      expect(chunk.tokens).toBeGreaterThan(0);
      expect(chunk.tokens).toBeLessThanOrEqual(16);
    }
  });

  it('counts each block once with the given tokenizer, and a chunk as the sum of its blocks', () => {
    const counted: string[] = [];
    const words = (text: string) => {
      counted.push(text);
      return text.split(/\s+/).filter(Boolean).length;
    };
    const chunks = chunkText(markdown, { markdown: true, maxTokens: 30, overlapTokens: 0, countTokens: words });
    expect(counted).toEqual(blockTexts(markdown, true));
    for (const chunk of chunks) {
      const blocks = blockTexts(chunk.text, true);
      expect(chunk.tokens).toBe(blocks.reduce((sum, block) => sum + words(block), 0));
      expect(chunk.tokens).toBeLessThanOrEqual(30);
    }
  });

  it('packs paragraphs up to the limit, overlapping the next chunk with the tail of the last', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} says something short.`);
    const chunks = chunkText(paragraphs.join('\n\n'), { maxTokens: 40, overlapTokens: 10 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(40);
    for (let i = 1; i < chunks.length; i++) {
      const last = chunks[i - 1]!.text.split('\n\n').at(-1)!;
      expect(chunks[i]!.text.startsWith(last)).toBe(true);
    }
    // Every paragraph is in some chunk.
    for (const paragraph of paragraphs) expect(chunks.some((chunk) => chunk.text.includes(paragraph))).toBe(true);
  });

  it('cuts a block larger than a chunk at line ends, and one long line at spaces', () => {
    const longLine = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkText(longLine, { maxTokens: 50, overlapTokens: 0 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.tokens).toBeLessThanOrEqual(100);
      expect(longLine.slice(chunk.charStart, chunk.charEnd)).toBe(chunk.text);
    }
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(longLine);
  });

  it('returns nothing for blank text', () => {
    expect(chunkText('\n\n   \n')).toEqual([]);
  });
});
