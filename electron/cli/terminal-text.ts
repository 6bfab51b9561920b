import type { CliIo, TextSink } from './cli-io';

/**
 * Characters a terminal acts on instead of showing: C0 controls but tab and newline (ESC starts
 * sequences that set the title, clear the screen or rewrite the clipboard), DEL, C1 controls (some
 * terminals take U+009B as ESC [), and the bidirectional controls that make `invoice\u202etxt.sh`
 * read "invoicehs.txt". File names, file text and model answers all reach the terminal.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe to print: each unsafe character becomes its `\uXXXX` escape, visible, and inside
 * a JSON string the same character it was. Windows line ends stay line ends.
 */
export function terminalSafe(text: string): string {
  return text
    .replaceAll('\r\n', '\n')
    .replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A sink whose every write is made safe. The CLI's own control sequences (the progress line's
 * redraw) go through `control`, the only way to reach the terminal unescaped.
 */
export function safeSink(sink: TextSink): TextSink {
  return {
    write: (text: string) => sink.write(terminalSafe(text)),
    control: (sequence: string) => sink.write(sequence),
    get isTTY() {
      return sink.isTTY;
    },
    get columns() {
      return sink.columns;
    },
  };
}

/** `io` with both output streams made safe (`safeSink`). */
export function safeIo(io: CliIo): CliIo {
  return { ...io, stdout: safeSink(io.stdout), stderr: safeSink(io.stderr) };
}
