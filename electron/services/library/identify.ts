import { extname } from 'node:path';
import { CFB } from '@e965/xlsx';
import { findZipEntry, listZipEntries, readZipEntry } from './parsers/zip-entries';

/** What a document is, as the index stores it: which reader reads it. */
export type DocumentType =
  | 'markdown'
  | 'text'
  | 'code'
  | 'pdf'
  | 'docx'
  | 'doc'
  | 'html'
  | 'email'
  | 'mbox'
  | 'mhtml'
  | 'http'
  | 'msg'
  | 'xls'
  | 'ppt'
  | 'image'
  | 'odt'
  | 'ods'
  | 'odp'
  | 'rtf'
  | 'epub'
  | 'pptx'
  | 'xlsx'
  | 'word-xml'
  | 'spreadsheet-xml'
  | 'xps'
  | 'subtitles'
  | 'notebook'
  | 'iwork'
  | 'onenote'
  | 'encrypted-office'
  | 'xml'
  | 'visio'
  | 'secret'
  | 'archive'
  | 'unsupported';

const MARKDOWN = new Set(['.md', '.markdown', '.mdx', '.mdown', '.mkd']);
const HTML = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT = new Set(
  (
    '.txt .text .log .csv .tsv .rst .org .adoc .asciidoc .tex .bib .ini .cfg .conf .properties .nfo .diz .me ' +
    '.readme .asc .textile .wiki .pod .man'
  ).split(' '),
);
const CODE = new Set(
  (
    '.js .mjs .cjs .jsx .ts .tsx .py .rb .go .rs .java .kt .swift .c .h .cc .cpp .hpp .cs .php .sh .bash .zsh ' +
    '.ps1 .sql .r .lua .pl .scala .dart .ex .exs .hs .ml .vue .svelte .json .yaml .yml .toml .css .scss ' +
    '.less .bat .cmd .m .f90 .jl .clj .erl .groovy .gradle .cmake .mk .dockerfile .proto .graphql'
  ).split(' '),
);
/** XML whose text is read without its tags (its markup is structure, not content, for a reader). */
const XML = new Set(
  '.xml .svg .plist .rss .atom .kml .gpx .xlf .xliff .resx .opf .ncx .xsd .xsl .xslt .fb2 .dita'.split(' '),
);
const IMAGES = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.webp']);

/** Extensions whose reader is known from the name alone (the bytes still get the last word). */
const BY_EXTENSION: Record<string, DocumentType> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.docm': 'docx',
  '.dotx': 'docx',
  '.dotm': 'docx',
  '.doc': 'doc',
  '.dot': 'doc',
  '.eml': 'email',
  '.mbox': 'mbox',
  '.mbx': 'mbox',
  '.mht': 'mhtml',
  '.mhtml': 'mhtml',
  '.msg': 'msg',
  '.xls': 'xls',
  '.xlt': 'xls',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xltx': 'xlsx',
  '.xltm': 'xlsx',
  '.ppt': 'ppt',
  '.pps': 'ppt',
  '.pot': 'ppt',
  '.pptx': 'pptx',
  '.pptm': 'pptx',
  '.potx': 'pptx',
  '.potm': 'pptx',
  '.ppsx': 'pptx',
  '.ppsm': 'pptx',
  '.odt': 'odt',
  '.ott': 'odt',
  '.ods': 'ods',
  '.ots': 'ods',
  '.odp': 'odp',
  '.otp': 'odp',
  '.rtf': 'rtf',
  '.epub': 'epub',
  '.xps': 'xps',
  '.vsdx': 'visio',
  '.vsdm': 'visio',
  '.oxps': 'xps',
  '.srt': 'subtitles',
  '.vtt': 'subtitles',
  '.sbv': 'subtitles',
  '.ipynb': 'notebook',
  '.pages': 'iwork',
  '.key': 'iwork',
  '.numbers': 'iwork',
  '.one': 'onenote',
  '.onepkg': 'onenote',
  '.zip': 'archive',
  '.7z': 'archive',
  '.rar': 'archive',
  '.tar': 'archive',
  '.gz': 'archive',
  '.tgz': 'archive',
};

/** Types whose files are zips: a broken one is still read (and refused) as what it claims to be. */
const ZIPPED = new Set<DocumentType>(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'epub', 'xps', 'visio', 'iwork']);

/** What the file's name says it is, before its bytes are looked at. */
export function typeByName(path: string): DocumentType {
  const ext = extname(path).toLowerCase();
  if (MARKDOWN.has(ext)) return 'markdown';
  if (HTML.has(ext)) return 'html';
  if (IMAGES.has(ext)) return 'image';
  if (XML.has(ext)) return 'xml';
  const known = BY_EXTENSION[ext];
  if (known) return known;
  if (TEXT.has(ext) || ext === '') return 'text';
  if (CODE.has(ext)) return 'code';
  return 'unsupported';
}

/**
 * What a file is, from its bytes first and its name second: a PDF named `.txt`, a Word file named
 * `.doc` that is really RTF, an e-mail or HTTP response saved without an extension, Word 2003 XML
 * named `.xml`, a macro-enabled or template Office file, an encrypted Office file (an OLE
 * container, whatever its extension). Plain text and code keep their names' type: their content
 * has no signature to go by.
 */
export function identifyDocument(path: string, bytes: Buffer): DocumentType {
  const named = typeByName(path);
  const binary = byMagic(bytes);
  // A zip that is no known document, named as one: its reader says what is wrong with it.
  if (binary === 'archive' && ZIPPED.has(named)) return named;
  if (binary) return binary;
  // Text formats of their own, named for what they are: their readers refuse what they are not.
  if (OWN_TEXT_FORMATS.has(named)) return named;
  const head = bytes.subarray(0, 4096).toString('latin1');
  const structured = byStructure(head, named);
  if (structured) return structured;
  // A binary format's name on text (a .doc that is plain text, an unknown extension): read as text.
  if (!READ_AS_TEXT.has(named) && looksLikeText(bytes)) return 'text';
  return named;
}

/**
 * Named types whose content is never sniffed for another format: a Markdown note that begins
 * "From: …" is a note, not mail. (Binary formats are sniffed when their signature is missing: a
 * `.doc` that is HTML or RTF, an `.xls` that is SpreadsheetML, a `.msg` saved as MIME.)
 */
const OWN_TEXT_FORMATS = new Set<DocumentType>(['markdown', 'subtitles', 'notebook', 'mbox', 'mhtml', 'email']);

/** Types whose readers decode text themselves. */
const READ_AS_TEXT = new Set<DocumentType>(['text', 'code', 'html', 'xml']);

const ARCHIVES = [
  Buffer.from([0x1f, 0x8b]),
  Buffer.from('377abcaf271c', 'hex'),
  Buffer.from('Rar!'),
  Buffer.from('fd377a585a00', 'hex'),
  Buffer.from('BZh'),
];

/** Formats with a signature in their first bytes (or, for zips and OLE files, in their directory). */
function byMagic(bytes: Buffer): DocumentType | null {
  if (bytes.length < 8) return null;
  if (bytes.readUInt32LE(0) === 0x04034b50) return zipKind(bytes);
  // Readers accept a PDF header anywhere in the first 1 KB (after a mail or printer preamble).
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) return oleKind(bytes);
  if (bytes.subarray(0, 6).toString('latin1') === '{\\rtf1' || bytes.subarray(0, 5).toString('latin1') === '{\\rtf')
    return 'rtf';
  if (isImage(bytes)) return 'image';
  // gzip, 7z, rar, xz, bzip2: containers Hearth does not open.
  if (ARCHIVES.some((magic) => bytes.subarray(0, magic.length).equals(magic))) return 'archive';
  return null;
}

function isImage(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 12).toString('latin1');
  return (
    head.startsWith('\x89PNG') ||
    head.startsWith('\xff\xd8\xff') ||
    head.startsWith('II*\0') ||
    head.startsWith('MM\0*') ||
    (head.startsWith('BM') && bytes.length > 26 && bytes.readUInt32LE(2) === bytes.length) ||
    (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP')
  );
}

/** A zip: which document it is, by `[Content_Types].xml` (OOXML, XPS), `mimetype` (ODF, EPUB) or iWork's parts. */
function zipKind(bytes: Buffer): DocumentType {
  const entries = listZipEntries(bytes);
  const types = findZipEntry(entries, '[Content_Types].xml');
  if (types) {
    const xml = readZipEntry(bytes, types, 1024 * 1024)?.toString('utf8') ?? '';
    if (/wordprocessingml\.(document|template)|ms-word\.(document|template)/i.test(xml)) return 'docx';
    if (/spreadsheetml\.(sheet|template)|ms-excel\.(sheet|template)/i.test(xml)) return 'xlsx';
    if (/presentationml\.(presentation|slideshow|template)|ms-powerpoint\.(presentation|slideshow|template)/i.test(xml))
      return 'pptx';
    if (/xps-fixeddocumentsequence|oxps\.fixeddocumentsequence/i.test(xml)) return 'xps';
    if (/ms-visio\.drawing/i.test(xml)) return 'visio';
  }
  if (entries.some((entry) => /\.fdseq$/i.test(entry.name))) return 'xps';
  const mimetype = findZipEntry(entries, 'mimetype');
  if (mimetype) {
    const kind = readZipEntry(bytes, mimetype, 256)?.toString('latin1').trim() ?? '';
    if (kind === 'application/epub+zip') return 'epub';
    if (/opendocument\.text/.test(kind)) return 'odt';
    if (/opendocument\.spreadsheet/.test(kind)) return 'ods';
    if (/opendocument\.presentation/.test(kind)) return 'odp';
  }
  if (
    entries.some((entry) =>
      /^(Index\/Document\.iwa|Index\.zip|index\.apxl|index\.xml(\.gz)?|QuickLook\/Preview\.pdf|preview\.pdf)$/i.test(
        entry.name,
      ),
    )
  ) {
    return 'iwork';
  }
  return 'archive';
}

/**
 * An OLE compound file (the container of Office 97–2003 files, Outlook messages, and of OOXML files
 * once encrypted): which one, by the streams it holds.
 */
function oleKind(bytes: Buffer): DocumentType | null {
  let names: string[];
  try {
    names = CFB.read(bytes, { type: 'buffer' }).FullPaths.map(
      (path: string) => path.replace(/\/$/, '').split('/').pop()!,
    );
  } catch {
    // A damaged container: the extension's reader says what it can.
    return null;
  }
  const has = (name: string) => names.some((entry) => entry.toLowerCase() === name.toLowerCase());
  if (has('EncryptionInfo') && has('EncryptedPackage')) return 'encrypted-office';
  if (has('WordDocument')) return 'doc';
  if (has('Workbook') || has('Book')) return 'xls';
  if (has('PowerPoint Document')) return 'ppt';
  if (names.some((name) => name.startsWith('__substg1.0_')) || has('__properties_version1.0')) return 'msg';
  return null;
}

/** Text formats recognised by how they begin: mail, mailboxes, HTTP responses, Office XML, HTML. */
function byStructure(head: string, named: DocumentType): DocumentType | null {
  const start = head.replace(/^\ufeff|^\xef\xbb\xbf/, '');
  // Private keys and certificates (PEM, OpenSSH, PuTTY, PGP), whatever their name: never indexed.
  if (/^\s*(-----BEGIN [A-Z0-9 ]+-----|PuTTY-User-Key-File-)/.test(start)) return 'secret';
  if (/^HTTP\/\d(\.\d)? \d{3}[ \r\n]/.test(start)) return 'http';
  if (/^From \S+.*\r?\n[\w-]+:/.test(start) && isMessageHeader(start.slice(start.indexOf('\n') + 1))) return 'mbox';
  if (named !== 'code' && isMessageHeader(start)) {
    return /^content-type:\s*multipart\/related/im.test(headerBlock(start) ?? '') ? 'mhtml' : 'email';
  }
  const xml = start.replace(/^\s+/, '');
  if (xml.startsWith('<')) {
    if (/<\?mso-application\s+progid="Word\.Document"/i.test(xml) || /<(\w+:)?wordDocument[\s>]/.test(xml))
      return 'word-xml';
    if (/<\?mso-application\s+progid="Excel\.Sheet"/i.test(xml)) return 'spreadsheet-xml';
    if (/<(\w+:)?Workbook[^>]*urn:schemas-microsoft-com:office:spreadsheet/.test(xml)) return 'spreadsheet-xml';
    if (/<pkg:package[\s>]/.test(xml) && /wordprocessingml/.test(xml)) return 'word-xml';
    if (named !== 'code' && /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>])/i.test(xml))
      return 'html';
    // Other XML under a text or unknown name (a feed, a plist, an export): read without its tags.
    if (
      named !== 'code' &&
      named !== 'html' &&
      /^(<\?xml[\s?]|<[A-Za-z][\w:.-]*[\s>/])/.test(xml) &&
      xml.includes('</')
    )
      return 'xml';
  }
  return null;
}

/** Header fields only a message has; one of them must be there for a text to be read as mail. */
const MESSAGE_FIELDS =
  /^(received|from|message-id|mime-version|return-path|delivered-to|x-mailer|content-transfer-encoding|date|subject|to):/im;

/**
 * The start of an RFC 822 message: at least three header fields ("Name: value", continuation lines
 * indented) before the first blank line, the first on the first line, and one of them a field only
 * mail has. A note that begins "Subject: …" alone is not mail.
 */
function isMessageHeader(text: string): boolean {
  const block = headerBlock(text);
  if (block === null) return false;
  const lines = block.split(/\r?\n/);
  if (!/^[\w-]+:/.test(lines[0] ?? '')) return false;
  let fields = 0;
  for (const line of lines) {
    if (/^[\w-]+:/.test(line)) fields++;
    else if (!/^[ \t]/.test(line)) return false;
  }
  const names = lines.map((line) => /^([\w-]+):/.exec(line)?.[1]?.toLowerCase()).filter(Boolean);
  const strong = names.filter((name) => /^(received|message-id|mime-version|return-path|delivered-to)$/.test(name!));
  return (
    fields >= 3 &&
    MESSAGE_FIELDS.test(block) &&
    (strong.length > 0 || (names.includes('from') && names.includes('date')))
  );
}

/** The header block: everything before the first blank line, or null when there is none in view. */
function headerBlock(text: string): string | null {
  const end = text.search(/\r?\n\r?\n/);
  return end < 0 ? null : text.slice(0, end);
}

/** A file of unknown name that is text: no NUL byte, and valid UTF-8 or mostly printable bytes. */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (!sample.length || sample.includes(0)) return false;
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  return control < sample.length * 0.01;
}
