import type { Chunk } from '../chunk';

/**
 * The text of neighbouring chunks of one file as one piece. Chunks overlap (a chunk repeats the end
 * of the one before, up to its overlap budget) and are exact slices of the file's text, so they are
 * laid by their character offsets: the overlap appears once, and a sentence that crosses a chunk
 * boundary reads whole. Chunks that do not touch are joined by a blank line.
 */
export function stitchChunks(chunks: ReadonlyArray<Pick<Chunk, 'text' | 'charStart' | 'charEnd'>>): string {
  const ordered = [...chunks].sort((a, b) => a.charStart - b.charStart);
  let text = '';
  let end = -1;
  for (const chunk of ordered) {
    if (end < 0) text = chunk.text;
    else if (chunk.charStart <= end) text += chunk.text.slice(Math.min(chunk.text.length, end - chunk.charStart));
    else text += `\n\n${chunk.text}`;
    end = Math.max(end, chunk.charEnd);
  }
  return text;
}
