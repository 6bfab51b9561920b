import msgreader from '@kenjiuno/msgreader';
import { htmlToMarkdown } from './html';
import { UnreadableDocument, type Parsed } from './types';

// A CommonJS module whose only export is `default`: imported from ESM, the class is one level down.
const MsgReader = (msgreader as unknown as { default?: typeof msgreader }).default ?? msgreader;

/**
 * An Outlook message (`.msg`) through @kenjiuno/msgreader, laid out like an `.eml`: the subject as
 * a heading, who and when, attachments by name (not opened), then the text body (or the HTML body
 * as Markdown when there is no text).
 */
export function parseOutlookMessage(bytes: Buffer): Parsed {
  let mail;
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    mail = new MsgReader(view).getFileData();
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The Outlook message could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (mail.error) throw new UnreadableDocument('parse-failed', `The Outlook message could not be read: ${mail.error}`);
  const body = mail.body?.trim() || (mail.bodyHtml ? htmlToMarkdown(mail.bodyHtml) : '');
  const from = [mail.senderName, mail.senderEmail && `<${mail.senderEmail}>`].filter(Boolean).join(' ');
  const to = (mail.recipients ?? []).map((r) => r.name || r.email).filter(Boolean);
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
