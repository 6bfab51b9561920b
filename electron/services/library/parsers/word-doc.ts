import { CFB } from '@e965/xlsx';
import iconv from 'iconv-lite';
import WordExtractor from 'word-extractor';
import { UnreadableDocument, type Parsed } from './types';

/**
 * Word 97–2003 `.doc` through word-extractor (OLE compound files, fast-saved documents included):
 * the body, then footnotes and endnotes. The format carries no reliable heading markup, so the
 * text is chunked by paragraphs. A file word-extractor cannot read (some damaged Word 97 files,
 * Word 6 and 95) is read from its text range directly (see `wordTextRange`).
 */
export async function parseWordDoc(bytes: Buffer): Promise<Parsed> {
  const stream = wordDocumentStream(bytes);
  if (stream && isEncrypted(stream)) {
    throw new UnreadableDocument('encrypted', 'The Word file is protected by a password.');
  }
  let text: string;
  try {
    const document = await new WordExtractor().extract(bytes);
    text = [document.getBody(), document.getFootnotes(), document.getEndnotes()]
      .map((part) => part.trim())
      .filter(Boolean)
      .join('\n\n');
  } catch (error) {
    const fallback = wordTextRange(bytes);
    if (fallback === null) {
      throw new UnreadableDocument(
        'parse-failed',
        `The Word 97–2003 file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    text = fallback;
  }
  return { sections: [{ text, page: null }], markdown: false };
}

/** The WordDocument stream of an OLE file (its File Information Block first), or null. */
function wordDocumentStream(bytes: Buffer): Buffer | null {
  try {
    const entry = CFB.find(CFB.read(bytes, { type: 'buffer' }), 'WordDocument');
    const stream = entry?.content ? Buffer.from(entry.content as Uint8Array) : null;
    return stream && stream.length >= 0x20 ? stream : null;
  } catch {
    return null;
  }
}

/** The FIB's fEncrypted flag (bit 8 of the flags word at 0x0A), in Word 6 to 2003 alike. */
function isEncrypted(stream: Buffer): boolean {
  return (stream.readUInt16LE(0x0a) & 0x0100) !== 0;
}

const WORD_97 = 0xa5ec;
const WORD_6 = 0xa5dc;

/**
 * The document's text as its File Information Block places it: the bytes from `fcMin` to `fcMac`
 * of the WordDocument stream, UTF-16 or one byte a character (Word 6/95, and Word 97 text saved
 * without Unicode). Field codes (between marks 0x13 and 0x14) are dropped, field results kept;
 * cell and row marks become separators. Null when the file has no such range.
 */
function wordTextRange(bytes: Buffer): string | null {
  const stream = wordDocumentStream(bytes);
  if (!stream) return null;
  const ident = stream.readUInt16LE(0);
  if (ident !== WORD_97 && ident !== WORD_6) return null;
  const start = stream.readUInt32LE(0x18);
  const end = Math.min(stream.readUInt32LE(0x1c), stream.length);
  if (end <= start) return null;
  const range = stream.subarray(start, end);
  let zeros = 0;
  for (let i = 1; i < range.length; i += 2) if (range[i] === 0) zeros++;
  const wide = zeros > range.length / 2 / 3;
  const raw = wide ? range.toString('utf16le') : iconv.decode(range, 'windows-1252');
  /* eslint-disable no-control-regex -- Word marks fields, cells and pictures with control characters. */
  const text = raw
    .replace(/\x13[^\x13\x14\x15]*\x14([^\x15]*)\x15/g, '$1')
    .replace(/\x13[^\x15]*\x15/g, '')
    .replace(/\x07\r?/g, ' | ')
    .replace(/[\r\x0b\x0c]/g, '\n')
    .replace(/[\x00-\x08\x0e-\x1f]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  /* eslint-enable no-control-regex */
  return text || null;
}
