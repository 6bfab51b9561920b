import { inflateRawSync } from 'node:zlib';

/** One entry of a zip's central directory: what it says of itself, nothing decompressed. */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  size: number;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip archive (DOCX, XLSX, ODF, EPUB, XPS, iWork are all zips), read from its
 * central directory: a few bytes each. A file that is not a zip, or whose directory is cut off,
 * gives the entries that could be read (none for a non-zip).
 */
export function listZipEntries(bytes: Buffer): ZipEntryInfo[] {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return [];
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: ZipEntryInfo[] = [];
  for (let i = 0; i < count && offset + 46 <= bytes.length; i++) {
    if (bytes.readUInt32LE(offset) !== CENTRAL) break;
    const nameLength = bytes.readUInt16LE(offset + 28);
    entries.push({
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      name: bytes.toString('utf8', offset + 46, Math.min(bytes.length, offset + 46 + nameLength)),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

/**
 * One entry's bytes, inflated up to `maxBytes` (a lying size cannot make it fill memory), or null
 * when it cannot be read (an unknown method, a broken header or stream).
 */
export function readZipEntry(bytes: Buffer, entry: ZipEntryInfo, maxBytes = 64 * 1024 * 1024): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.subarray(0, maxBytes);
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    // A truncated or corrupt stream, or one larger than `maxBytes`.
  }
  return null;
}

/** The entry named `name` (case-insensitive, as Office and iWork treat part names), if any. */
export function findZipEntry(entries: readonly ZipEntryInfo[], name: string): ZipEntryInfo | undefined {
  const wanted = name.toLowerCase();
  return entries.find((entry) => entry.name.toLowerCase() === wanted);
}

/** The end-of-central-directory record is in the last 64 KB + 22 bytes (after an optional comment). */
function findEndOfCentralDirectory(bytes: Buffer): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

const naturally = new Intl.Collator('en', { numeric: true }).compare;

/** Entries in the order of their names, numbers by value (`page2` before `page10`). */
export function byNaturalName(entries: readonly ZipEntryInfo[]): ZipEntryInfo[] {
  return [...entries].sort((a, b) => naturally(a.name, b.name));
}
