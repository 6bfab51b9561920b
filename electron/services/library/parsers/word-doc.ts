import WordExtractor from 'word-extractor';
import { UnreadableDocument, type Parsed } from './types';

/**
 * Word 97–2003 `.doc` through word-extractor (OLE compound files, fast-saved documents included):
 * the body, then footnotes and endnotes. The format carries no reliable heading markup, so the
 * text is chunked by paragraphs.
 */
export async function parseWordDoc(bytes: Buffer): Promise<Parsed> {
  let document: WordExtractor.Document;
  try {
    document = await new WordExtractor().extract(bytes);
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The Word 97–2003 file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = [document.getBody(), document.getFootnotes(), document.getEndnotes()]
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n');
  return { sections: [{ text, page: null }], markdown: false };
}
