import { extname } from 'node:path';
import type { SkipReason } from './walk';
import { decodeText } from './text/decode';
import { checkTextQuality } from './text/quality';

/** What a document's text is, as the index stores it. */
export type DocumentType = 'markdown' | 'text' | 'code' | 'unsupported';

export type Extracted =
  | { ok: true; type: DocumentType; text: string; markdown: boolean }
  | { ok: false; type: DocumentType; reason: SkipReason; detail: string };

const MARKDOWN = new Set(['.md', '.markdown', '.mdx', '.mdown']);
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

/** Formats the index will read once their parsers land (PDF, Office, e-mail, images). */
const NOT_YET: Record<string, string> = Object.fromEntries(
  [
    '.pdf',
    '.docx',
    '.doc',
    '.odt',
    '.rtf',
    '.epub',
    '.pptx',
    '.ppt',
    '.xlsx',
    '.xls',
    '.ods',
    '.odp',
    '.eml',
    '.msg',
    '.html',
    '.htm',
    '.png',
    '.jpg',
    '.jpeg',
    '.tif',
    '.tiff',
  ].map((ext) => [ext, ext.slice(1).toUpperCase()]),
);

export function documentType(path: string): DocumentType {
  const ext = extname(path).toLowerCase();
  if (MARKDOWN.has(ext)) return 'markdown';
  if (TEXT.has(ext) || ext === '') return 'text';
  if (CODE.has(ext)) return 'code';
  return 'unsupported';
}

/**
 * The text of a file, or why there is none worth indexing. Text formats are decoded whatever
 * their encoding; anything that turns out to be binary or garbage is refused with the reason.
 */
export function extractText(path: string, bytes: Buffer): Extracted {
  const type = documentType(path);
  if (type === 'unsupported') {
    const ext = extname(path).toLowerCase();
    const format = NOT_YET[ext];
    return {
      ok: false,
      type,
      reason: 'unsupported-type',
      detail: format
        ? `${format} files are not read yet in this version of Hearth.`
        : `Hearth does not read ${ext || 'extension-less'} files.`,
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, type, reason: decoded.reason, detail: decoded.detail };
  const text = decoded.text.replace(/\r\n?/g, '\n');
  // Read as they are, not converted: their angle brackets are content.
  const quality = checkTextQuality(text, { converted: false });
  if (!quality.ok) return { ok: false, type, reason: text.trim() ? 'garbage-text' : 'no-text', detail: quality.detail };
  return { ok: true, type, text, markdown: type === 'markdown' };
}
