import { extname } from 'node:path';
import { parseDocx } from './parsers/docx';
import { parseEmail } from './parsers/email';
import { OFFICE_TYPES, parseOffice, type OfficeType } from './parsers/office';
import { parseWordDoc } from './parsers/word-doc';
import { parseHtmlDocument } from './parsers/html';
import { parsePdf } from './parsers/pdf';
import { parseImage } from './parsers/image';
import { DEFAULT_OCR, type OcrOptions } from './parsers/ocr';
import { parseOutlookMessage } from './parsers/outlook';
import { parseSpreadsheet } from './parsers/spreadsheet';
import { UnreadableDocument, type Parsed, type Section } from './parsers/types';
import type { SkipReason } from './walk';
import { decodeText } from './text/decode';
import { checkTextQuality } from './text/quality';

/** What a document's text is, as the index stores it. */
export type DocumentType =
  | 'markdown'
  | 'text'
  | 'code'
  | 'pdf'
  | 'docx'
  | 'doc'
  | 'html'
  | 'email'
  | 'msg'
  | 'xls'
  | 'image'
  | OfficeType
  | 'unsupported';

/** What a parser may need besides the bytes. */
export interface ExtractOptions {
  /** Scanned PDFs and pictures. Defaults to on, up to 20 pages. */
  ocr?: OcrOptions;
}

type Parser = (bytes: Buffer, options: Required<ExtractOptions>) => Parsed | Promise<Parsed>;

/** Formats that go through a parser (bytes in, sections out) rather than text decoding. */
const PARSED: Partial<Record<DocumentType, Parser>> = {
  pdf: (bytes, { ocr }) => parsePdf(bytes, ocr),
  image: (bytes, { ocr }) => parseImage(bytes, ocr),
  docx: parseDocx,
  doc: parseWordDoc,
  email: parseEmail,
  msg: parseOutlookMessage,
  xls: parseSpreadsheet,
  ...Object.fromEntries(OFFICE_TYPES.map((type) => [type, (bytes: Buffer) => parseOffice(bytes, type)])),
};

export type Extracted =
  | { ok: true; type: DocumentType; sections: Section[]; markdown: boolean }
  | { ok: false; type: DocumentType; reason: SkipReason; detail: string };

const MARKDOWN = new Set(['.md', '.markdown', '.mdx', '.mdown']);
const HTML = new Set(['.html', '.htm', '.xhtml']);
const TEXT = new Set([
  '.txt',
  '.text',
  '.log',
  '.csv',
  '.tsv',
  '.rst',
  '.org',
  '.adoc',
  '.tex',
  '.ini',
  '.cfg',
  '.conf',
]);
const CODE = new Set(
  (
    '.js .mjs .cjs .jsx .ts .tsx .py .rb .go .rs .java .kt .swift .c .h .cc .cpp .hpp .cs .php .sh .bash .zsh ' +
    '.ps1 .sql .r .lua .pl .scala .dart .ex .exs .hs .ml .vue .svelte .json .yaml .yml .toml .xml .css .scss'
  ).split(' '),
);

const IMAGES = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.webp']);

/** Formats Hearth recognises but does not read, with what to do instead. */
const NOT_READ: Record<string, string> = {
  '.ppt': 'Legacy PowerPoint (.ppt) files are not read: save the presentation as .pptx to index it.',
};

export function documentType(path: string): DocumentType {
  const ext = extname(path).toLowerCase();
  if (MARKDOWN.has(ext)) return 'markdown';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.doc') return 'doc';
  if (ext === '.eml') return 'email';
  if (ext === '.msg') return 'msg';
  if (ext === '.xls') return 'xls';
  if (IMAGES.has(ext)) return 'image';
  const office = OFFICE_TYPES.find((type) => ext === `.${type}`);
  if (office) return office;
  if (HTML.has(ext)) return 'html';
  if (TEXT.has(ext) || ext === '') return 'text';
  if (CODE.has(ext)) return 'code';
  return 'unsupported';
}

/**
 * The text of a file, or why there is none worth indexing. Text formats are decoded whatever
 * their encoding; PDF, Word and HTML go through their parsers. A file a parser cannot read is a
 * skip reason (encrypted, broken, no text), and so is any text that turns out to be binary,
 * garbage or leftover markup. Anything else a parser throws is a failure the caller counts.
 */
export async function extractDocument(path: string, bytes: Buffer, options: ExtractOptions = {}): Promise<Extracted> {
  const type = documentType(path);
  if (type === 'unsupported') {
    const ext = extname(path).toLowerCase();
    return {
      ok: false,
      type,
      reason: 'unsupported-type',
      detail: NOT_READ[ext] ?? `Hearth does not read ${ext || 'extension-less'} files.`,
    };
  }
  const parse = PARSED[type];
  if (parse) {
    try {
      const parsed = await parse(bytes, { ocr: options.ocr ?? DEFAULT_OCR });
      return checked(type, parsed.sections, parsed.markdown, true);
    } catch (error) {
      if (error instanceof UnreadableDocument) return { ok: false, type, reason: error.reason, detail: error.message };
      throw error;
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, type, reason: decoded.reason, detail: decoded.detail };
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (type === 'html') return checked(type, [{ text: parseHtmlDocument(text), page: null }], true, true);
  // Read as they are, not converted: their angle brackets are content.
  return checked(type, [{ text, page: null }], type === 'markdown', false);
}

function checked(type: DocumentType, sections: Section[], markdown: boolean, converted: boolean): Extracted {
  const all = sections.map((section) => section.text).join('\n\n');
  const quality = checkTextQuality(all, { converted });
  if (!quality.ok) return { ok: false, type, reason: all.trim() ? 'garbage-text' : 'no-text', detail: quality.detail };
  return { ok: true, type, sections, markdown };
}
