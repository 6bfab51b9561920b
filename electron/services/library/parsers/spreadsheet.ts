import { read, utils } from '@e965/xlsx';
import { UnreadableDocument, type Parsed } from './types';

/** Most cells read from one workbook: a sheet of a million formulas is data, not a document. */
const MAX_CELLS = 2_000_000;

/**
 * Legacy Excel (`.xls`, BIFF) through SheetJS (its maintained republish `@e965/xlsx`; the npm
 * `xlsx` package is frozen with known CVEs). Each sheet is a section headed by its name, one line
 * per row with cells separated by " | ", so a row stays together in a chunk. A
 * password-protected workbook is `encrypted`.
 */
export function parseSpreadsheet(bytes: Buffer): Parsed {
  let sheets: Array<{ name: string; rows: string[][] }>;
  try {
    const book = read(bytes, { type: 'buffer', cellFormula: false, cellHTML: false, sheetRows: 0, dense: true });
    let cells = 0;
    sheets = book.SheetNames.map((name) => {
      const rows = utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, blankrows: false, raw: false });
      cells += rows.reduce((sum, row) => sum + row.length, 0);
      if (cells > MAX_CELLS) throw new UnreadableDocument('zip-bomb', `The workbook has over ${MAX_CELLS} cells.`);
      return { name, rows: rows.map((row) => row.map((cell) => String(cell ?? '').trim())) };
    });
  } catch (error) {
    if (error instanceof UnreadableDocument) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message))
      throw new UnreadableDocument('encrypted', 'The workbook is protected by a password.');
    throw new UnreadableDocument('parse-failed', `The workbook could not be read: ${message}`);
  }
  const sections = sheets
    .map(({ name, rows }) => ({
      text: `# ${name}\n\n${rows
        .filter((row) => row.some(Boolean))
        .map((row) => row.join(' | '))
        .join('\n')}`,
      page: null,
    }))
    .filter((section) => section.text.includes('\n\n') && section.text.split('\n\n')[1]!.trim());
  return { sections, markdown: true };
}
