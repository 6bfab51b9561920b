import { recognizeText, type OcrOptions } from './ocr';
import { UnreadableDocument, type Parsed } from './types';

/** Pictures larger than this are not read by OCR: a camera photo of a page is far smaller. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * A picture (a photographed or scanned page, a screenshot) read by OCR. A picture with no
 * readable text (a holiday photo) is `no-text`; so is every picture while OCR is off.
 */
export async function parseImage(bytes: Buffer, ocr: OcrOptions): Promise<Parsed> {
  if (!ocr.enabled) throw new UnreadableDocument('no-text', 'A picture, and OCR is off in Settings.');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new UnreadableDocument(
      'ocr-limit',
      `The picture is over ${MAX_IMAGE_BYTES / 1024 / 1024} MB: too large for OCR.`,
    );
  }
  let text: string;
  try {
    ({ text } = await recognizeText(bytes));
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The picture could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!text) throw new UnreadableDocument('no-text', 'OCR found no readable text in the picture.');
  return { sections: [{ text, page: null }], markdown: false, ocr: true };
}
