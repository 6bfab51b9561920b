/**
 * ANSI/VT escape sequences: colours and cursor moves in logs saved from a terminal, window-title
 * and hyperlink sequences. They are how the text was shown, not what it says; left in, they read
 * as unreadable characters and a coloured build log is refused as garbage.
 */
const SEQUENCES = new RegExp(
  [
    // OSC (title, hyperlink, clipboard): ESC ] … ended by BEL or ST (ESC \), or the C1 forms.
    '(?:\\u001b\\]|\\u009d)[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)',
    // CSI (colours, cursor, erase): ESC [ or the C1 CSI, parameters, intermediates, a final byte.
    '(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]',
    // Other two- and three-byte escapes (character sets, keypad modes, resets).
    '\\u001b[ -/]*[0-~]',
  ].join('|'),
  'g',
);

/** `text` without its terminal escape sequences. Lines stay where they were. */
export function stripTerminalEscapes(text: string): string {
  return text.includes('\u001b') || /[\u009b\u009d]/.test(text) ? text.replace(SEQUENCES, '') : text;
}
