import { parseEmail } from './email';
import { UnreadableDocument, type Parsed } from './types';

/**
 * A mailbox (`.mbox`, the mboxo/mboxrd files Thunderbird, Apple Mail and Google Takeout export):
 * split at each `From ` line that follows a blank line (or starts the file), each message read as
 * an e-mail and kept a section of its own, so no passage runs from one message into the next.
 * `>From ` quoting (mboxrd) is undone.
 */
export async function parseMbox(bytes: Buffer): Promise<Parsed> {
  const text = bytes.toString('latin1');
  if (!text.startsWith('From '))
    throw new UnreadableDocument('parse-failed', 'The file does not begin as a mailbox does ("From ").');
  const starts = [0];
  for (const match of text.matchAll(/\r?\n\r?\n(?=From \S)/g)) starts.push(match.index + match[0].length);
  const sections = [];
  for (let i = 0; i < starts.length; i++) {
    const raw = text.slice(starts[i], starts[i + 1] ?? text.length);
    const message = raw.slice(raw.indexOf('\n') + 1).replace(/^>(>*From )/gm, '$1');
    // Latin-1 round-trips every byte: each message's own charsets are decoded by the mail parser.
    const parsed = await parseEmail(Buffer.from(message, 'latin1')).catch(() => null);
    const body = parsed?.sections[0]?.text.trim();
    if (body) sections.push({ text: body, page: null });
  }
  return { sections, markdown: true };
}
