import type { DocumentType } from './identify';
import { identifyDocument } from './identify';
import { DEFAULT_OCR, type OcrOptions } from './parsers/ocr';
import { UnreadableDocument, type Section } from './parsers/types';
import { READERS, readerStamp } from './readers';
import { blankEncodedRuns } from './text/encoded-runs';
import { repairDoubleEncoding, repairWrongCodePage } from './text/repair';
import { checkTextQuality } from './text/quality';
import type { SkipReason } from '../../ipc/schemas/library';

export type { DocumentType } from './identify';
export { typeByName } from './identify';

/** What a parser may need besides the bytes. */
export interface ExtractOptions {
  /** Scanned PDFs and pictures. Defaults to on, up to 20 pages. */
  ocr?: OcrOptions;
}

/** What reading a file came to; `reader` names the reader and version that judged it. */
export type Extracted =
  | { ok: true; type: DocumentType; reader: string; sections: Section[]; markdown: boolean }
  | { ok: false; type: DocumentType; reader: string; reason: SkipReason; detail: string };

/** The OCR settings a type's outcome depends on, for the types OCR reads (scans, pictures). */
function ocrOf(type: DocumentType, ocr: OcrOptions): OcrOptions | undefined {
  return type === 'pdf' || type === 'image' || type === 'iwork' ? ocr : undefined;
}

/**
 * The text of a file, or why there is none worth indexing. What the file is comes from its bytes
 * first and its name second (`identifyDocument`); its reader turns it into sections. A file a
 * reader cannot read is a skip reason (encrypted, broken, no text, a format Hearth does not
 * read), and so is any text that turns out to be binary, garbage, mojibake or leftover markup.
 * Base64 and quoted-printable runs are blanked before the check, so they are never indexed. Anything
 * else a reader throws is a failure the caller counts.
 */
export async function extractDocument(path: string, bytes: Buffer, options: ExtractOptions = {}): Promise<Extracted> {
  const type = identifyDocument(path, bytes);
  const reader = READERS[type];
  const ocr = options.ocr ?? DEFAULT_OCR;
  let parsed;
  try {
    parsed = await reader.read(bytes, { path, ocr });
  } catch (error) {
    if (error instanceof UnreadableDocument) {
      const stamp = readerStamp(
        type,
        error.reason === 'no-text' || error.reason === 'ocr-limit' ? ocrOf(type, ocr) : undefined,
      );
      return { ok: false, type, reader: stamp, reason: error.reason, detail: error.message };
    }
    throw error;
  }
  const stamp = readerStamp(type, parsed.ocr ? ocr : undefined);
  const sections = parsed.sections
    .map((section) => ({
      ...section,
      text: blankEncodedRuns(repairWrongCodePage(repairDoubleEncoding(section.text))).text,
    }))
    .filter((section) => section.text.trim());
  const all = sections.map((section) => section.text).join('\n\n');
  const quality = checkTextQuality(all, { converted: reader.converted });
  if (!quality.ok) return { ok: false, type, reader: stamp, reason: quality.reason, detail: quality.detail };
  return { ok: true, type, reader: stamp, sections, markdown: parsed.markdown };
}
