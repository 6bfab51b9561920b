import { CFB, utils, write } from '@e965/xlsx';

/** A legacy Excel workbook (BIFF8 `.xls`) with one sheet of `rows`, written by SheetJS. */
export function xlsWorkbook(sheet: string, rows: unknown[][]): Buffer {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(rows), sheet);
  return write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer;
}

/**
 * An Outlook message (`.msg`): the compound file Outlook saves, with the subject, sender and body
 * as the Unicode property streams it writes (`__substg1.0_<tag>001F`).
 */
export function outlookMessage(message: { subject: string; from: string; body: string }): Buffer {
  const file = CFB.utils.cfb_new();
  const property = (tag: string, text: string) =>
    CFB.utils.cfb_add(file, `/__substg1.0_${tag}001F`, Buffer.from(text, 'utf16le'));
  property('0037', message.subject);
  property('0C1A', message.from);
  property('1000', message.body);
  CFB.utils.cfb_add(file, '/__properties_version1.0', Buffer.alloc(32));
  return Buffer.from(CFB.write(file, { type: 'buffer' }) as Uint8Array);
}
