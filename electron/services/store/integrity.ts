import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkerClient } from '../workers/worker-client';
import { needsCheckMarker } from './db';

const checker = new WorkerClient<{ path: string }, string[]>({
  name: 'integrity-worker',
  sourceDir: dirname(fileURLToPath(import.meta.url)),
  // Linear in the file's size: about a second per GB here.
  timeoutMs: 30 * 60_000,
  idleMs: 1_000,
});

/**
 * The full integrity check of each database, on a worker thread. A database with problems gets a
 * `needs-check` marker, so the next start checks it in full and, if it is damaged, moves it aside
 * and reports it like any unreadable database; `onProblems` hears about it now.
 */
export async function checkIntegrityInBackground(
  paths: readonly string[],
  onProblems?: (path: string, problems: string[]) => void,
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const path of paths) {
    let problems: string[];
    try {
      problems = await checker.run({ path });
    } catch (error) {
      // A file too damaged to open read-only is a problem too.
      problems = [error instanceof Error ? error.message : String(error)];
    }
    if (!problems.length) continue;
    found.set(path, problems);
    writeFileSync(needsCheckMarker(path), `${problems.slice(0, 20).join('\n')}\n`);
    onProblems?.(path, problems);
  }
  return found;
}

/** Stops the checker's thread (shutdown). */
export function stopIntegrityChecker(): Promise<void> {
  return checker.terminate();
}
