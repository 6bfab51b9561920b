/** Somewhere a command writes text: a process's stdout or stderr, or a test's buffer. */
export interface TextSink {
  write(text: string): unknown;
  /** Writes a terminal control sequence as it is (see terminal-text.ts); `write` escapes them. */
  control?(sequence: string): unknown;
  /** A terminal gets a status line redrawn in place; a pipe or a log gets plain lines. */
  readonly isTTY?: boolean;
  /** A terminal's width, when known: a redrawn line longer than this would wrap and leave its tail behind. */
  readonly columns?: number;
}

/**
 * What a `hearth` command reads and writes besides its arguments. The process's own by default
 * (`processIo`); a test passes its own to run a command in-process and read what it printed.
 */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  env: NodeJS.ProcessEnv;
  /**
   * Calls `listener` once on Ctrl-C (SIGINT) or, with `terminate`, on SIGTERM too; returns a
   * function that stops listening.
   */
  onInterrupt(listener: () => void, options?: { terminate?: boolean }): () => void;
}

/**
 * How long a command may take to wind down after Ctrl-C or SIGTERM (keeping what it wrote) before
 * the process ends anyway: a signal always ends the CLI.
 */
export const WIND_DOWN_MS = 2000;

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onInterrupt(listener, { terminate = false } = {}) {
    const signals: NodeJS.Signals[] = terminate ? ['SIGINT', 'SIGTERM'] : ['SIGINT'];
    const once = (signal: NodeJS.Signals) => {
      stop();
      // A second signal, or a command that does not wind down in time, ends the process now.
      const force = () => process.exit(signal === 'SIGINT' ? 130 : 143);
      signals.forEach((s) => process.once(s, force));
      setTimeout(force, WIND_DOWN_MS).unref();
      listener();
    };
    const stop = () => signals.forEach((signal) => process.off(signal, once));
    signals.forEach((signal) => process.once(signal, once));
    return stop;
  },
};

/**
 * `hearth search … | head` closes the pipe after ten lines: the rest of the output has nowhere to
 * go, which is not a failure. Without this Node throws EPIPE with a stack trace.
 */
export function endQuietlyOnClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}
