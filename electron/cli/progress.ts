import type { IndexUpdate } from '../ipc/contract';
import type { CollectionReport } from '../ipc/schemas/library';
import { formatIndexProgress, formatNumber } from '../ipc/format';
import type { TextSink } from './cli-io';
import { terminalSafe } from './terminal-text';

/** One line of indexing progress: counts that always add up to what was discovered. */
export function progressLine(report: CollectionReport): string {
  const done = report.indexed + report.skipped + report.quarantined;
  const percent = report.discovered ? Math.floor((done / report.discovered) * 100) : 0;
  const vectors = report.embedded ? ` · ${formatNumber(report.embedded)} embedded` : '';
  return `${percent}% · ${formatNumber(done)}/${formatNumber(report.discovered)} files · ${formatNumber(report.indexed)} indexed · ${formatNumber(report.skipped + report.quarantined)} skipped · ${formatNumber(report.chunks)} passages${vectors}`;
}

/**
 * A status for a person on a terminal (one line, redrawn) or for a log or a pipe (a plain line at
 * most every few seconds, and the last one at the end). `quiet` (`--json` runs) prints nothing.
 */
export function statusPrinter(stream: TextSink, mode: 'tty' | 'lines' | 'quiet') {
  let lastPrintedAt = 0;
  let printed = '';
  let latest = '';
  return {
    update(line: string) {
      latest = line;
      if (mode === 'tty') {
        // Back to the line's start and clear it, then the line cut to the terminal's width:
        // a wrapped line cannot be cleared from its second row, and each redraw would stay.
        (stream.control ?? stream.write).call(stream, '\r\x1b[2K');
        // Escaped before it is cut, so the cut sees the width the terminal will show.
        stream.write(fitToWidth(terminalSafe(latest), stream.columns));
      } else if (mode === 'lines' && Date.now() - lastPrintedAt > 2000) {
        lastPrintedAt = Date.now();
        printed = latest;
        stream.write(`${latest}\n`);
      }
    },
    /** Ends the TTY line; a log gets the final state even if it came between two lines. */
    end() {
      if (mode === 'tty' && latest) stream.write('\n');
      else if (mode === 'lines' && latest && latest !== printed) stream.write(`${latest}\n`);
      latest = printed = '';
    },
  };
}

/** `line` cut to fit `columns` (less one: writing the last column wraps on some terminals). */
export function fitToWidth(line: string, columns: number | undefined): string {
  if (!columns || columns < 2) return line;
  const characters = [...line];
  return characters.length < columns ? line : `${characters.slice(0, columns - 2).join('')}…`;
}

/** How a command shows progress on `stderr`: `quiet` with `--json`, else by whether it is a terminal. */
export function progressMode(json: boolean, stderr: TextSink): 'tty' | 'lines' | 'quiet' {
  return json ? 'quiet' : stderr.isTTY ? 'tty' : 'lines';
}

/** Indexing progress: stage, rate and time left, then the collection's counts. */
export function progressPrinter(stream: TextSink, mode: 'tty' | 'lines' | 'quiet') {
  const printer = statusPrinter(stream, mode);
  return {
    update: ({ report, progress }: IndexUpdate) =>
      printer.update(`${formatIndexProgress(progress)} · ${progressLine(report)}`),
    end: () => printer.end(),
  };
}
