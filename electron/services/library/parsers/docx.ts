import mammoth from 'mammoth';
import { htmlToMarkdown } from './html';
import { checkZipLimits } from './zip-limits';
import { UnreadableDocument, type Parsed } from './types';

/** Most text a document may expand to; a zip bomb stops here instead of filling memory. */
const MAX_TEXT_CHARS = 20_000_000;

/**
 * Word (.docx) through mammoth: its semantic HTML (headings, lists, tables) turned into Markdown,
 * so chunks carry the document's heading path. A file that is not a valid .docx is `parse-failed`.
 */
export async function parseDocx(bytes: Buffer): Promise<Parsed> {
  checkZipLimits(bytes);
  let html: string;
  try {
    // Pictures are left out (never read): as data URIs they would be base64 noise in the index.
    html = (
      await mammoth.convertToHtml(
        { buffer: bytes },
        { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
      )
    ).value;
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The Word file could not be read: ${(error as Error).message ?? String(error)}`,
    );
  }
  if (html.length > MAX_TEXT_CHARS * 2) {
    throw new UnreadableDocument('zip-bomb', 'The Word file expands to far more text than a document holds.');
  }
  return { sections: [{ text: htmlToMarkdown(html), page: null }], markdown: true };
}
