import { STOP_WORDS } from './stop-words';

/**
 * Turns what a user typed into an FTS5 `MATCH` expression. The raw text cannot be used: FTS5
 * reads `-`, `:`, `(`, `*` and quotes as syntax (a question with an apostrophe or a path is a
 * syntax error), and it joins terms with AND, so a question in a user's words almost never has
 * every word in one chunk. Here:
 *
 * - words are the letters and digits runs of the text, lower-cased; each is quoted, so nothing in
 *   it is read as syntax;
 * - stop words are dropped ("how do I" matches everything), unless nothing else is left;
 * - `"a quoted phrase"` stays a phrase, and `word*` stays a prefix search;
 * - the terms are joined with OR, and bm25 ranks chunks with more (and rarer) terms first.
 *
 * Stemming is the index's own: `chunks_fts` uses the porter tokenizer, which stems the query terms
 * the same way ("extracting" finds "extract").
 */

export interface KeywordQuery {
  /** The FTS5 expression, or `null` when the text has no word at all. */
  match: string | null;
  /** The words searched for (phrases split into words), for highlighting and the trace. */
  terms: string[];
}

const WORD = /[\p{L}\p{N}_]+(\*?)/gu;
const PHRASE = /"([^"]*)"/g;

export function keywordQuery(text: string): KeywordQuery {
  const phrases: string[][] = [];
  const rest = text.replace(PHRASE, (_, inner: string) => {
    const words = wordsOf(inner).map((word) => word.text);
    if (words.length > 0) phrases.push(words);
    return ' ';
  });
  const words = wordsOf(rest);
  const topical = words.filter((word) => !STOP_WORDS.has(word.text));
  const kept = topical.length > 0 || phrases.length > 0 ? topical : words;

  const parts = new Set<string>();
  for (const phrase of phrases) parts.add(`"${phrase.join(' ')}"`);
  for (const word of kept) parts.add(word.prefix ? `"${word.text}"*` : `"${word.text}"`);
  const terms = [...new Set([...phrases.flat(), ...kept.map((word) => word.text)])];
  return { match: parts.size > 0 ? [...parts].join(' OR ') : null, terms };
}

function wordsOf(text: string): Array<{ text: string; prefix: boolean }> {
  return [...text.toLowerCase().matchAll(WORD)].map((match) => ({
    text: match[0].replace(/\*$/, ''),
    prefix: match[1] === '*',
  }));
}
