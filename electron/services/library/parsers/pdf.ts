import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { extractText, getDocumentProxy, renderPageAsImage } from 'unpdf';
import { asarUnpacked } from '../../asar-path';
import { DEFAULT_OCR, recognizeText, type OcrOptions } from './ocr';
import { UnreadableDocument, type Parsed } from './types';

/** Pages are rendered at 2.5× (180 DPI): small print stays legible to OCR, memory stays modest. */
const OCR_SCALE = 2.5;

/**
 * Where pdf.js finds the character maps of CJK and CID-keyed fonts and the glyph data of the 14
 * standard fonts: the files pdfjs-dist ships, read from disk (unpacked from the asar in the app).
 * Without them Japanese, Chinese and Korean text comes out empty; pdf.js never fetches them
 * over the network here.
 */
function pdfAssets(): { cMapUrl: string; cMapPacked: true; standardFontDataUrl: string } {
  const root = asarUnpacked(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')));
  // pdf.js appends the file name to these: they must end with a separator.
  return {
    cMapUrl: join(root, 'cmaps') + sep,
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + sep,
  };
}

/**
 * Text per page with pdf.js (through unpdf), so every chunk knows its page. A password-protected
 * file is `encrypted`; a file pdf.js cannot make sense of is `parse-failed`. A scan with no text
 * layer is read by OCR, page by page (rendered, then recognized), up to `ocr.maxPages`; a longer
 * scan is `ocr-limit`, and one OCR finds nothing in (or OCR switched off) is `no-text`.
 */
export async function parsePdf(bytes: Buffer, ocr: OcrOptions = DEFAULT_OCR): Promise<Parsed> {
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: false, verbosity: 0, ...pdfAssets() });
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
  if (sections.length) return { sections, markdown: false };

  if (!ocr.enabled) {
    throw new UnreadableDocument('no-text', `No text layer in ${pages.length} page(s), and OCR is off in Settings.`);
  }
  if (pages.length > ocr.maxPages) {
    throw new UnreadableDocument(
      'ocr-limit',
      `A scan of ${pages.length} pages with no text layer: OCR reads up to ${ocr.maxPages} (Settings).`,
    );
  }
  const read = [];
  for (let page = 1; page <= pages.length; page++) {
    const image = await renderPageAsImage(new Uint8Array(bytes), page, {
      canvasImport: () => import('@napi-rs/canvas'),
      scale: OCR_SCALE,
    });
    const { text } = await recognizeText(Buffer.from(image));
    if (text) read.push({ text, page });
  }
  if (!read.length) {
    throw new UnreadableDocument('no-text', `No text layer in ${pages.length} page(s), and OCR found no text.`);
  }
  return { sections: read, markdown: false, ocr: true };
}
