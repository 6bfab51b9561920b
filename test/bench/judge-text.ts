/**
 * An outside judge of indexed text, stricter than the library's own check and independent of it
 * (its own patterns, its own thresholds), for `npm run bench -- formats`: how much of a text is
 * replacement, control or private-use characters, mojibake pairs, leftover tags or RTF control
 * words, base64 and quoted-printable. A text is garbage or markup-laden past the thresholds below.
 */
export interface TextJudgement {
  /** U+FFFD, C0/C1 controls other than whitespace, private-use characters: share of all characters. */
  bad: number;
  /** Characters in UTF-8-read-as-Latin mojibake pairs ("Ã©", "â€™", "Ð¿"): share of letters. */
  mojibake: number;
  /** `<tag>` and `\rtfword` characters: share of all characters. */
  markup: number;
  /** Characters in base64 runs of 60 or more (not paths): share of all characters. */
  base64: number;
  /** Quoted-printable escapes (`=C3`) and soft breaks: share of all characters. */
  quotedPrintable: number;
  garbage: boolean;
  markupLaden: boolean;
}

const THRESHOLDS = { bad: 0.01, mojibake: 0.02, markup: 0.1, base64: 0.1, quotedPrintable: 0.05 };

/** `asIs`: the text is a file read as it is (Markdown, plain text, code), whose tags are content. */
export function judgeText(text: string, asIs: boolean): TextJudgement {
  const length = Math.max(1, text.length);
  let bad = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (
      code === 0xfffd ||
      (code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12) ||
      (code >= 0x7f && code < 0xa0) ||
      (code >= 0xe000 && code <= 0xf8ff)
    )
      bad++;
  }
  const letters = Math.max(1, text.match(/\p{L}/gu)?.length ?? 0);
  const pairs =
    text.match(
      /[\u00c2-\u00df\u00e2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/g,
    )?.length ?? 0;
  const sum = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((n, [m]) => n + m.length, 0);
  const markup = asIs ? 0 : sum(/<\/?[a-zA-Z][\w:-]*(\s[^<>]{0,300})?\/?>|\\[a-z]{2,32}-?\d{0,10} ?/g);
  // Data, not a path: both cases, a slash at most every 16 characters.
  const base64 = [...text.matchAll(/[A-Za-z0-9+/]{60,}={0,2}/g)]
    .map(([run]) => run)
    .filter(
      (run) => /\d/.test(run) && /[A-Z]/.test(run) && /[a-z]/.test(run) && run.split('/').length - 1 <= run.length / 16,
    )
    .reduce((n, run) => n + run.length, 0);
  const quotedPrintable = sum(/=[0-9A-F]{2}|=\r?\n/g);
  const judged = {
    bad: bad / length,
    mojibake: (pairs * 2) / letters,
    markup: markup / length,
    base64: base64 / length,
    quotedPrintable: quotedPrintable / length,
  };
  return {
    ...judged,
    garbage: judged.bad > THRESHOLDS.bad || judged.mojibake > THRESHOLDS.mojibake,
    markupLaden:
      judged.markup > THRESHOLDS.markup ||
      judged.base64 > THRESHOLDS.base64 ||
      judged.quotedPrintable > THRESHOLDS.quotedPrintable,
  };
}
