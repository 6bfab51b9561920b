/**
 * `npm run bench -- ocr`
 *
 * What tesseract's word confidences look like on pictures with text and without, to set the
 * thresholds OCR text must clear before it is indexed (`parsers/ocr.ts`). Pictures are generated:
 * text rendered at several sizes, a photographed page of a real paper, and pictures with no text
 * (a sky, noise, foliage-like strokes, a tiled floor, stray letters, a scribble, a face-like drawing). For each: the page
 * confidence tesseract reports, its words, how many clear the word threshold, and what would be
 * indexed. Prints numbers; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recognizeWords, stopOcr, acceptedText, OCR_THRESHOLDS } from '../../electron/services/library/parsers/ocr';
import { CORPUS } from '../helpers/corpus';
import { gradientPng, scannedPage } from '../helpers/scanned-pdf';
import { noisePictures, textPicture } from '../helpers/pictures';

const pictures: Array<{ name: string; text: boolean; image: Buffer }> = [
  { name: 'text 28 px', text: true, image: await textPicture(28) },
  { name: 'text 16 px', text: true, image: await textPicture(16) },
  { name: 'text 11 px', text: true, image: await textPicture(11) },
  {
    name: 'photographed page',
    text: true,
    image: (await scannedPage(readFileSync(join(CORPUS, 'pdf', 'tracemonkey.pdf')), 1)).jpeg,
  },
  { name: 'sky', text: false, image: await gradientPng() },
  ...(await noisePictures()).map(({ name, image }) => ({ name, text: false, image })),
];

console.log(`thresholds: word confidence ≥ ${OCR_THRESHOLDS.wordConfidence}, ≥ ${OCR_THRESHOLDS.minWords} such words`);
console.log('picture               has text  page conf  words  confident  indexed chars');
for (const picture of pictures) {
  const result = await recognizeWords(picture.image);
  const confident = result.words.filter((word) => word.confidence >= OCR_THRESHOLDS.wordConfidence);
  const indexed = acceptedText(result);
  console.log(
    `${picture.name.padEnd(22)}${String(picture.text).padEnd(10)}${result.confidence.toFixed(0).padStart(9)}${String(result.words.length).padStart(7)}${String(confident.length).padStart(11)}${String(indexed.length).padStart(15)}`,
  );
  if (!picture.text && result.words.length) {
    console.log(
      `  words: ${result.words
        .map((word) => `${word.text}(${word.confidence.toFixed(0)})`)
        .join(' ')
        .slice(0, 200)}`,
    );
  }
}
await stopOcr();
