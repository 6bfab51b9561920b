import { STOP_WORDS } from '../fts/stop-words';

/**
 * Checks an answer's `[n]` citations against the sources it was given. Each marker backs the text
 * before it (back to the previous marker or sentence end); that claim is verified against source
 * `n`: a quoted span ("…", at least three words) must occur in the source word for word (case,
 * spacing and punctuation aside); otherwise the claim's content words must be found together in
 * one stretch of the source (a close paraphrase). The matched stretch is kept, so the UI can show
 * exactly what supports the claim. A citation that fails is flagged, never hidden.
 */

export interface CitationSource {
  /** The number the source had in the prompt (1-based). */
  n: number;
  /** The source's text, as the prompt gave it (neighbouring chunks stitched, see search/passages.ts). */
  text: string;
}

export type CitationStatus = 'supported' | 'unsupported' | 'out-of-range';

export interface VerifiedCitation {
  /** The number written in the answer. */
  n: number;
  /** Where the marker (`[2]`, or the `2` of `[1, 2]`'s bracket) is in the answer. */
  markerStart: number;
  markerEnd: number;
  /** The answer text this citation backs. */
  claim: string;
  status: CitationStatus;
  /** How it was checked: a quoted span, or the claim's content words. */
  kind: 'quote' | 'paraphrase';
  /** Share of the claim's content words found in the matched stretch (1 for a quote found whole). */
  score: number;
  /** The supporting stretch of the source, as offsets into its text; `null` when none was found. */
  match: { start: number; end: number; text: string } | null;
}

/** Content words a paraphrase must share with its source, at least. */
export const PARAPHRASE_THRESHOLD = 0.6;
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;
const QUOTE = /["“”„«»]([^"“”„«»]+)["“”„«»]/g;

export function verifyCitations(answer: string, sources: readonly CitationSource[]): VerifiedCitation[] {
  const byNumber = new Map(sources.map((source) => [source.n, source]));
  const sourceWords = new Map<number, Word[]>();
  const citations: VerifiedCitation[] = [];
  let claimFloor = 0;
  for (const marker of answer.matchAll(MARKER)) {
    const markerStart = marker.index;
    const markerEnd = markerStart + marker[0].length;
    const claim = claimBefore(answer, claimFloor, markerStart);
    // "[1][2]": the second marker backs the same claim as the first.
    const adjoining = answer.slice(claimFloor, markerStart).trim() === '' && citations.length > 0;
    const backed = adjoining ? citations.at(-1)!.claim : claim;
    for (const number of marker[1]!.split(',').map((part) => Number(part.trim()))) {
      const source = byNumber.get(number);
      if (!source) {
        citations.push({
          n: number,
          markerStart,
          markerEnd,
          claim: backed,
          status: 'out-of-range',
          kind: 'paraphrase',
          score: 0,
          match: null,
        });
        continue;
      }
      let words = sourceWords.get(number);
      if (!words) sourceWords.set(number, (words = wordsOf(source.text)));
      citations.push({ n: number, markerStart, markerEnd, claim: backed, ...check(backed, source.text, words) });
    }
    claimFloor = markerEnd;
  }
  return citations;
}

/** The claim a marker at `end` backs: back to the sentence start, and never before `floor`. */
function claimBefore(answer: string, floor: number, end: number): string {
  const before = answer.slice(floor, end);
  // The last sentence end that is not the very end of the text before the marker ("… tar. [1]").
  const trimmed = before.replace(/[\s.!?]+$/, '');
  const boundary = Math.max(trimmed.search(/[.!?\n][^.!?\n]*$/), -1);
  return trimmed.slice(boundary + 1).trim();
}

function check(
  claim: string,
  sourceText: string,
  source: Word[],
): Pick<VerifiedCitation, 'status' | 'kind' | 'score' | 'match'> {
  const quotes = [...claim.matchAll(QUOTE)].map((quote) => wordsOf(quote[1]!)).filter((words) => words.length >= 3);
  if (quotes.length > 0) {
    // Every quote of the claim must be in the source, word for word.
    let first: Word | null = null;
    let last: Word | null = null;
    for (const quote of quotes) {
      const at = findSequence(source, quote);
      if (at < 0) return { status: 'unsupported', kind: 'quote', score: 0, match: null };
      first = first && first.start < source[at]!.start ? first : source[at]!;
      last = last && last.end > source[at + quote.length - 1]!.end ? last : source[at + quote.length - 1]!;
    }
    return { status: 'supported', kind: 'quote', score: 1, match: span(sourceText, first!, last!) };
  }
  const wanted = [...new Set(contentWords(wordsOf(claim)).map((word) => word.stem))];
  if (wanted.length === 0) return { status: 'unsupported', kind: 'paraphrase', score: 0, match: null };
  const best = bestWindow(source, new Set(wanted), Math.max(12, wanted.length * 3));
  const score = best ? best.found / wanted.length : 0;
  return {
    status: score >= PARAPHRASE_THRESHOLD ? 'supported' : 'unsupported',
    kind: 'paraphrase',
    score,
    match: best && best.found > 0 ? span(sourceText, source[best.first]!, source[best.last]!) : null,
  };
}

interface Word {
  /** Lower-cased, with a crude English suffix stripped, so "copies" meets "copy". */
  stem: string;
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({
    stem: stem(match[0].toLowerCase()),
    text: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function stem(word: string): string {
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 'ly', 's']) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      return suffix === 'ies' || suffix === 'ied' ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length);
    }
  }
  return word;
}

const contentWords = (words: Word[]) => words.filter((word) => !STOP_WORDS.has(word.text) && word.text.length > 1);

/** Index in `haystack` where `needle`'s words appear in a row, or -1. */
function findSequence(haystack: Word[], needle: Word[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j]!.text !== needle[j]!.text) continue outer;
    return i;
  }
  return -1;
}

/** The stretch of at most `size` words holding the most distinct wanted stems, trimmed to its hits. */
function bestWindow(
  words: Word[],
  wanted: ReadonlySet<string>,
  size: number,
): { found: number; first: number; last: number } | null {
  let best: { found: number; first: number; last: number } | null = null;
  const counts = new Map<string, number>();
  for (let end = 0; end < words.length; end++) {
    const added = words[end]!.stem;
    if (wanted.has(added)) counts.set(added, (counts.get(added) ?? 0) + 1);
    const start = end - size + 1;
    if (start > 0) {
      const removed = words[start - 1]!.stem;
      if (wanted.has(removed)) {
        const left = counts.get(removed)! - 1;
        if (left === 0) counts.delete(removed);
        else counts.set(removed, left);
      }
    }
    if (!best || counts.size > best.found) {
      const from = Math.max(0, start);
      let first = from;
      while (first < end && !wanted.has(words[first]!.stem)) first++;
      let last = end;
      while (last > first && !wanted.has(words[last]!.stem)) last--;
      best = { found: counts.size, first, last };
    }
  }
  return best;
}

function span(text: string, first: Word, last: Word): VerifiedCitation['match'] {
  const start = first.start;
  const end = last.end;
  return { start, end, text: text.slice(start, end) };
}
