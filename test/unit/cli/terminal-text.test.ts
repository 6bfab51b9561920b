import { describe, expect, it } from 'vitest';
import { fitToWidth, statusPrinter } from '../../../electron/cli/progress';
import { safeSink, terminalSafe } from '../../../electron/cli/terminal-text';

describe('text printed to a terminal', () => {
  it('shows controls and bidi marks as escapes, and keeps tabs, newlines and every other character', () => {
    expect(terminalSafe('\u001b]0;owned\u0007\u001b[2Jreport.md')).toBe('\\u001b]0;owned\\u0007\\u001b[2Jreport.md');
    expect(terminalSafe('invoice\u202etxt.sh')).toBe('invoice\\u202etxt.sh');
    expect(terminalSafe('a\u009b31mb\u0085c\u007f')).toBe('a\\u009b31mb\\u0085c\\u007f');
    expect(terminalSafe('\u2066x\u2069 \u200f\u061c')).toBe('\\u2066x\\u2069 \\u200f\\u061c');
    expect(terminalSafe('line\r\nnext\rover')).toBe('line\nnext\\u000dover');
    expect(terminalSafe('col\tcol\n日本語 עברית café 🙂')).toBe('col\tcol\n日本語 עברית café 🙂');
  });

  it('keeps JSON valid and equal: an escape in a JSON string is the character it replaced', () => {
    const value = { name: 'invoice\u202etxt.sh', text: 'x\u0085y' };
    const printed = terminalSafe(JSON.stringify(value));
    expect(printed).not.toMatch(/[\u202e\u0085]/);
    expect(JSON.parse(printed)).toEqual(value);
  });

  it('lets the progress line redraw itself, cut to the terminal width, while its text is escaped', () => {
    const written: string[] = [];
    const sink = safeSink({ write: (text: string) => written.push(text), isTTY: true, columns: 80 });
    const printer = statusPrinter(sink, 'tty');
    printer.update(`Reading \u001b[2J${'very-long-folder-name/'.repeat(10)}file.md`);
    printer.update('short');
    printer.end();
    const redraws = written.filter((text) => text === '\r\u001b[2K');
    expect(redraws).toHaveLength(2);
    const lines = written.filter((text) => text !== '\r\u001b[2K' && text !== '\n');
    expect(lines[0]).toMatch(/^Reading \\u001b\[2Jvery-long/);
    expect(lines.every((line) => [...line].length < 80)).toBe(true);
    expect(lines[0]!.endsWith('…')).toBe(true);
    expect(lines[1]).toBe('short');
  });

  it('cuts by characters, not UTF-16 units, and leaves short lines and unknown widths alone', () => {
    expect(fitToWidth('🙂'.repeat(100), 10)).toBe(`${'🙂'.repeat(8)}…`);
    expect(fitToWidth('short', 80)).toBe('short');
    expect(fitToWidth('x'.repeat(500), undefined)).toBe('x'.repeat(500));
  });
});
