import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: 'binary'; detail: string };

/**
 * Bytes to text, whatever the encoding: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else
 * valid UTF-8 is UTF-8; else chardet's best guess (Latin-1, Windows-1252, Shift-JIS…) through
 * iconv-lite. A NUL byte where no UTF-16 mark explains it means binary data with a text-like name.
 */
export function decodeText(bytes: Buffer): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary', detail: `Binary data (a NUL byte at offset ${nul}).` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    const guess = chardet.detect(bytes) ?? 'ISO-8859-1';
    const encoding = iconv.encodingExists(guess) ? guess : 'ISO-8859-1';
    return { ok: true, text: iconv.decode(bytes, encoding), encoding };
  }
}
