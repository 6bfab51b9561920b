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

/**
 * What OCR text must clear to be indexed. tesseract reads letters into any texture (a photo of
 * leaves gave "yA Ga RN"); its confidence per word tells real words from those guesses. Measured
 * with `npm run bench -- ocr` on generated pictures with and without text: words in real text
 * (11–28 px, a photographed page) mostly score over 70 (page confidence 77–95); the words guessed
 * in pictures without text (noise, foliage) all scored under 60 (page confidence 0–25).
 */
export const OCR_THRESHOLDS = {
  /** A word counts towards "this picture holds text" at this confidence (0–100) or above. */
  wordConfidence: 70,
  /** A picture holds text when this many counted words of two or more letters are found. */
  minWords: 3,
  /** In a picture that holds text, words are kept from this confidence (small print scores lower). */
  keepConfidence: 50,
};

export interface RecognizedWord {
  text: string;
  confidence: number;
  /** Index of the line the word is on, for putting lines back together. */
  line: number;
}

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
 * Every word tesseract reads in an image (PNG, JPEG, TIFF, BMP, WebP), with its confidence, and
 * the page's. One recognizer per thread, started on first use and kept for the rest of the run.
 */
export async function recognizeWords(image: Buffer): Promise<{ words: RecognizedWord[]; confidence: number }> {
  const { data } = await (await ocrWorker()).recognize(image, {}, { text: true, blocks: true });
  const words: RecognizedWord[] = [];
  let line = 0;
  for (const block of data.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const row of paragraph.lines) {
        for (const word of row.words) words.push({ text: word.text, confidence: word.confidence, line });
        line++;
      }
  return { words, confidence: data.confidence };
}

/**
 * The text to index from what OCR read: its words above `keepConfidence`, line by line, or '' when
 * fewer than `minWords` real words (two or more letters) reach `wordConfidence`: then the picture
 * holds no text, whatever tesseract made of it.
 */
export function acceptedText(result: { words: readonly RecognizedWord[] }): string {
  const confident = result.words.filter((word) => word.confidence >= OCR_THRESHOLDS.wordConfidence);
  const real = confident.filter((word) => (word.text.match(/\p{L}/gu)?.length ?? 0) >= 2);
  if (real.length < OCR_THRESHOLDS.minWords) return '';
  const lines = new Map<number, string[]>();
  for (const word of result.words) {
    if (word.confidence >= OCR_THRESHOLDS.keepConfidence)
      lines.set(word.line, [...(lines.get(word.line) ?? []), word.text]);
  }
  return [...lines.values()]
    .map((words) => words.join(' '))
    .join('\n')
    .trim();
}

/** The text worth indexing in an image (see `acceptedText`), and tesseract's page confidence. */
export async function recognizeText(image: Buffer): Promise<{ text: string; confidence: number }> {
  const result = await recognizeWords(image);
  return { text: acceptedText(result), confidence: result.confidence };
}

/** Stops the recognizer (the end of an indexing run). */
export async function stopOcr(): Promise<void> {
  const running = worker;
  worker = null;
  if (running) await (await running.catch(() => null))?.terminate();
}
