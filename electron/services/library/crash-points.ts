/**
 * Named moments of an indexing run where the crash-safety tests end the app as `kill -9` or a
 * power cut would, so each kill lands on a chosen stage (inside a transaction, between batches,
 * while main answers the indexer) instead of at a random wall-clock moment. Armed only by
 * `HEARTH_CRASH_AT=<point>:<n>` (the n-th time this process passes that point) in a run from
 * source: the app's build replaces the variable with `undefined` (electron.vite.config.ts), so a
 * packaged app holds no way to crash itself.
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
