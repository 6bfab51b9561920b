export type QualityVerdict = { ok: true } | { ok: false; detail: string };

/** Replacement and control characters a real document has almost none of. */
const MAX_BAD_SHARE = 0.02;
/** Markup a converter should have removed (tags, RTF control words). */
const MAX_MARKUP_SHARE = 0.25;
/** Below this a text is too short to judge by shares. */
const MIN_JUDGED_LENGTH = 64;

/**
 * Whether extracted text is fit to index. `converted` (the default) says the text came out of a
 * format converter (RTF, HTML, Office), where leftover markup means the conversion failed. Peers index binary decoded as UTF-8 and RTF or HTML as
 * raw markup; this refuses both: too many U+FFFD or control characters (other than tab, newline,
 * carriage return and form feed), or a text that is mostly `<tags>` or `\rtf` control words.
 */
export function checkTextQuality(text: string, options: { converted?: boolean } = {}): QualityVerdict {
  if (!text.trim()) return { ok: false, detail: 'No text was found in the file.' };
  if (text.length < MIN_JUDGED_LENGTH) return { ok: true };
  let bad = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd || (code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0x7f)
      bad++;
  }
  const badShare = bad / text.length;
  if (badShare > MAX_BAD_SHARE) {
    return {
      ok: false,
      detail: `${(badShare * 100).toFixed(1)} % of the text is unreadable characters: binary data, not text.`,
    };
  }
  // Markup is only wrong where a converter should have removed it: a Markdown page's `<https://…>`
  // links, an XML file or HTML in a code file are the text itself.
  if (options.converted === false) return { ok: true };
  const markup = [...text.matchAll(/<\/?[a-zA-Z][^<>]{0,200}>|\\[a-z]{1,32}-?\d*\s?/g)].reduce(
    (n, [m]) => n + m.length,
    0,
  );
  const markupShare = markup / text.length;
  if (markupShare > MAX_MARKUP_SHARE) {
    return {
      ok: false,
      detail: `${(markupShare * 100).toFixed(0)} % of the text is markup (tags or RTF control words).`,
    };
  }
  return { ok: true };
}
