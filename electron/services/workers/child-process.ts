import { fork } from 'node:child_process';

/** A Hearth entry running in a process of its own, as the process that started it sees it. */
export interface ChildProcessHandle {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, however it ended; `why` says how for a message ("exit 1", "out of memory"…). */
  onExit(listener: (why: string) => void): void;
  /** Ends it at once (SIGKILL): a parser stuck in a loop does not get a say. */
  kill(): void;
}

export interface ForkOptions {
  /** Strings for the entry's `process.argv` (see `jobArgument`). */
  args: string[];
  /** The child's V8 heap limit (`--max-old-space-size`). */
  heapMb: number;
  /** The entry is TypeScript (a run from source): load it through tsx. */
  fromSource: boolean;
  /** What the OS task manager shows for it (Electron's utility processes only). */
  name: string;
}

/**
 * Starts an entry in a child process. Plain Node (the CLI, tests) uses `child_process.fork`; the
 * app passes Electron's `utilityProcess` instead, since its fuses forbid running itself as Node.
 */
export type ForkEntry = (entryPath: string, options: ForkOptions) => ChildProcessHandle;

/** How much of a child's stderr is kept, to say why it died. */
const STDERR_TAIL_BYTES = 8192;

/**
 * What ended a child, in words: V8 prints "heap out of memory" (or "Reached heap limit") before
 * it aborts, which is the common way a hostile file kills its reader.
 */
export function describeExit(code: number | null, signal: string | null, stderrTail: string): string {
  if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderrTail)) return 'out of memory';
  if (signal) return `signal ${signal}`;
  return `exit ${code}`;
}

/** Keeps the last bytes of a stream, for `describeExit`. */
export function tailOf(stream: NodeJS.ReadableStream | null | undefined): () => string {
  let tail = '';
  stream?.on('data', (chunk: Buffer | string) => {
    tail = (tail + chunk.toString()).slice(-STDERR_TAIL_BYTES);
  });
  return () => tail;
}

/**
 * `ForkEntry` for plain Node. Messages use the structured-clone serialisation, so typed arrays
 * (vectors) cross as they are. The child's stdout is dropped (a parser's chatter must not reach a
 * CLI's `--json` output) and its stderr kept to say why it died.
 */
export const forkNodeEntry: ForkEntry = (entryPath, { args, heapMb, fromSource }) => {
  const execArgv = [`--max-old-space-size=${heapMb}`];
  if (fromSource) execArgv.push('--import', import.meta.resolve('tsx'));
  const child = fork(entryPath, args, {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr = tailOf(child.stderr);
  let ended = false;
  const exitListeners: Array<(why: string) => void> = [];
  const end = (why: string) => {
    if (ended) return;
    ended = true;
    for (const listener of exitListeners) listener(why);
  };
  // 'close' rather than 'exit': it comes after stderr is read to the end, so the reason is known.
  child.on('close', (code, signal) => end(describeExit(code, signal, stderr())));
  child.on('error', (error) => end(`could not start: ${error.message}`));
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (message) => {
      // A child that is gone cannot be told anything; its exit is reported on its own.
      if (child.connected) child.send(message as Parameters<typeof child.send>[0]);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => exitListeners.push(listener),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
};
