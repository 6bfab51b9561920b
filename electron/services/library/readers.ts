import { extname } from 'node:path';
import type { DocumentType } from './identify';
import { parseDocx } from './parsers/docx';
import { parseEmail, parseMhtml } from './parsers/email';
import { parseHtmlDocument } from './parsers/html';
import { parseHttpResponse } from './parsers/http-response';
import { parseImage } from './parsers/image';
import { parseIwork } from './parsers/iwork';
import { parseMbox } from './parsers/mbox';
import { parseNotebook } from './parsers/notebook';
import type { OcrOptions } from './parsers/ocr';
import { parseOffice } from './parsers/office';
import { parseSpreadsheetXml, parseWordXml } from './parsers/office-xml';
import { parseOutlookMessage } from './parsers/outlook';
import { parsePdf } from './parsers/pdf';
import { parsePpt } from './parsers/ppt';
import { parseRtf } from './parsers/rtf';
import { parseSpreadsheet } from './parsers/spreadsheet';
import { parseSubtitles } from './parsers/subtitles';
import { UnreadableDocument, type Parsed } from './parsers/types';
import { parseWordDoc } from './parsers/word-doc';
import { parseXps } from './parsers/xps';
import { decodeText } from './text/decode';
import { declaredCharset } from './text/declared-charset';

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
    const text = decoded(bytes, declaredCharset(bytes));
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

const office =
  (type: Parameters<typeof parseOffice>[1]): Reader['read'] =>
  (bytes) =>
    parseOffice(bytes, type);

/** Every document type's reader, with its version (see `Reader.version`). */
export const READERS: Readonly<Record<DocumentType, Reader>> = {
  markdown: { version: 2, converted: false, read: asText(true) },
  text: { version: 2, converted: false, read: asText(false) },
  code: { version: 2, converted: false, read: asText(false) },
  html: {
    version: 2,
    converted: true,
    read: (bytes) => ({
      sections: [{ text: parseHtmlDocument(decoded(bytes, declaredCharset(bytes))), page: null }],
      markdown: true,
    }),
  },
  pdf: { version: 2, converted: true, read: (bytes, { ocr }) => parsePdf(bytes, ocr) },
  image: { version: 2, converted: true, read: (bytes, { ocr }) => parseImage(bytes, ocr) },
  docx: { version: 2, converted: true, read: parseDocx },
  doc: { version: 2, converted: true, read: parseWordDoc },
  email: { version: 2, converted: true, read: parseEmail },
  mbox: { version: 1, converted: true, read: parseMbox },
  mhtml: { version: 1, converted: true, read: parseMhtml },
  http: { version: 1, converted: true, read: parseHttpResponse },
  msg: { version: 2, converted: true, read: parseOutlookMessage },
  xls: { version: 2, converted: true, read: parseSpreadsheet },
  ppt: { version: 1, converted: true, read: parsePpt },
  rtf: { version: 2, converted: true, read: parseRtf },
  odt: { version: 2, converted: true, read: office('odt') },
  ods: { version: 2, converted: true, read: office('ods') },
  odp: { version: 2, converted: true, read: office('odp') },
  epub: { version: 2, converted: true, read: office('epub') },
  pptx: { version: 2, converted: true, read: office('pptx') },
  xlsx: { version: 2, converted: true, read: office('xlsx') },
  'word-xml': { version: 1, converted: true, read: (bytes) => parseWordXml(decoded(bytes, declaredCharset(bytes))) },
  'spreadsheet-xml': {
    version: 1,
    converted: true,
    read: (bytes) => parseSpreadsheetXml(decoded(bytes, declaredCharset(bytes))),
  },
  xps: { version: 1, converted: true, read: parseXps },
  subtitles: { version: 1, converted: true, read: (bytes) => parseSubtitles(decoded(bytes, null)) },
  notebook: { version: 1, converted: false, read: (bytes) => parseNotebook(decoded(bytes, null)) },
  iwork: { version: 1, converted: true, read: (bytes, { ocr }) => parseIwork(bytes, ocr) },
  onenote: {
    version: 1,
    converted: true,
    read: refuse(
      'unsupported-type',
      () =>
        'OneNote notebooks (.one) are not read: in OneNote, export the pages (File › Export) as PDF or Word into this folder to index them.',
    ),
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
      return ext
        ? `Hearth does not read ${ext} files: they hold no text it knows how to find.`
        : 'A binary file of a kind Hearth does not read.';
    }),
  },
};

/** The reader stamp a judged file is stored with: its type and the reader's version. */
export function readerStamp(type: DocumentType): string {
  return `${type}@${READERS[type].version}`;
}
