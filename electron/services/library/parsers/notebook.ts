import { UnreadableDocument, type Parsed } from './types';

interface Cell {
  cell_type?: string;
  source?: string | string[];
  outputs?: Array<{ output_type?: string; text?: string | string[]; data?: Record<string, unknown> }>;
}

const joined = (value: unknown): string =>
  Array.isArray(value) ? value.map(String).join('') : typeof value === 'string' ? value : '';

/** Outputs longer than this are data dumps, not prose: the first part is kept. */
const MAX_OUTPUT_CHARS = 2000;

/**
 * A Jupyter notebook (`.ipynb`) as Markdown: markdown cells as they are, code cells fenced in the
 * notebook's language, and their text outputs (printed streams, plain-text results) as short
 * fenced blocks. Pictures, HTML and widget outputs (base64 and markup) are left out.
 */
export function parseNotebook(text: string): Parsed {
  let notebook: { cells?: Cell[]; worksheets?: Array<{ cells?: Cell[] }>; metadata?: Record<string, unknown> };
  try {
    notebook = JSON.parse(text) as typeof notebook;
  } catch (error) {
    throw new UnreadableDocument('parse-failed', `The notebook is not valid JSON: ${(error as Error).message}`);
  }
  const cells = notebook.cells ?? notebook.worksheets?.flatMap((sheet) => sheet.cells ?? []);
  if (!Array.isArray(cells))
    throw new UnreadableDocument('parse-failed', 'The file is JSON, but holds no notebook cells.');
  const kernel = notebook.metadata?.['kernelspec'] as { language?: string } | undefined;
  const languageInfo = notebook.metadata?.['language_info'] as { name?: string } | undefined;
  const language = (kernel?.language ?? languageInfo?.name ?? '').replace(/[^\w+-]/g, '');
  const parts: string[] = [];
  for (const cell of cells) {
    const source = joined(cell.source).trim();
    if (cell.cell_type === 'markdown' || cell.cell_type === 'raw') {
      if (source) parts.push(source);
      continue;
    }
    if (source) parts.push(`\`\`\`${language}\n${source}\n\`\`\``);
    for (const output of cell.outputs ?? []) {
      const shown = (
        output.output_type === 'stream' ? joined(output.text) : joined(output.data?.['text/plain'])
      ).trim();
      if (shown) parts.push(`\`\`\`\n${shown.slice(0, MAX_OUTPUT_CHARS)}\n\`\`\``);
    }
  }
  return { sections: [{ text: parts.join('\n\n'), page: null }], markdown: true };
}
