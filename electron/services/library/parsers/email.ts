import { simpleParser } from 'mailparser';
import { htmlToMarkdown, parseHtmlDocument } from './html';
import { UnreadableDocument, type Parsed } from './types';

/**
 * An e-mail (`.eml`) through mailparser: who, when and the subject as a heading, then the text
 * body (or the HTML body as Markdown when there is no text part). Attachments are listed by
 * name, not opened.
 */
export async function parseEmail(bytes: Buffer): Promise<Parsed> {
  let mail;
  try {
    mail = await simpleParser(bytes, { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 2_000_000 });
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The e-mail could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
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
  let mail;
  try {
    mail = await simpleParser(bytes, { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 20_000_000 });
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The saved web page could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = typeof mail.html === 'string' ? parseHtmlDocument(mail.html) : (mail.text ?? '');
  const title = mail.subject?.trim();
  return {
    sections: [{ text: title && !text.startsWith('#') ? `# ${title}\n\n${text}` : text, page: null }],
    markdown: true,
  };
}
