import type { Citation } from '../../../electron/ipc/contract';

/** The element an answer's `[n]` markers become, so the Markdown renderer can draw them as chips. */
export const CITE_TAG = 'hearth-cite';

const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The spans of `markdown` that are code (fenced blocks and inline code spans), as [start, end)
 * offsets. A marker inside code is code, not a citation; an unclosed fence, as while an answer
 * streams, runs to the end.
 */
export function codeSpans(markdown: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let offset = 0;
  let fence: { marker: string; start: number } | null = null;
  for (const line of markdown.split('\n')) {
    const opener = FENCE.exec(line);
    if (fence) {
      if (opener && opener[1]![0] === fence.marker[0] && opener[1]!.length >= fence.marker.length) {
        spans.push([fence.start, offset + line.length]);
        fence = null;
      }
    } else if (opener) {
      fence = { marker: opener[1]!, start: offset };
    } else {
      for (const span of inlineCode(line)) spans.push([offset + span[0], offset + span[1]]);
    }
    offset += line.length + 1;
  }
  if (fence) spans.push([fence.start, markdown.length]);
  return spans;
}

/** Inline code spans on one line: a run of backticks closed by a run of the same length. */
function inlineCode(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const runs = [...line.matchAll(/`+/g)];
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    const close = runs.findIndex((run, j) => j > i && run[0].length === open[0].length);
    if (close === -1) continue;
    spans.push([open.index, runs[close]!.index + runs[close]![0].length]);
    i = close;
  }
  return spans;
}

/**
 * A secret for one rendering of one answer, which every chip it draws must carry. The answer's
 * text cannot know it (it is made after the text exists), so a `<hearth-cite>` the model or a
 * document wrote is never a chip, wherever it hides from `codeSpans` (an escaped backtick, an
 * HTML block, indented code, a fence inside a list).
 */
export function citationNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What a chip's tag holds: the rendering's nonce and the citation's index. */
export function chipContent(nonce: string, index: number): string {
  return `${nonce}:${index}`;
}

/** The citation index a tag names, or `null` when it lacks this rendering's nonce (a forgery). */
export function chipIndex(content: string, nonce: string): number | null {
  const [given, index] = content.split(':');
  return given === nonce && index !== undefined && /^\d+$/.test(index) ? Number(index) : null;
}

/**
 * The answer's Markdown with each verified `[n]` replaced by `<hearth-cite>nonce:i</hearth-cite>`,
 * `i` indexing `citations` (see `citationNonce`). The citation is found by its marker's offset, so
 * two `[1]`s in different sentences keep their own verdicts. Any `<hearth-cite` the text itself
 * holds outside code is escaped too. Markers inside code stay as written.
 */
export function markCitations(markdown: string, citations: readonly Citation[], nonce: string): string {
  const code = codeSpans(markdown);
  const inCode = (at: number) => code.some(([start, end]) => at >= start && at < end);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const forged of markdown.matchAll(new RegExp(`<(/?)${CITE_TAG}`, 'gi'))) {
    if (!inCode(forged.index)) edits.push({ start: forged.index, end: forged.index + 1, text: '&lt;' });
  }
  if (citations.length > 0) {
    for (const match of markdown.matchAll(MARKER)) {
      if (inCode(match.index)) continue;
      const found = match[1]!.split(',').map((part) => {
        const n = Number(part.trim());
        const index = citations.findIndex((c) => c.n === n && c.markerStart === match.index);
        return index === -1 ? `[${n}]` : `<${CITE_TAG}>${chipContent(nonce, index)}</${CITE_TAG}>`;
      });
      edits.push({ start: match.index, end: match.index + match[0].length, text: found.join('') });
    }
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const edit of edits) {
    out += markdown.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return out + markdown.slice(last);
}
