import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { HearthError } from '../../ipc/errors';
import { parseProcessLines, processLine, stillRunning } from '../running-processes';
import { mainText } from '../../ipc/main-text';

/**
 * One indexer per data folder, across processes: the app and the `hearth` CLI may both be open on
 * the same `library.db`, and two indexers would do the same work twice and fight over the queue.
 * The lock is a file created exclusively, holding the owner, then each indexing process it starts
 * (`shareIndexLock`), a line each (see running-processes.ts); a lock whose processes are all gone
 * (a crash, `kill -9`) is taken over. The indexing processes count because one may outlive its
 * parent by a moment.
 *
 * Taking over is the racy part: two processes that both read the same stale lock must not both
 * remove it, or the second removes the first's fresh lock and both index. So a stale lock is
 * removed only under a second exclusive file (`<lock>.takeover`), and only if it still holds the
 * very lines judged stale; and a lock just created is read back before it counts as ours.
 */
export function acquireIndexLock(path: string): () => void {
  const mine = processLine(process.pid);
  for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      if (readLock(path)?.startsWith(mine)) return () => rmSync(path, { force: true });
      continue;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    const stale = readLock(path);
    if (stale === null) continue;
    // Created a moment ago and not written yet: its owner is writing it now, not gone. (An empty
    // lock left by a crash between the two is old, and taken over like any stale one.)
    if (stale === '' && Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0) < STALE_TAKEOVER_MS) {
      sleep(5 + attempt);
      continue;
    }
    const owner = parseProcessLines(stale).find(
      ({ pid, started }) => pid === process.pid || stillRunning(pid, started),
    )?.pid;
    if (owner !== undefined) {
      throw new HearthError('BUSY', mainText('library.otherProcess', { pid: owner }), { pid: owner });
    }
    if (!removeIfStill(path, stale)) sleep(5 + attempt);
  }
  throw new HearthError('BUSY', mainText('library.otherProcessUnknown'));
}

/** How often a lock is tried again while others take over the same stale lock. */
const TAKEOVER_ATTEMPTS = 50;
/** A takeover file older than this was left by a process that died in the middle of one. */
const STALE_TAKEOVER_MS = 10_000;

function readLock(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes the lock at `path` if it still holds `stale`, under the exclusive takeover file. False
 * when another process is taking over right now (try again in a moment).
 */
function removeIfStill(path: string, stale: string): boolean {
  const takeover = `${path}.takeover`;
  try {
    writeFileSync(takeover, processLine(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(takeover).mtimeMs > STALE_TAKEOVER_MS) rmSync(takeover, { force: true });
    } catch {
      // Gone already: the other process finished its takeover.
    }
    return false;
  }
  try {
    if (readLock(path) === stale) rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(takeover, { force: true });
  }
}

/** A short pause in synchronous code (the lock is taken synchronously). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Adds an indexing process started under the lock this process holds at `path`. */
export function shareIndexLock(path: string, pid: number): void {
  appendFileSync(path, processLine(pid));
}

/** Who holds the index lock, as far as the lock file says (a takeover race may leave it unknown). */
export interface IndexLockHolder {
  pid?: number;
}

/**
 * `acquireIndexLock`, waiting while another process holds the lock: tries again every `pollMs`
 * (default 1 s) until it is free or `signal` aborts. `onWaiting` is told once, with who holds it:
 * the caller words it for its own reader.
 */
export async function waitForIndexLock(
  path: string,
  options: { signal?: AbortSignal; pollMs?: number; onWaiting?: (holder: IndexLockHolder) => void } = {},
): Promise<() => void> {
  let told = false;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      return acquireIndexLock(path);
    } catch (error) {
      if (!(error instanceof HearthError) || error.code !== 'BUSY') throw error;
      if (!told) options.onWaiting?.({ ...(error.details as IndexLockHolder | undefined) });
      told = true;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    }
  }
}
