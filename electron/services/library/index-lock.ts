import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { HearthError } from '../../ipc/errors';

/**
 * One indexer per data folder, across processes: the app and the `hearth` CLI may both be open on
 * the same `library.db`, and two indexers would do the same work twice and fight over the queue.
 * The lock is a file created exclusively, holding the owner, then each indexing process it starts
 * (`shareIndexLock`), a line each; a lock whose processes are all gone (a crash, `kill -9`) is
 * taken over. The indexing processes count because one may outlive its parent by a moment.
 * A line is `<pid> <start time>` where the system tells a process's start time (Linux): a pid
 * reused by an unrelated process since then does not hold the lock.
 */
export function acquireIndexLock(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, holderLine(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const owner = readFileSync(path, 'utf8')
        .split('\n')
        .map((line) => line.trim().split(' '))
        .filter(([pid]) => pid)
        .map(([pid, started]) => ({ pid: Number(pid), started }))
        .find(({ pid, started }) => pid === process.pid || holds(pid, started))?.pid;
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
  appendFileSync(path, holderLine(pid));
}

function holderLine(pid: number): string {
  const started = startTime(pid);
  return started === null ? `${pid}\n` : `${pid} ${started}\n`;
}

/** Whether the process written down as `pid` (started at `started`, when known) still runs. */
function holds(pid: number, started: string | undefined): boolean {
  if (!isAlive(pid)) return false;
  const now = procStat(pid);
  // A zombie has ended and let go of everything; it only waits for a parent to collect its
  // status, which an orphan's new parent (a container's init) may never do.
  if (now?.state === 'Z' || now?.state === 'X') return false;
  return started === undefined || now === null || now.started === started;
}

function startTime(pid: number): string | null {
  return procStat(pid)?.started ?? null;
}

/**
 * A process's state letter (field 3 of `/proc/<pid>/stat`) and start time in clock ticks since
 * boot (field 22), or `null` where there is no /proc (macOS, Windows). The command name in field 2
 * may hold spaces and parentheses: the fields are counted from the last `)`.
 */
function procStat(pid: number): { state: string; started: string | null } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? null };
  } catch {
    return null;
  }
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
