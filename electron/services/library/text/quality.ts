export type QualityVerdict = { ok: true } | { ok: false; reason: 'no-text' | 'garbage-text'; detail: string };

/** Replacement and control characters a real document has almost none of. */
const MAX_BAD_SHARE = 0.02;
/** Markup a converter should have removed (tags, RTF control words). */
const MAX_MARKUP_SHARE = 0.25;
/** Letters in mojibake pairs ("Ã©", "â€™", "Ð¿"): a few are a quoted example, more are a misread file. */
const MAX_MOJIBAKE_SHARE = 0.03;
/** Fewer letters and digits than this is no document: "/", "[]", "==", a stray bracket. */
const MIN_WORD_CHARACTERS = 3;

/**
 * UTF-8 read as Latin-1 or Windows-1252: a lead byte's character (Ã Â Ð Ñ â …) followed by a
 * continuation byte's (0x80–0xBF as Latin-1, or Windows-1252's € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ).
 */
export const MOJIBAKE_PAIR = /[ÂÃÄÅÆÇÎÏÐÑ×ØÙâãäåæçèéêëìíîï][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g;

/** Cyrillic or Greek read through a Latin page: a word made only of accented capitals ("ÊÎÍÒÈÍÅÍÒ"). */
const ACCENTED_RUN = /(?<![\p{L}])[À-ÖØ-Þ]{4,}(?![\p{L}])/gu;

/**
 * Whether extracted text is fit to index. `converted` (the default) says the text came out of a
 * format converter (RTF, HTML, Office), where leftover markup means the conversion failed. Peers
 * index binary decoded as UTF-8, text in the wrong charset, and RTF or HTML as raw markup; this
 * refuses them all, at any length: too many U+FFFD, private-use or control characters (other than
 * tab, newline, carriage return and form feed), a text with almost no letters or digits, mojibake,
 * or a text that is mostly `<tags>` or `\rtf` control words.
 */
export function checkTextQuality(text: string, options: { converted?: boolean } = {}): QualityVerdict {
  if (!text.trim()) return { ok: false, reason: 'no-text', detail: 'No text was found in the file.' };
  let bad = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (
      code === 0xfffd ||
      (code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) ||
      (code >= 0x7f && code < 0xa0) ||
      // The Private Use Area: what a PDF font with no Unicode map gives for its glyphs.
      (code >= 0xe000 && code <= 0xf8ff)
    )
      bad++;
  }
  const badShare = bad / text.length;
  if (badShare > MAX_BAD_SHARE) {
    return {
      ok: false,
      reason: 'garbage-text',
      detail: `${(badShare * 100).toFixed(1)} % of the text is unreadable characters: binary data or a font with no Unicode map, not text.`,
    };
  }
  const wordCharacters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (wordCharacters < MIN_WORD_CHARACTERS) {
    return {
      ok: false,
      reason: 'no-text',
      detail: `The file holds only ${JSON.stringify(text.trim().slice(0, 20))}: no words to index.`,
    };
  }
  const mojibake =
    (text.match(MOJIBAKE_PAIR)?.length ?? 0) * 2 + [...text.matchAll(ACCENTED_RUN)].reduce((n, [m]) => n + m.length, 0);
  const mojibakeShare = mojibake / wordCharacters;
  if (mojibakeShare > MAX_MOJIBAKE_SHARE) {
    return {
      ok: false,
      reason: 'garbage-text',
      detail: `${(mojibakeShare * 100).toFixed(0)} % of the letters are mojibake ("Ã©", "ÊÎÍÒ"): text decoded in the wrong character set.`,
    };
  }
  // Markup is only wrong where a converter should have removed it: a Markdown page's `<https://…>`
  // links, an XML file or HTML in a code file are the text itself.
  if (options.converted === false) return { ok: true };
  // A tag, not an address: `<ada@example.org>`, `<https://…>` and Exchange's `</o=…>` are text.
  const markup = [
    ...text.matchAll(/<(?!\/?o=)\/?[a-zA-Z](?![^<>]*(@|:\/\/))[^<>]{0,200}>|\\[a-z]{1,32}-?\d*\s?/g),
  ].reduce((n, [m]) => n + m.length, 0);
  const markupShare = markup / text.length;
  if (markupShare > MAX_MARKUP_SHARE) {
    return {
      ok: false,
      reason: 'garbage-text',
      detail: `${(markupShare * 100).toFixed(0)} % of the text is markup (tags or RTF control words).`,
    };
  }
  return { ok: true };
}
