import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { asarUnpacked } from '../../asar-path';

/** Whether and how much to read by OCR (the `ocr` settings). */
export interface OcrOptions {
  enabled: boolean;
  /** Most pages of a scanned PDF to read; a longer scan is skipped with that reason. */
  maxPages: number;
}

export const DEFAULT_OCR: OcrOptions = { enabled: true, maxPages: 20 };

/** Below this mean confidence (0–100) the "text" is tesseract guessing at a photo's texture. */
const MIN_CONFIDENCE = 40;

/**
 * English LSTM data from the npm package, never a CDN: Hearth makes no network call. The
 * `best_int` set is the small, fast one (2.9 MB) the LSTM engine needs.
 */
function languagePath(): string {
  const require = createRequire(import.meta.url);
  return asarUnpacked(join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'));
}

let worker: Promise<Worker> | null = null;

function ocrWorker(): Promise<Worker> {
  worker ??= createWorker('eng', OEM.LSTM_ONLY, {
    langPath: languagePath(),
    gzip: true,
    // Nothing written next to the app or into the user's folders.
    cacheMethod: 'none',
    // Without a handler tesseract.js rethrows a failed job inside its message listener, where no
    // caller can catch it; with one, the job's own promise rejects and the file is a skip reason.
    errorHandler: () => undefined,
  }).catch((error: unknown) => {
    worker = null;
    throw error;
  });
  return worker;
}

/**
 * The text tesseract reads in an image (PNG, JPEG, TIFF, BMP, WebP), and how sure it is. One
 * recognizer per thread, started on first use and kept for the rest of the run.
 */
export async function recognizeText(image: Buffer): Promise<{ text: string; confidence: number }> {
  const { data } = await (await ocrWorker()).recognize(image);
  const text = data.text.trim();
  return { text: data.confidence >= MIN_CONFIDENCE ? text : '', confidence: data.confidence };
}

/** Stops the recognizer (the end of an indexing run). */
export async function stopOcr(): Promise<void> {
  const running = worker;
  worker = null;
  if (running) await (await running.catch(() => null))?.terminate();
}
