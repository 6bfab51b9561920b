import chardet from 'chardet';
import iconv from 'iconv-lite';
import { decodeEbcdic } from './ebcdic';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: 'binary'; detail: string };

export interface DecodeOptions {
  /**
   * The charset the file says it is in (an HTML `<meta charset>`, an XML declaration, a MIME
   * `charset=`, an RTF `\ansicpg`). It wins over detection; a byte-order mark wins over it, as in
   * browsers. An unknown label is ignored.
   */
  declared?: string | null;
}

/** How much of a file detection looks at: enough for any language model, cheap on a 50 MB log. */
const SAMPLE_BYTES = 64 * 1024;
/** How much of it each candidate single-byte page is decoded and scored on (a dozen pages a file). */
const SCORED_BYTES = 16 * 1024;

/**
 * Single-byte code pages a file with no declaration may be in, beyond what chardet names: the
 * Cyrillic DOS and Unix pages and the Windows pages of each script. Each candidate decoding is
 * scored (see `plausibility`) and the best wins, so a Russian file in cp866 is not read as Latin-1.
 */
const SINGLE_BYTE = [
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'koi8-r',
  'cp866',
  'iso-8859-5',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'iso-8859-6',
  'windows-1257',
  'cp437',
  'cp850',
];

/** chardet's guesses for multi-byte charsets are reliable above this confidence (0–100). */
const MULTIBYTE_CONFIDENCE = 40;
const MULTIBYTE = /^(Shift_JIS|EUC-JP|ISO-2022-[A-Z]+|GB18030|Big5|EUC-KR|EUC-TW)$/i;

/**
 * Bytes to text, whatever the encoding: a byte-order mark decides (UTF-8, UTF-16 LE/BE); then a
 * declared charset; else valid UTF-8 is UTF-8; UTF-16 without a mark is recognised by its zero
 * bytes; any other NUL byte means binary data with a text-like name. Otherwise chardet's
 * multi-byte guess when it is confident (Japanese, Chinese, Korean), else the single-byte code page
 * (EBCDIC included) whose decoding reads most like one language's text.
 */
export function decodeText(bytes: Buffer, options: DecodeOptions = {}): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  const declared = options.declared ? decodeAs(bytes, options.declared) : null;
  if (declared) return declared;
  const utf16 = utf16WithoutMark(bytes.subarray(0, SAMPLE_BYTES));
  if (utf16) return { ok: true, text: iconv.decode(bytes, utf16), encoding: utf16.toUpperCase() };
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary', detail: `Binary data (a NUL byte at offset ${nul}).` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    const encoding = detectEncoding(bytes.subarray(0, SAMPLE_BYTES));
    return { ok: true, text: decodeWith(bytes, encoding), encoding };
  }
}

/** The text in a declared charset, or null when the label names none Hearth knows. */
function decodeAs(bytes: Buffer, label: string): Decoded | null {
  const encoding = canonicalCharset(label);
  if (!encoding) return null;
  // Files saved as UTF-8 by tools that kept an XML declaration's "UTF-16": no zero byte, no UTF-16.
  if (/^utf-?16/i.test(encoding) && !bytes.subarray(0, 4096).includes(0)) return null;
  return { ok: true, text: decodeWith(bytes, encoding), encoding };
}

/**
 * A charset label as the decoders know it, or null. Browsers read `iso-8859-1` and `us-ascii` as
 * windows-1252 (the WHATWG Encoding standard), and so do the pages that declare them.
 */
function canonicalCharset(label: string): string | null {
  const name = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (/^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|ansi_x3\.4-1968|cp819)$/.test(name)) return 'windows-1252';
  if (/^(cp|ibm|ebcdic-?(cp-?)?)(037|500)$|^ebcdic(-int)?$/.test(name)) return name.includes('037') ? 'cp037' : 'cp500';
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (/^(x-)?mac-?roman$|^macintosh$/.test(name)) return 'macintosh';
  if (iconv.encodingExists(name)) return name;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'cp037' || encoding === 'cp500') return decodeEbcdic(bytes, encoding).replace(/\u0085/g, '\n');
  if (iconv.encodingExists(encoding))
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding);
  return new TextDecoder(encoding).decode(bytes);
}

/** UTF-16 with no byte-order mark: one byte of most pairs zero (Latin text), on one side only. */
function utf16WithoutMark(sample: Uint8Array): 'utf16le' | 'utf16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.02) return 'utf16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.02) return 'utf16be';
  return null;
}

/** The charset of bytes that are not UTF-8 (see `decodeText`). */
function detectEncoding(sample: Uint8Array): string {
  if (looksLikeEbcdic(sample)) {
    const ebcdic = (['cp037', 'cp500'] as const)
      .map((page) => ({ page, score: plausibility(decodeWith(sample.subarray(0, SCORED_BYTES), page)) }))
      .sort((a, b) => b.score - a.score)[0]!;
    if (ebcdic.score > 0.5) return ebcdic.page;
  }
  const guesses = chardet.analyse(sample);
  const multibyte = guesses.find((guess) => MULTIBYTE.test(guess.name));
  const singleByte = guesses.find((guess) => !MULTIBYTE.test(guess.name));
  if (
    multibyte &&
    multibyte.confidence >= MULTIBYTE_CONFIDENCE &&
    multibyte.confidence >= (singleByte?.confidence ?? 0) &&
    iconv.encodingExists(multibyte.name)
  ) {
    return multibyte.name;
  }
  const candidates = [
    ...new Set([
      ...guesses
        .filter((guess) => !MULTIBYTE.test(guess.name) && !/^(UTF|ASCII)/i.test(guess.name))
        .slice(0, 4)
        .map((guess) => canonicalCharset(guess.name))
        .filter((name): name is string => name !== null),
      ...SINGLE_BYTE,
    ]),
  ];
  let best = { encoding: 'windows-1252', score: -Infinity };
  for (const encoding of candidates) {
    // Western European text is the most common by far: another page must read clearly better.
    const score =
      plausibility(decodeWith(sample.subarray(0, SCORED_BYTES), encoding)) + (encoding === 'windows-1252' ? 0.02 : 0);
    // Ties go to the earlier candidate: chardet's own order, then the common pages first.
    if (score > best.score) best = { encoding, score };
  }
  return best.encoding;
}

/**
 * EBCDIC text: its space (0x40, "@" in ASCII) is among the commonest bytes and the ASCII space
 * and line feed are nearly absent.
 */
function looksLikeEbcdic(sample: Uint8Array): boolean {
  let at = 0;
  let asciiSpace = 0;
  for (const byte of sample) {
    if (byte === 0x40) at++;
    else if (byte === 0x20 || byte === 0x0a) asciiSpace++;
  }
  return at > sample.length * 0.08 && asciiSpace < sample.length * 0.01;
}

const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
];

/**
 * Each character's script, and whether it is a non-ASCII symbol, worked out once: detection
 * scores a dozen decodings of the same sample, and a single-byte page has at most 256 characters,
 * so a regular expression per character per decoding cost a quarter of a second a file.
 */
const scriptOf = memo((char: string) => SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'other');
const isSymbol = memo((char: string) => /[\p{S}\p{P}]/u.test(char));

function memo<T>(work: (char: string) => T): (char: string) => T {
  const known = new Map<string, T>();
  return (char) => {
    let value = known.get(char);
    if (value === undefined) known.set(char, (value = work(char)));
    return value;
  };
}

/**
 * How much a decoding reads like text in one language, per character: letters in words of one
 * script score; words that mix scripts, accented Latin letters in bulk (what Cyrillic or Greek
 * bytes look like through a Latin page), symbols outside ASCII and control characters cost. A
 * right decoding scores near 1; a wrong one well below.
 */
export function plausibility(text: string): number {
  if (!text.length) return 0;
  let score = 0;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    const scripts = new Set<string>();
    let accented = 0;
    for (const char of word) {
      const script = scriptOf(char);
      scripts.add(script);
      if (script === 'latin' && char > '\u007f') accented++;
    }
    const length = [...word].length;
    if (scripts.size > 1) score -= length;
    // Latin words carry a few accents (Polish "łódź" three of four); one made all of accented
    // letters is another script read through a Latin page ("ÊÎÍÒÈÍÅÍÒ").
    else if (length >= 4 && accented >= length * 0.8) score -= length;
    else if (accented > 0 && /\p{Lu}/u.test(word.slice(1)) && /\p{Ll}/u.test(word)) score -= length / 2;
    // Icelandic letters are where Turkish (windows-1254) bytes land through a Western page.
    else score += length - 1.5 * (word.match(/[ðþýÐÞÝ]/g)?.length ?? 0);
  }
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || (code >= 0x7f && code < 0xa0))
      score -= 4;
    else if (code > 0x7f && isSymbol(char)) score -= 2;
  }
  return score / text.length;
}
