import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { HearthError } from '../../ipc/errors';

/**
 * One indexer per data folder, across processes: the app and the `hearth` CLI may both be open on
 * the same `library.db`, and two indexers would do the same work twice and fight over the queue.
 * The lock is a file created exclusively, holding the owner's pid, then the pid of each indexing
 * process it starts (`shareIndexLock`); a lock whose processes are all gone (a crash, `kill -9`)
 * is taken over. The indexing processes count because one may outlive its parent by a moment.
 */
export function acquireIndexLock(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const holders = readFileSync(path, 'utf8')
        .split('\n')
        .map((line) => Number.parseInt(line, 10));
      const owner = holders.find((pid) => pid === process.pid || isAlive(pid));
      if (owner !== undefined) {
        throw new HearthError(
          'BUSY',
          `Another Hearth process (pid ${owner}) is indexing this library. Wait for it to finish, or stop it.`,
          { pid: owner },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new HearthError('BUSY', 'The library is being indexed by another Hearth process.');
}

/** Adds an indexing process started under the lock this process holds at `path`. */
export function shareIndexLock(path: string, pid: number): void {
  appendFileSync(path, `${pid}\n`);
}

/**
 * `acquireIndexLock`, waiting while another process holds the lock: tries again every `pollMs`
 * (default 1 s) until it is free or `signal` aborts. `onWaiting` is told once, with who holds it.
 */
export async function waitForIndexLock(
  path: string,
  options: { signal?: AbortSignal; pollMs?: number; onWaiting?: (message: string) => void } = {},
): Promise<() => void> {
  let told = false;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      return acquireIndexLock(path);
    } catch (error) {
      if (!(error instanceof HearthError) || error.code !== 'BUSY') throw error;
      if (!told) options.onWaiting?.(error.message.replace(/ Wait for it.*$/, ' Waiting for it to finish…'));
      told = true;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as { code?: string }).code === 'EPERM';
  }
}
