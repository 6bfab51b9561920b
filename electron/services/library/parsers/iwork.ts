import type { OcrOptions } from './ocr';
import { parsePdf } from './pdf';
import { UnreadableDocument, type Parsed } from './types';
import { findZipEntry, listZipEntries, readZipEntry } from './zip-entries';
import { checkZipLimits } from './zip-limits';

/**
 * Apple Pages, Keynote and Numbers files. Their own format (snappy-compressed protobuf in
 * `Index/Document.iwa`) has no published description; the PDF preview the apps save inside the
 * file (when "Include preview in document" is on) is the document as printed, and is read as a PDF,
 * page by page. A file without one gets a reason that says how to make it readable.
 */
export async function parseIwork(bytes: Buffer, ocr: OcrOptions): Promise<Parsed> {
  checkZipLimits(bytes);
  const entries = listZipEntries(bytes);
  const preview = findZipEntry(entries, 'QuickLook/Preview.pdf') ?? findZipEntry(entries, 'preview.pdf');
  const pdf = preview && readZipEntry(bytes, preview);
  if (!pdf) {
    throw new UnreadableDocument(
      'unsupported-type',
      'A Pages, Keynote or Numbers file saved without a PDF preview: export it as PDF or Word (File › Export To) into this folder to index it.',
    );
  }
  return parsePdf(pdf, ocr);
}
