import { extname } from 'node:path';
import type { DocumentType } from './identify';
import type { OcrOptions } from './parsers/ocr';
import type { OfficeType } from './parsers/office';
import { UnreadableDocument, type Parsed } from './parsers/types';
import { decodeText } from './text/decode';
import { declaredCharset } from './text/declared-charset';
import { stripTerminalEscapes } from './text/terminal-escapes';

/*
 * Parsers are loaded on first use: the indexing process starts in a fraction of the time (a rescan
 * that finds nothing to read loads none of them), and a folder of Markdown never loads pdf.js.
 */
const pdf = () => import('./parsers/pdf');
const office = () => import('./parsers/office');
const officeXml = () => import('./parsers/office-xml');
const mail = () => import('./parsers/email');
const html = () => import('./parsers/html');

/** What a reader gets besides the bytes. */
export interface ReadContext {
  path: string;
  ocr: OcrOptions;
}

export interface Reader {
  /**
   * Bumped whenever the reader would now judge a file differently (reads more of it, decodes it
   * better, gives another reason): every file it read before is read again at the next scan, and
   * no other file is. A change to the shared text checks bumps every reader.
   */
  version: number;
  read(bytes: Buffer, context: ReadContext): Parsed | Promise<Parsed>;
  /**
   * The text comes out of a converter (false for files read as they are: Markdown, plain text and
   * code, whose angle brackets are content), so leftover markup in it means the conversion failed.
   */
  converted: boolean;
}

/** Files read as they are, in whatever charset they are (an XML file's declaration is honoured). */
function asText(markdown: boolean): Reader['read'] {
  return (bytes) => {
    const text = stripTerminalEscapes(decoded(bytes, declaredCharset(bytes)));
    return { sections: [{ text, page: null }], markdown };
  };
}

function decoded(bytes: Buffer, declared: string | null): string {
  const result = decodeText(bytes, { declared });
  if (!result.ok) throw new UnreadableDocument('binary', result.detail);
  return result.text.replace(/\r\n?/g, '\n');
}

/** A reason instead of a reader: formats Hearth recognises and cannot read, with what to do. */
function refuse(reason: UnreadableDocument['reason'], detail: (context: ReadContext) => string): Reader['read'] {
  return (_bytes, context) => {
    throw new UnreadableDocument(reason, detail(context));
  };
}

const officeFile =
  (type: OfficeType): Reader['read'] =>
  async (bytes) =>
    (await office()).parseOffice(bytes, type);

/** Formats people have that Hearth does not read, by extension, with what to do instead. */
const NOT_READ: Record<string, string> = {
  '.vsd .vss .vst': 'Visio 2003 drawings are not read: save the drawing as .vsdx or PDF to index it.',
  '.pub': 'Publisher files are not read: save the publication as PDF to index it.',
  '.wpd .wp .wp5': 'WordPerfect files are not read: save the document as .docx, RTF or PDF to index it.',
  '.wps': 'Microsoft Works documents are not read: save the document as .docx or RTF to index it.',
  '.chm': 'Compiled HTML help is not read: extract it (7-Zip opens .chm files) into the folder to index its pages.',
  '.mdb .accdb': 'Access databases are not read: export the tables as CSV to index them.',
  '.sqlite .sqlite3 .db': 'Databases are not read: export what you want to search as CSV or text.',
  '.ps .eps': 'PostScript is not read: convert it to PDF to index it.',
  '.djvu .djv': 'DjVu is not read: convert it to PDF to index it.',
  '.mp3 .m4a .wav .flac .ogg .aac .mp4 .m4v .mov .avi .mkv .webm .wmv':
    'Audio and video hold no text Hearth reads (subtitle files beside them are read).',
  '.exe .dll .so .dylib .msi .dmg .deb .rpm .apk .jar .class .o .a': 'A program or a package, not a document.',
  '.ttf .otf .woff .woff2': 'A font, not a document.',
};

/** Every document type's reader, with its version (see `Reader.version`). */
export const READERS: Readonly<Record<DocumentType, Reader>> = {
  // 3: terminal escape sequences (coloured logs) are dropped.
  markdown: { version: 3, converted: false, read: asText(true) },
  text: { version: 3, converted: false, read: asText(false) },
  code: { version: 3, converted: false, read: asText(false) },
  html: {
    version: 2,
    converted: true,
    read: async (bytes) => ({
      sections: [{ text: (await html()).parseHtmlDocument(decoded(bytes, declaredCharset(bytes))), page: null }],
      markdown: true,
    }),
  },
  pdf: { version: 2, converted: true, read: async (bytes, { ocr }) => (await pdf()).parsePdf(bytes, ocr) },
  image: {
    version: 2,
    converted: true,
    read: async (bytes, { ocr }) => (await import('./parsers/image')).parseImage(bytes, ocr),
  },
  docx: { version: 2, converted: true, read: async (bytes) => (await import('./parsers/docx')).parseDocx(bytes) },
  doc: { version: 2, converted: true, read: async (bytes) => (await import('./parsers/word-doc')).parseWordDoc(bytes) },
  email: { version: 2, converted: true, read: async (bytes) => (await mail()).parseEmail(bytes) },
  mbox: { version: 1, converted: true, read: async (bytes) => (await import('./parsers/mbox')).parseMbox(bytes) },
  mhtml: { version: 1, converted: true, read: async (bytes) => (await mail()).parseMhtml(bytes) },
  http: {
    version: 1,
    converted: true,
    read: async (bytes) => (await import('./parsers/http-response')).parseHttpResponse(bytes),
  },
  msg: {
    version: 2,
    converted: true,
    read: async (bytes) => (await import('./parsers/outlook')).parseOutlookMessage(bytes),
  },
  xls: {
    version: 2,
    converted: true,
    read: async (bytes) => (await import('./parsers/spreadsheet')).parseSpreadsheet(bytes),
  },
  ppt: { version: 1, converted: true, read: async (bytes) => (await import('./parsers/ppt')).parsePpt(bytes) },
  rtf: { version: 2, converted: true, read: async (bytes) => (await import('./parsers/rtf')).parseRtf(bytes) },
  odt: { version: 2, converted: true, read: officeFile('odt') },
  ods: { version: 2, converted: true, read: officeFile('ods') },
  odp: { version: 2, converted: true, read: officeFile('odp') },
  epub: { version: 2, converted: true, read: officeFile('epub') },
  pptx: { version: 2, converted: true, read: officeFile('pptx') },
  xlsx: { version: 2, converted: true, read: officeFile('xlsx') },
  'word-xml': {
    version: 1,
    converted: true,
    read: async (bytes) => (await officeXml()).parseWordXml(decoded(bytes, declaredCharset(bytes))),
  },
  'spreadsheet-xml': {
    version: 1,
    converted: true,
    read: async (bytes) => (await officeXml()).parseSpreadsheetXml(decoded(bytes, declaredCharset(bytes))),
  },
  xps: { version: 1, converted: true, read: async (bytes) => (await import('./parsers/xps')).parseXps(bytes) },
  visio: { version: 1, converted: true, read: async (bytes) => (await import('./parsers/visio')).parseVisio(bytes) },
  subtitles: {
    version: 1,
    converted: true,
    read: async (bytes) => (await import('./parsers/subtitles')).parseSubtitles(decoded(bytes, null)),
  },
  notebook: {
    version: 1,
    converted: false,
    read: async (bytes) => (await import('./parsers/notebook')).parseNotebook(decoded(bytes, null)),
  },
  iwork: {
    version: 1,
    converted: true,
    read: async (bytes, { ocr }) => (await import('./parsers/iwork')).parseIwork(bytes, ocr),
  },
  onenote: {
    version: 1,
    converted: true,
    read: refuse(
      'unsupported-type',
      () =>
        'OneNote notebooks (.one) are not read: in OneNote, export the pages (File › Export) as PDF or Word into this folder to index them.',
    ),
  },
  xml: {
    version: 1,
    converted: true,
    read: async (bytes) => (await import('./parsers/xml-text')).parseXmlText(decoded(bytes, declaredCharset(bytes))),
  },
  secret: {
    version: 1,
    converted: true,
    read: refuse('unsupported-type', () => 'A private key or certificate: Hearth never indexes secrets.'),
  },
  'encrypted-office': {
    version: 1,
    converted: true,
    read: refuse('encrypted', () => 'The Office file is protected by a password (an encrypted package).'),
  },
  archive: {
    version: 1,
    converted: true,
    read: refuse(
      'unsupported-type',
      () =>
        'An archive (zip, 7z, gzip…): Hearth does not open archives. Extract it into the folder to index what it holds.',
    ),
  },
  unsupported: {
    version: 2,
    converted: true,
    read: refuse('unsupported-type', ({ path }) => {
      const ext = extname(path).toLowerCase();
      const known = Object.entries(NOT_READ).find(([extensions]) => extensions.split(' ').includes(ext));
      if (known) return known[1];
      return ext
        ? `Hearth does not read ${ext} files: they hold no text it knows how to find.`
        : 'A binary file of a kind Hearth does not read.';
    }),
  },
};

/**
 * The reader stamp a judged file is stored with: its type and the reader's version (`pdf@2`), and,
 * when OCR decided the outcome (a scan read or refused, a picture), the OCR settings it ran under
 * (`pdf@2+ocr-20`, `image@2+ocr-off`): turning OCR on re-reads the scans skipped while it was off,
 * and nothing else.
 */
export function readerStamp(type: DocumentType, ocr?: OcrOptions): string {
  const settings = ocr ? `+ocr-${ocr.enabled ? ocr.maxPages : 'off'}` : '';
  return `${type}@${READERS[type].version}${settings}`;
}

/** Whether a stored stamp is what its reader would write now, under these OCR settings. */
export function isCurrentReader(stamp: string, ocr: OcrOptions): boolean {
  const [, type, withOcr] = /^([\w-]+)@\d+(\+ocr-\w+)?$/.exec(stamp) ?? [];
  if (!type || !Object.hasOwn(READERS, type)) return false;
  return stamp === readerStamp(type as DocumentType, withOcr ? ocr : undefined);
}
