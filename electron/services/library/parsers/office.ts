import { OfficeParser } from 'officeparser';
import { htmlToMarkdown } from './html';
import { checkZipLimits } from './zip-limits';
import { UnreadableDocument, type Parsed } from './types';

/** Formats officeparser reads for Hearth (the type hint it is given). */
export type OfficeType = 'odt' | 'ods' | 'odp' | 'epub' | 'pptx' | 'xlsx';

/**
 * OpenDocument, EPUB, PowerPoint and Excel through officeparser. Its HTML (headings, lists,
 * tables) becomes Markdown the same way Word's does: its own Markdown keeps complex tables and
 * anchors as raw HTML, which is markup in the index. Its limits stop zip bombs (entries,
 * uncompressed bytes, XML elements, table cells); OCR stays off here. A file it cannot read is
 * `parse-failed`; a password-protected one is `encrypted`.
 */
export async function parseOffice(bytes: Buffer, type: OfficeType, signal?: AbortSignal): Promise<Parsed> {
  checkZipLimits(bytes);
  let html: string;
  try {
    const ast = await OfficeParser.parseOffice(bytes, {
      fileType: type,
      ocr: false,
      extractAttachments: false,
      ignoreNotes: false,
      abortSignal: signal,
      onPassword: () => undefined,
    });
    const converted = (await ast.to('html')) as unknown;
    html = typeof converted === 'string' ? converted : String((converted as { value?: unknown }).value ?? '');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message))
      throw new UnreadableDocument('encrypted', 'The file is protected by a password.');
    throw new UnreadableDocument('parse-failed', `The ${type.toUpperCase()} file could not be read: ${message}`);
  }
  return { sections: [{ text: htmlToMarkdown(html), page: null }], markdown: true };
}
