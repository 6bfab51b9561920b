import iconv from 'iconv-lite';
import { decodeText, plausibility } from './decode';
import { MOJIBAKE_PAIR } from './quality';

/*
 * Text a reader decoded in the wrong character set, put right where the misreading can be undone
 * exactly: the wrong decoding is turned back into its bytes, which are decoded again.
 */

/**
 * Text that was UTF-8, decoded as Windows-1252 and saved again as UTF-8 ("cafÃ©"): undone when
 * the round trip gives valid UTF-8 with no mojibake left. Anything else is returned as it is.
 */
export function repairDoubleEncoding(text: string): string {
  const pairs = text.match(MOJIBAKE_PAIR)?.length ?? 0;
  if (pairs < 3) return text;
  const bytes = iconv.encode(text, 'windows-1252');
  // A character Windows-1252 has no byte for was never part of the misreading.
  if (iconv.decode(bytes, 'windows-1252') !== text) return text;
  try {
    const repaired = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return (repaired.match(MOJIBAKE_PAIR)?.length ?? 0) < pairs / 4 && !repaired.includes('\ufffd') ? repaired : text;
  } catch {
    return text;
  }
}

/** Letters of Latin-1's upper half (À–ÿ): a few in French or German, most of them in a misreading. */
const LATIN_UPPER_HALF = /[\u00c0-\u00ff]/g;

/**
 * Text in another single-byte code page read as Windows-1252 ("ÊÎÍÒÈÍÅÍÒ" for КОНТИНЕНТ, as an
 * old Word file or a PDF font without a map gives it): when most of its letters are Latin-1's
 * upper half, its bytes are decoded again in the page that reads most like a language, if that
 * reads clearly better. Anything else is returned as it is.
 */
export function repairWrongCodePage(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(LATIN_UPPER_HALF)?.length ?? 0;
  if (letters < 8 || upper < letters * 0.3) return text;
  const bytes = iconv.encode(text, 'windows-1252');
  if (iconv.decode(bytes, 'windows-1252') !== text) return text;
  const decoded = decodeText(bytes);
  if (!decoded.ok || decoded.encoding === 'windows-1252') return text;
  return plausibility(decoded.text) > plausibility(text) + 0.2 ? decoded.text : text;
}
