import { readFileSync } from 'node:fs';

/**
 * Whether a process another one wrote down (a lock's holder, a database's in-use marker) still
 * runs. A process is written down as `<pid> <start time>` where the system tells the start time
 * (Linux), so a pid reused by an unrelated process since then does not count.
 */
export function processLine(pid: number): string {
  const started = procStat(pid)?.started ?? null;
  return started === null ? `${pid}\n` : `${pid} ${started}\n`;
}

/** The processes a file of `processLine`s names, first first. */
export function parseProcessLines(text: string): Array<{ pid: number; started: string | undefined }> {
  return text
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter(([pid]) => pid)
    .map(([pid, started]) => ({ pid: Number(pid), started }));
}

/** Whether the process written down as `pid` (started at `started`, when known) still runs. */
export function stillRunning(pid: number, started: string | undefined): boolean {
  if (!isAlive(pid)) return false;
  const now = procStat(pid);
  // A zombie has ended and let go of everything; it only waits for a parent to collect its
  // status, which an orphan's new parent (a container's init) may never do.
  if (now?.state === 'Z' || now?.state === 'X') return false;
  return started === undefined || now === null || now.started === started;
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
