/**
 * A short piece of a chunk around the words that matched, as segments the UI renders as text (no
 * markup crosses the contract, so a document's `<script>` is never HTML anywhere).
 */

export interface SnippetSegment {
  text: string;
  /** A matched term, to highlight. */
  hit: boolean;
}

/** Put around matched terms by FTS5's `highlight()`; control characters never survive indexing. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/**
 * The window of about `maxChars` characters with the most highlighted terms, cut at word
 * boundaries, with "…" where text was left out. Text with no marks gives its beginning.
 */
export function snippetSegments(marked: string, maxChars = 240): SnippetSegment[] {
  const segments = parseMarks(marked.replace(/\s+/g, ' ').trim());
  const text = segments.map((segment) => segment.text).join('');
  if (text.length <= maxChars) return merge(segments);

  // Where each hit starts and ends in the plain text.
  const hits: Array<[number, number]> = [];
  let offset = 0;
  for (const segment of segments) {
    if (segment.hit) hits.push([offset, offset + segment.text.length]);
    offset += segment.text.length;
  }
  // Slide a window starting a little before each hit; keep the one covering the most different
  // terms (a passage with four of the words beats one that repeats "file"), then the most hits.
  let bestStart = 0;
  let best = [-1, -1];
  for (const [start] of hits.length > 0 ? hits : [[0, 0] as [number, number]]) {
    const from = Math.max(0, start - Math.floor(maxChars / 4));
    const inside = hits.filter(([s, e]) => s >= from && e <= from + maxChars);
    const distinct = new Set(inside.map(([s, e]) => text.slice(s, e).toLowerCase())).size;
    if (distinct > best[0]! || (distinct === best[0] && inside.length > best[1]!)) {
      [bestStart, best] = [from, [distinct, inside.length]];
    }
  }
  let from = bestStart;
  let to = Math.min(text.length, from + maxChars);
  // Cut at spaces so no word is split.
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;

  const out: SnippetSegment[] = from > 0 ? [{ text: '…', hit: false }] : [];
  offset = 0;
  for (const segment of segments) {
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + segment.text.length);
    if (end > start) out.push({ text: segment.text.slice(start - offset, end - offset), hit: segment.hit });
    offset += segment.text.length;
  }
  if (to < text.length) out.push({ text: '…', hit: false });
  return merge(out);
}

function parseMarks(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let hit = false;
  let current = '';
  for (const char of marked) {
    if (char === HIT_START || char === HIT_END) {
      if (current) segments.push({ text: current, hit });
      current = '';
      hit = char === HIT_START;
    } else {
      current += char;
    }
  }
  if (current) segments.push({ text: current, hit });
  return segments;
}

/** Joins neighbouring segments of the same kind. */
function merge(segments: SnippetSegment[]): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  for (const segment of segments) {
    const last = out.at(-1);
    if (last && last.hit === segment.hit) last.text += segment.text;
    else out.push({ ...segment });
  }
  return out;
}
