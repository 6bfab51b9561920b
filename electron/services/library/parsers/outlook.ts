import msgreader from '@kenjiuno/msgreader';
import iconv from 'iconv-lite';
import { windowsCodePage } from '../text/code-pages';
import { htmlToMarkdown } from './html';
import { UnreadableDocument, type Parsed } from './types';

// A CommonJS module whose only export is `default`: imported from ESM, the class is one level down.
const MsgReader = (msgreader as unknown as { default?: typeof msgreader }).default ?? msgreader;

type MessageData = ReturnType<InstanceType<typeof MsgReader>['getFileData']>;

/**
 * An Outlook message (`.msg`) through @kenjiuno/msgreader, laid out like an `.eml`: the subject as
 * a heading, who and when, attachments by name (not opened), then the text body (or the HTML body
 * as Markdown when there is no text). Messages saved in a legacy code page (a Big5 or
 * windows-1251 message from an older Outlook) are decoded in the code page they name
 * (`PidTagInternetCodepage`, `PidTagMessageCodepage`). Exchange's internal X.500 addresses
 * (`/o=ExchangeLabs/ou=…`) are no one's address: the SMTP address or the name is shown instead.
 */
export function parseOutlookMessage(bytes: Buffer): Parsed {
  let mail = readMessage(bytes);
  const page = mail.internetCodepage ?? mail.messageCodepage;
  const encoding = page ? windowsCodePage(page) : null;
  if (encoding && !/^utf-/.test(encoding)) mail = readMessage(bytes, encoding);
  const html = mail.bodyHtml ?? (mail.html ? iconv.decode(Buffer.from(mail.html), encoding ?? 'utf-8') : '');
  const body = mail.body?.trim() || (html ? htmlToMarkdown(html) : '');
  const from = person(mail.senderName, mail.senderSmtpAddress ?? mail.senderEmail);
  const to = (mail.recipients ?? []).map((r) => person(r.name, r.smtpAddress ?? r.email)).filter(Boolean);
  const attachments = (mail.attachments ?? []).map((a) => a.fileName || a.name).filter(Boolean);
  const header = [
    `# ${mail.subject?.trim() || '(no subject)'}`,
    from && `From: ${from}`,
    to.length ? `To: ${to.join(', ')}` : '',
    (mail.clientSubmitTime ?? mail.messageDeliveryTime) && `Date: ${mail.clientSubmitTime ?? mail.messageDeliveryTime}`,
    attachments.length ? `Attachments: ${attachments.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { sections: [{ text: `${header}\n\n${body}`.trim(), page: null }], markdown: true };
}

function readMessage(bytes: Buffer, ansiEncoding?: string): MessageData {
  let mail: MessageData;
  try {
    const reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (ansiEncoding) reader.parserConfig = { ansiEncoding };
    mail = reader.getFileData();
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The Outlook message could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (mail.error) throw new UnreadableDocument('parse-failed', `The Outlook message could not be read: ${mail.error}`);
  return mail;
}

/** "Name <address>", without Exchange's internal X.500 addresses. */
function person(name: string | undefined, address: string | undefined): string {
  const usable = address && !address.startsWith('/') && address.includes('@') ? address : '';
  if (name && usable && name !== usable) return `${name} <${usable}>`;
  return name || usable;
}
