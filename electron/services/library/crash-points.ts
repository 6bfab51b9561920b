import { basename } from 'node:path';

/**
 * Test hooks of an indexing run, so the tests of crashes and stuck files act at a chosen moment
 * instead of racing a clock. `HEARTH_CRASH_AT=<point>:<n>` ends the app as `kill -9` or a power
 * cut would, the n-th time this process passes that point (inside a transaction, between
 * batches, while main answers the indexer). `HEARTH_STALL_ON=<file name>` makes reading that file
 * never end, as a parser in an endless loop would. Both work only in a run from source: the app's
 * build replaces the variables with `undefined` (electron.vite.config.ts), so a packaged app holds
 * neither.
 */
export type CrashPoint =
  /** Indexing process: a folder's walk is written, before its transaction commits. */
  | 'walk-recorded'
  /** Indexing process: a document's chunks are written, before its transaction commits. */
  | 'document-written'
  /** Indexing process: a batch of vectors is written, before its transaction commits. */
  | 'vectors-written'
  /** Main: the indexing process said which document it reads next. */
  | 'document-started'
  /** Main: the indexing process asked for token counts or vectors. */
  | 'answering';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how Node's types declare the environment
  namespace NodeJS {
    interface ProcessEnv {
      /** `<point>:<n>`: see crash-points.ts. A test hook, compiled out of the app. */
      HEARTH_CRASH_AT?: string;
      /** A file name: see crash-points.ts. A test hook, compiled out of the app. */
      HEARTH_STALL_ON?: string;
    }
  }
}

const armed = /^([a-z-]+):(\d+)$/.exec(process.env.HEARTH_CRASH_AT ?? '');
let passes = 0;

/** Passes `point`; ends the app here when the test armed this point for this pass. */
export function crashPoint(point: CrashPoint): void {
  if (!armed || armed[1] !== point || ++passes !== Number(armed[2])) return;
  // The indexing process (it has a channel to its parent) takes the app down with it, at once.
  const isChild = typeof process.send === 'function' || 'parentPort' in process;
  if (isChild) process.kill(process.ppid, 'SIGKILL');
  process.kill(process.pid, 'SIGKILL');
}

/**
 * Passes the reading of `path`; never returns when the test named this file (`HEARTH_STALL_ON`):
 * the per-file watchdog must end the process, as it would a parser stuck on a hostile file.
 */
export async function stallPoint(path: string): Promise<void> {
  const name = process.env.HEARTH_STALL_ON;
  if (!name || basename(path) !== name) return;
  // Not a busy loop: the process stays responsive to its parent, only this file never ends.
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}
