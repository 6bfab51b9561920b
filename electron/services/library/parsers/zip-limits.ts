import { UnreadableDocument } from './types';
import { listZipEntries } from './zip-entries';

/** Limits on what a zip-based document (DOCX, XLSX, PPTX, ODF, EPUB) may say it expands to. */
export interface ZipLimits {
  /** All entries together, uncompressed. Defaults to 512 MB. */
  maxTotalBytes?: number;
  /** Expansion of one entry larger than `ratioFloorBytes`. Defaults to 200×: text XML deflates ~10–30×. */
  maxRatio?: number;
  /** Entries smaller than this are never refused for their ratio. Defaults to 16 MB. */
  ratioFloorBytes?: number;
}

/**
 * Refuses a zip bomb before a parser inflates it: reads the central directory (a few bytes per
 * entry, nothing is decompressed) and checks what the entries declare. A file whose declared sizes
 * lie is stopped later by the worker's memory limit; this catches the common kind cheaply and with
 * a clear reason. A file that is not a zip at all is left to its parser to refuse.
 */
export function checkZipLimits(bytes: Buffer, limits: ZipLimits = {}): void {
  const maxTotal = limits.maxTotalBytes ?? 512 * 1024 * 1024;
  const maxRatio = limits.maxRatio ?? 200;
  const floor = limits.ratioFloorBytes ?? 16 * 1024 * 1024;
  let total = 0;
  for (const { compressedSize: compressed, size } of listZipEntries(bytes)) {
    total += size;
    if (size > floor && size > Math.max(1, compressed) * maxRatio) {
      throw new UnreadableDocument(
        'zip-bomb',
        `A part of the file expands ${Math.round(size / Math.max(1, compressed))}× to ${formatMb(size)}: a decompression bomb, not a document.`,
      );
    }
  }
  if (total > maxTotal) {
    throw new UnreadableDocument(
      'zip-bomb',
      `The file expands to ${formatMb(total)}, more than ${formatMb(maxTotal)}.`,
    );
  }
}

const formatMb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
