/** A stretch of a document's text: a PDF page, or the whole of a single-flow document. */
export interface Section {
  text: string;
  /** 1-based page number, for formats that have pages. */
  page: number | null;
}

/** What a parser makes of a file: its text (Markdown where `markdown`), by section. */
export interface Parsed {
  sections: Section[];
  /** The text is Markdown: headings make chunk heading paths. */
  markdown: boolean;
  /** The text was read by OCR: it depends on the OCR settings. */
  ocr?: boolean;
}

import type { SkipReason } from '../../../ipc/schemas/library';

/** A file a parser recognised as one it cannot read, with why (not a bug, not worth a retry). */
export class UnreadableDocument extends Error {
  constructor(
    readonly reason: SkipReason,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableDocument';
  }
}
