import { extractText, getDocumentProxy } from 'unpdf';
import { UnreadableDocument, type Parsed } from './types';

/**
 * Text per page with pdf.js (through unpdf), so every chunk knows its page. A password-protected
 * file is `encrypted`; a file pdf.js cannot make sense of is `parse-failed`; a scan with no text
 * layer is `no-text` (OCR is a later step).
 */
export async function parsePdf(bytes: Buffer): Promise<Parsed> {
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: false, verbosity: 0 });
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.cleanup();
    }
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new UnreadableDocument('encrypted', 'The PDF is protected by a password.');
    throw new UnreadableDocument(
      'parse-failed',
      `The PDF could not be read: ${(error as Error).message ?? String(error)}`,
    );
  }
  const sections = pages.map((text, index) => ({ text: text.trim(), page: index + 1 })).filter((s) => s.text);
  if (!sections.length) {
    throw new UnreadableDocument('no-text', `No text layer in ${pages.length} page(s): a scan or images only.`);
  }
  return { sections, markdown: false };
}
