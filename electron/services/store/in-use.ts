import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseProcessLines, processLine, stillRunning } from '../running-processes';

/**
 * Beside a database while a connection has it open: `<db>.in-use.<pid>.<n>`, one per connection,
 * so the app and a `hearth` command open at once each keep their own, and closing one never
 * removes the other's. A marker whose process no longer runs means that process did not close the
 * database (a crash, `kill -9`): the next open checks it in full.
 */
export function inUseMarker(path: string, pid: number = process.pid, connection = 1): string {
  return `${path}.in-use.${pid}.${connection}`;
}

/** What Hearth before per-connection markers left; found at open, it means the same. */
const legacyMarker = (path: string) => `${path}.in-use`;

let connections = 0;

/** Writes this connection's marker; the returned function removes it (and only it). */
export function markInUse(path: string): () => void {
  const marker = inUseMarker(path, process.pid, ++connections);
  writeFileSync(marker, processLine(process.pid));
  return () => rmSync(marker, { force: true });
}

/**
 * Markers left by connections whose process is gone: evidence of an unclean shutdown. Markers of
 * processes still running (another Hearth window, a `hearth` command) are theirs, and not evidence.
 */
export function markersLeftByCrashes(path: string): string[] {
  const prefix = `${basename(legacyMarker(path))}.`;
  const found: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return [];
  }
  for (const name of names) {
    const marker = join(dirname(path), name);
    if (name === basename(legacyMarker(path))) found.push(marker);
    else if (name.startsWith(prefix) && !runningOwner(marker)) found.push(marker);
  }
  return found;
}

function runningOwner(marker: string): boolean {
  try {
    const [owner] = parseProcessLines(readFileSync(marker, 'utf8'));
    return owner !== undefined && (owner.pid === process.pid || stillRunning(owner.pid, owner.started));
  } catch {
    return false;
  }
}
