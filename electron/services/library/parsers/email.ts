import { simpleParser, type ParsedMail } from 'mailparser';
import { htmlToMarkdown, parseHtmlDocument } from './html';
import { UnreadableDocument, type Parsed } from './types';

/**
 * An e-mail (`.eml`) through mailparser: who, when and the subject as a heading, then the text
 * body (or the HTML body as Markdown when there is no text part). Attachments are listed by
 * name, not opened.
 */
export async function parseEmail(bytes: Buffer): Promise<Parsed> {
  const mail = await readMime(bytes, 'e-mail', 2_000_000);
  const body = mail.text?.trim() || (typeof mail.html === 'string' ? htmlToMarkdown(mail.html) : '');
  const header = [
    `# ${mail.subject?.trim() || '(no subject)'}`,
    mail.from?.text ? `From: ${mail.from.text}` : '',
    mail.date ? `Date: ${mail.date.toISOString()}` : '',
    mail.attachments.length
      ? `Attachments: ${mail.attachments.map((a) => a.filename ?? a.contentType).join(', ')}`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { sections: [{ text: `${header}\n\n${body}`.trim(), page: null }], markdown: true };
}

/**
 * A web page saved as one file (`.mht`/`.mhtml`, a MIME multipart/related message): its HTML part
 * read as a web page is (the main text, as Markdown); pictures and styles are parts left unread.
 */
export async function parseMhtml(bytes: Buffer): Promise<Parsed> {
  const mail = await readMime(bytes, 'saved web page', 20_000_000);
  const text = typeof mail.html === 'string' ? parseHtmlDocument(mail.html) : (mail.text ?? '');
  const title = mail.subject?.trim();
  return {
    sections: [{ text: title && !text.startsWith('#') ? `# ${title}\n\n${text}` : text, page: null }],
    markdown: true,
  };
}

/** A MIME message through mailparser; one it cannot read is `parse-failed`, saying what it was. */
async function readMime(bytes: Buffer, what: string, maxHtmlLength: number): Promise<ParsedMail> {
  try {
    return await simpleParser(bytes, {
      skipImageLinks: true,
      skipTextToHtml: true,
      maxHtmlLengthToParse: maxHtmlLength,
    });
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The ${what} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
