import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The committed test corpus: real PDFs, Word, legacy Office, OpenDocument, EPUB, RTF, e-mail and
 * Markdown pages, with their sources and licences (test/fixtures/corpus/SOURCES.md). Every test
 * that needs real files reads these, so `npm test` needs nothing outside the repository.
 */
export const CORPUS = resolve(import.meta.dirname, '../fixtures/corpus');

/**
 * A whole corpus to run the corpus-wide checks against as well, named by `HEARTH_CORPUS` (for
 * example the development machines' `../shared/corpus`, or any folder of your own documents).
 */
export const FULL_CORPUS: string | undefined = process.env['HEARTH_CORPUS']
  ? resolve(process.env['HEARTH_CORPUS'])
  : undefined;

if (FULL_CORPUS && !existsSync(FULL_CORPUS)) throw new Error(`HEARTH_CORPUS names no folder: ${FULL_CORPUS}`);

/** Why the corpus-wide checks are skipped, said once where they are declared. */
export const FULL_CORPUS_SKIPPED =
  'HEARTH_CORPUS is not set: the corpus-wide checks need a folder of real files (e.g. HEARTH_CORPUS=../shared/corpus); the committed corpus is checked either way';
